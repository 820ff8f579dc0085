package org.edm.phy.pcs;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** Round trips through the whole PCS: XGMII to blocks (optionally scrambled) and back to XGMII. */
class RoundTripTest
{
    @Provide
    Arbitrary<XgmiiStreams.Stream> validStreams()
    {
        return XgmiiStreams.validStreams();
    }

    @Provide
    Arbitrary<XgmiiStreams.Stream> anyStreams()
    {
        return XgmiiStreams.anyStreams();
    }

    @Provide
    Arbitrary<XgmiiStreams.Transfer> anyTransfers()
    {
        return XgmiiStreams.anyTransfers();
    }

    @Property
    void shouldDecodeEveryValidStreamBackToItself(@ForAll("validStreams") final XgmiiStreams.Stream stream)
    {
        final Decoded decoded = bulkRoundTrip(stream, false, 0, 0);

        assertThat(decoded.rxd).isEqualTo(stream.txd());
        assertThat(decoded.rxc).isEqualTo(stream.txc());
        assertThat(decoded.encoderErrors).isZero();
        assertThat(decoded.decoderErrors).isZero();
    }

    @Property
    void shouldDecodeEveryValidStreamBackToItselfThroughTheScrambler(
        @ForAll("validStreams") final XgmiiStreams.Stream stream,
        @ForAll @LongRange(min = 0, max = Scrambler.STATE_MASK) final long seed,
        @ForAll @LongRange(min = 0, max = Scrambler.STATE_MASK) final long receiverSeed)
    {
        // A descrambler in another state gets the first block wrong; that garbage may even look like a start, which
        // makes the following idle a sequence error. Two leading idles absorb both.
        final XgmiiStreams.Stream withLead = prepend(prepend(stream, BlockCodec.IDLE_TXD, BlockCodec.ALL_CONTROL),
            BlockCodec.IDLE_TXD, BlockCodec.ALL_CONTROL);

        final Decoded decoded = bulkRoundTrip(withLead, true, seed, receiverSeed);

        for (int i = 2; i < withLead.size(); i++)
        {
            assertThat(decoded.rxd[i]).as("rxd %d", i).isEqualTo(withLead.txd()[i]);
            assertThat(decoded.rxc[i]).as("rxc %d", i).isEqualTo(withLead.txc()[i]);
        }
        if (seed == receiverSeed)
        {
            assertThat(decoded.rxd).isEqualTo(withLead.txd());
            assertThat(decoded.decoderErrors).isZero();
        }
    }

    @Property
    void shouldRoundTripTransferByTransferAsInBulk(@ForAll("validStreams") final XgmiiStreams.Stream stream)
    {
        final BlockEncoder encoder = new BlockEncoder();
        final BlockDecoder decoder = new BlockDecoder();
        int delivered = 0;
        for (int i = 0; i < stream.size(); i++)
        {
            final long payload = encoder.encode(stream.txd()[i], stream.txc()[i] & 0xFF);
            if (decoder.decode(encoder.sync(), payload))
            {
                assertDelivered(decoder, stream, delivered++);
            }
        }
        assertThat(decoder.flush()).isTrue();
        assertDelivered(decoder, stream, delivered++);
        assertThat(delivered).isEqualTo(stream.size());
    }

    /**
     * For any input at all: the decoder delivers exactly one transfer per transfer, each either the one sent or
     * /E/ in all lanes, and /E/ at least wherever the encoder sent an error block.
     */
    @Property
    void shouldDeliverEachTransferOrErrorCharactersForAnyInput(@ForAll("anyStreams") final XgmiiStreams.Stream stream)
    {
        final BlockEncoder encoder = new BlockEncoder();
        final BlockBuffer blocks = new BlockBuffer(stream.size());
        encoder.encode(stream.txd(), stream.txc(), 0, stream.size(), blocks);
        final Decoded decoded = bulkRoundTrip(stream, false, 0, 0);

        for (int i = 0; i < stream.size(); i++)
        {
            final boolean error = decoded.rxd[i] == BlockCodec.ERROR_TXD && decoded.rxc[i] == (byte)0xFF;
            final boolean same = decoded.rxd[i] == stream.txd()[i] && decoded.rxc[i] == stream.txc()[i];
            assertThat(error || same).as("transfer %d", i).isTrue();
            if (blocks.sync(i) == Block.SYNC_CONTROL && blocks.payload(i) == BlockCodec.ERROR_BLOCK_PAYLOAD)
            {
                assertThat(error).as("error block %d", i).isTrue();
            }
        }
        assertThat(decoded.decoderErrors).isGreaterThanOrEqualTo(decoded.encoderErrors);
    }

    @Property
    void shouldRoundTripEveryValidSingleTransferStatelessly(@ForAll("anyTransfers") final XgmiiStreams.Transfer t)
    {
        final long payload = BlockCodec.encode(t.txd(), t.txc());
        final int sync = BlockCodec.encodedSync(t.txc());
        final int type = BlockCodec.encodedType(t.txc(), payload);
        final long rxd = BlockCodec.decode(sync, payload);

        if (type == VectorType.ERROR)
        {
            assertThat(payload).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
            assertThat(rxd).isEqualTo(BlockCodec.ERROR_TXD);
            assertThat(BlockCodec.decodedRxc(sync, payload, rxd)).isEqualTo(0xFF);
        }
        else
        {
            assertThat(rxd).isEqualTo(t.txd());
            assertThat(BlockCodec.decodedRxc(sync, payload, rxd)).isEqualTo(t.txc());
            assertThat(BlockCodec.decodedType(sync, payload, rxd)).isEqualTo(type);
        }
    }

    private static void assertDelivered(final BlockDecoder decoder, final XgmiiStreams.Stream stream, final int i)
    {
        assertThat(decoder.rxd()).as("rxd %d", i).isEqualTo(stream.txd()[i]);
        assertThat(decoder.rxc()).as("rxc %d", i).isEqualTo(stream.txc()[i] & 0xFF);
    }

    private record Decoded(long[] rxd, byte[] rxc, long encoderErrors, long decoderErrors)
    {
    }

    /** Bulk encode, optionally scramble and descramble, bulk decode, flush. */
    private static Decoded bulkRoundTrip(
        final XgmiiStreams.Stream stream, final boolean scramble, final long seed, final long receiverSeed)
    {
        final BlockEncoder encoder = new BlockEncoder();
        final BlockDecoder decoder = new BlockDecoder();
        final BlockBuffer blocks = new BlockBuffer(stream.size());
        assertThat(encoder.encode(stream.txd(), stream.txc(), 0, stream.size(), blocks)).isEqualTo(stream.size());
        if (scramble)
        {
            new Scrambler(seed).scramble(blocks);
            new Descrambler(receiverSeed).descramble(blocks);
        }
        final long[] rxd = new long[stream.size()];
        final byte[] rxc = new byte[stream.size()];
        final int count = decoder.decode(blocks, rxd, rxc, 0);
        assertThat(count).isEqualTo(stream.size() - 1);
        assertThat(decoder.flush()).isTrue();
        rxd[count] = decoder.rxd();
        rxc[count] = (byte)decoder.rxc();
        return new Decoded(rxd, rxc, encoder.errorBlocks(), decoder.errorTransfers());
    }

    private static XgmiiStreams.Stream prepend(final XgmiiStreams.Stream stream, final long txd, final int txc)
    {
        final long[] d = new long[stream.size() + 1];
        final byte[] c = new byte[stream.size() + 1];
        d[0] = txd;
        c[0] = (byte)txc;
        System.arraycopy(stream.txd(), 0, d, 1, stream.size());
        System.arraycopy(stream.txc(), 0, c, 1, stream.size());
        return new XgmiiStreams.Stream(d, c);
    }
}
