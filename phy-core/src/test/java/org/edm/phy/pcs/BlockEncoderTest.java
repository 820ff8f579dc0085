package org.edm.phy.pcs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.pcs.BlockEncoder.TX_C;
import static org.edm.phy.pcs.BlockEncoder.TX_D;
import static org.edm.phy.pcs.BlockEncoder.TX_E;
import static org.edm.phy.pcs.BlockEncoder.TX_INIT;
import static org.edm.phy.pcs.BlockEncoder.TX_T;

/** The transmit state machine of IEEE 802.3 figure 49-14 and the bulk encoder. */
class BlockEncoderTest
{
    /** One representative transfer per T_TYPE. */
    private static final long[] IDLE = { 0x0707070707070707L, 0xFF };
    private static final long[] START = { 0xD5555555555555FBL, 0x01 };
    private static final long[] TERMINATE = { 0x07070707FD030201L, 0xF8 };
    private static final long[] DATA = { 0x1122334455667788L, 0x00 };
    private static final long[] INVALID = { 0x07070707070707FEL, 0xFF };

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "TX_INIT, C, TX_C", "TX_INIT, S, TX_D", "TX_INIT, T, TX_E", "TX_INIT, D, TX_E", "TX_INIT, E, TX_E",
        "TX_C,    C, TX_C", "TX_C,    S, TX_D", "TX_C,    T, TX_E", "TX_C,    D, TX_E", "TX_C,    E, TX_E",
        "TX_D,    C, TX_E", "TX_D,    S, TX_E", "TX_D,    T, TX_T", "TX_D,    D, TX_D", "TX_D,    E, TX_E",
        "TX_T,    C, TX_C", "TX_T,    S, TX_D", "TX_T,    T, TX_E", "TX_T,    D, TX_E", "TX_T,    E, TX_E",
        "TX_E,    C, TX_C", "TX_E,    S, TX_D", "TX_E,    T, TX_T", "TX_E,    D, TX_D", "TX_E,    E, TX_E",
    })
    void shouldFollowFigure49_14(final String from, final String type, final String to)
    {
        final BlockEncoder encoder = new BlockEncoder();
        driveInto(encoder, from);
        assertThat(BlockEncoder.stateName(encoder.state())).isEqualTo(from);
        final long errorsBefore = encoder.errorBlocks();
        final long[] transfer = transferOf(type);
        assertThat(BlockCodec.transferType(transfer[0], (int)transfer[1])).isEqualTo(typeOf(type));

        final long payload = encoder.encode(transfer[0], (int)transfer[1]);

        assertThat(BlockEncoder.stateName(encoder.state())).isEqualTo(to);
        if (to.equals("TX_E"))
        {
            assertThat(payload).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
            assertThat(encoder.sync()).isEqualTo(Block.SYNC_CONTROL);
            assertThat(encoder.errorBlocks()).isEqualTo(errorsBefore + 1);
        }
        else
        {
            assertThat(payload).isEqualTo(BlockCodec.encode(transfer[0], (int)transfer[1]));
            assertThat(encoder.sync()).isEqualTo(BlockCodec.encodedSync((int)transfer[1]));
            assertThat(encoder.errorBlocks()).isEqualTo(errorsBefore);
        }
        assertThat(BlockEncoder.nextState(stateOf(from), typeOf(type))).isEqualTo(stateOf(to));
    }

    @Test
    void shouldSendAFrameBetweenIdlesUnchanged()
    {
        final BlockEncoder encoder = new BlockEncoder();

        assertThat(encoder.encode(IDLE[0], 0xFF)).isEqualTo(Block.IDLE_PAYLOAD);
        assertThat(encoder.encode(START[0], 0x01)).isEqualTo(0xD555555555555578L);
        assertThat(encoder.encode(DATA[0], 0x00)).isEqualTo(DATA[0]);
        assertThat(encoder.sync()).isEqualTo(Block.SYNC_DATA);
        assertThat(encoder.encode(TERMINATE[0], 0xF8)).isEqualTo(0x00000000030201B4L);
        assertThat(encoder.sync()).isEqualTo(Block.SYNC_CONTROL);
        assertThat(encoder.encode(IDLE[0], 0xFF)).isEqualTo(Block.IDLE_PAYLOAD);
        assertThat(encoder.errorBlocks()).isZero();
    }

    @Test
    void shouldReplaceDataOutsideAFrameByAnErrorBlockAndResumeOnTheNextStart()
    {
        final BlockEncoder encoder = new BlockEncoder();
        encoder.encode(IDLE[0], 0xFF);

        assertThat(encoder.encode(DATA[0], 0x00)).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
        assertThat(encoder.sync()).isEqualTo(Block.SYNC_CONTROL);
        // TX_E + D -> TX_D: data after an error goes out as data again
        assertThat(encoder.encode(DATA[0], 0x00)).isEqualTo(DATA[0]);
        assertThat(encoder.sync()).isEqualTo(Block.SYNC_DATA);
        assertThat(encoder.errorBlocks()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAnInvalidTransferInsideAFrameAndKeepTheFrameGoing()
    {
        final BlockEncoder encoder = new BlockEncoder();
        encoder.encode(START[0], 0x01);

        assertThat(encoder.encode(INVALID[0], 0xFF)).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
        assertThat(encoder.encode(DATA[0], 0x00)).isEqualTo(DATA[0]);
        assertThat(encoder.encode(TERMINATE[0], 0xF8)).isEqualTo(0x00000000030201B4L);
        assertThat(encoder.state()).isEqualTo(TX_T);
    }

    @Test
    void shouldReturnToInitOnReset()
    {
        final BlockEncoder encoder = new BlockEncoder();
        encoder.encode(START[0], 0x01);

        encoder.reset();

        assertThat(encoder.state()).isEqualTo(TX_INIT);
        assertThat(encoder.encode(DATA[0], 0x00)).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
    }

    @Property
    void shouldEncodeInBulkExactlyAsTransferByTransfer(
        @ForAll("mixedStreams") final XgmiiStreams.Stream stream, @ForAll @IntRange(max = 40) final int preFilled)
    {
        final BlockEncoder single = new BlockEncoder();
        final BlockEncoder bulk = new BlockEncoder();
        final BlockBuffer buffer = new BlockBuffer(preFilled + stream.size());
        for (int i = 0; i < preFilled; i++)
        {
            buffer.add(i % 4, ~i);
        }

        final int encoded = bulk.encode(stream.txd(), stream.txc(), 0, stream.size(), buffer);

        assertThat(encoded).isEqualTo(stream.size());
        assertThat(buffer.size()).isEqualTo(preFilled + stream.size());
        for (int i = 0; i < preFilled; i++)
        {
            assertThat(buffer.sync(i)).as("untouched sync %d", i).isEqualTo(i % 4);
            assertThat(buffer.payload(i)).isEqualTo(~i);
        }
        for (int i = 0; i < stream.size(); i++)
        {
            final long payload = single.encode(stream.txd()[i], stream.txc()[i] & 0xFF);
            assertThat(buffer.payload(preFilled + i)).as("payload %d", i).isEqualTo(payload);
            assertThat(buffer.sync(preFilled + i)).as("sync %d", i).isEqualTo(single.sync());
        }
        assertThat(bulk.state()).isEqualTo(single.state());
        assertThat(bulk.errorBlocks()).isEqualTo(single.errorBlocks());
    }

    @Test
    void shouldSendDataOutsideAFrameAsAnErrorBlockAlsoOnTheWordAtATimePath()
    {
        // idle, then 70 data transfers: the first data transfer breaks the sequence (TX_C + D -> TX_E), the rest
        // follow as data (TX_E + D -> TX_D); at every alignment of the output buffer
        final long[] txd = new long[71];
        final byte[] txc = new byte[71];
        txd[0] = IDLE[0];
        txc[0] = (byte)0xFF;
        for (int i = 1; i < txd.length; i++)
        {
            txd[i] = i * 0x0101010101010101L;
        }
        for (int preFilled = 0; preFilled < 33; preFilled++)
        {
            final BlockBuffer buffer = new BlockBuffer(preFilled + txd.length);
            for (int i = 0; i < preFilled; i++)
            {
                buffer.add(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
            }
            final BlockEncoder encoder = new BlockEncoder();

            encoder.encode(txd, txc, 0, txd.length, buffer);

            assertThat(buffer.payload(preFilled + 1)).isEqualTo(BlockCodec.ERROR_BLOCK_PAYLOAD);
            assertThat(buffer.sync(preFilled + 1)).isEqualTo(Block.SYNC_CONTROL);
            for (int i = 2; i < txd.length; i++)
            {
                assertThat(buffer.payload(preFilled + i)).isEqualTo(txd[i]);
                assertThat(buffer.sync(preFilled + i)).isEqualTo(Block.SYNC_DATA);
            }
            assertThat(encoder.errorBlocks()).isEqualTo(1);
        }
    }

    @Test
    void shouldStopAtTheBufferCapacityAndEncodeFromAnOffset()
    {
        final long[] txd = { 0, IDLE[0], START[0], DATA[0], TERMINATE[0] };
        final byte[] txc = { 0, (byte)0xFF, 0x01, 0x00, (byte)0xF8 };
        final BlockEncoder encoder = new BlockEncoder();
        final BlockBuffer buffer = new BlockBuffer(3);

        assertThat(encoder.encode(txd, txc, 1, 4, buffer)).isEqualTo(3);
        assertThat(buffer.payload(2)).isEqualTo(DATA[0]);
        assertThat(buffer.sync(2)).isEqualTo(Block.SYNC_DATA);
        assertThat(encoder.encode(txd, txc, 4, 1, buffer)).isZero();
        buffer.clear();
        assertThat(encoder.encode(txd, txc, 4, 1, buffer)).isEqualTo(1);
        assertThat(buffer.payload(0)).isEqualTo(0x00000000030201B4L);
        assertThat(encoder.errorBlocks()).isZero();
    }

    @Provide
    Arbitrary<XgmiiStreams.Stream> mixedStreams()
    {
        return net.jqwik.api.Arbitraries.oneOf(XgmiiStreams.validStreams(), XgmiiStreams.anyStreams());
    }

    /** Feeds transfers that leave a fresh encoder in {@code state}. */
    private static void driveInto(final BlockEncoder encoder, final String state)
    {
        switch (state)
        {
            case "TX_INIT" ->
            {
            }
            case "TX_C" -> encode(encoder, IDLE);
            case "TX_D" -> encode(encoder, START);
            case "TX_T" ->
            {
                encode(encoder, START);
                encode(encoder, TERMINATE);
            }
            case "TX_E" -> encode(encoder, INVALID);
            default -> throw new IllegalArgumentException(state);
        }
    }

    private static void encode(final BlockEncoder encoder, final long[] transfer)
    {
        encoder.encode(transfer[0], (int)transfer[1]);
    }

    private static long[] transferOf(final String type)
    {
        return switch (type)
        {
            case "C" -> IDLE;
            case "S" -> START;
            case "T" -> TERMINATE;
            case "D" -> DATA;
            default -> INVALID;
        };
    }

    private static int typeOf(final String type)
    {
        return switch (type)
        {
            case "C" -> VectorType.CONTROL;
            case "S" -> VectorType.START;
            case "T" -> VectorType.TERMINATE;
            case "D" -> VectorType.DATA;
            default -> VectorType.ERROR;
        };
    }

    private static int stateOf(final String name)
    {
        return switch (name)
        {
            case "TX_INIT" -> TX_INIT;
            case "TX_C" -> TX_C;
            case "TX_D" -> TX_D;
            case "TX_T" -> TX_T;
            default -> TX_E;
        };
    }
}
