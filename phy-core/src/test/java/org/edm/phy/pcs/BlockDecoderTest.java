package org.edm.phy.pcs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The receive state machine of IEEE 802.3 figure 49-15, its R_TYPE_NEXT lookahead, and the bulk decoder. */
class BlockDecoderTest
{
    /** One representative block per R_TYPE: {sync, payload}. */
    private static final long[] IDLE = { Block.SYNC_CONTROL, Block.IDLE_PAYLOAD };
    private static final long[] START = { Block.SYNC_CONTROL, 0xD555555555555578L };
    private static final long[] TERMINATE = { Block.SYNC_CONTROL, 0x00000000030201B4L };
    private static final long[] DATA = { Block.SYNC_DATA, 0x1122334455667788L };
    private static final long[] INVALID = { Block.SYNC_ZERO, Block.IDLE_PAYLOAD };

    private static final long ERROR_TXD = 0xFEFEFEFEFEFEFEFEL;

    /**
     * Every reachable (state, R_TYPE, R_TYPE_NEXT) of figure 49-15. RX_T is only entered when the next block is C or
     * S, so only those two follow it.
     */
    @ParameterizedTest(name = "{0} + {1} (next {2}) -> {3}")
    @CsvSource({
        "RX_INIT, C, C, RX_C", "RX_INIT, S, D, RX_D", "RX_INIT, T, C, RX_E", "RX_INIT, D, C, RX_E",
        "RX_INIT, E, C, RX_E",
        "RX_C, C, C, RX_C", "RX_C, S, D, RX_D", "RX_C, T, C, RX_E", "RX_C, D, D, RX_E", "RX_C, E, C, RX_E",
        "RX_D, C, C, RX_E", "RX_D, S, D, RX_E", "RX_D, D, D, RX_D", "RX_D, E, D, RX_E",
        "RX_D, T, C, RX_T", "RX_D, T, S, RX_T", "RX_D, T, D, RX_E", "RX_D, T, T, RX_E", "RX_D, T, E, RX_E",
        "RX_T, C, C, RX_C", "RX_T, S, D, RX_D",
        "RX_E, C, C, RX_C", "RX_E, S, D, RX_D", "RX_E, D, D, RX_D", "RX_E, E, E, RX_E",
        "RX_E, T, C, RX_T", "RX_E, T, S, RX_T", "RX_E, T, D, RX_E", "RX_E, T, T, RX_E", "RX_E, T, E, RX_E",
    })
    void shouldFollowFigure49_15(final String from, final String type, final String nextType, final String to)
    {
        final BlockDecoder decoder = new BlockDecoder();
        final long[] block = blockOf(type);
        final long[] next = blockOf(nextType);
        driveInto(decoder, from, block);
        assertThat(BlockDecoder.stateName(decoder.state())).as("state before").isEqualTo(from);
        final long errorsBefore = decoder.errorTransfers();

        assertThat(decoder.decode((int)next[0], next[1])).isTrue();

        assertThat(BlockDecoder.stateName(decoder.state())).isEqualTo(to);
        if (to.equals("RX_E"))
        {
            assertThat(decoder.rxd()).isEqualTo(ERROR_TXD);
            assertThat(decoder.rxc()).isEqualTo(0xFF);
            assertThat(decoder.errorTransfers()).isEqualTo(errorsBefore + 1);
        }
        else
        {
            assertThat(decoder.rxd()).isEqualTo(BlockCodec.decode((int)block[0], block[1]));
            assertThat(decoder.rxc()).isEqualTo(BlockCodec.decodedRxc((int)block[0], block[1], decoder.rxd()));
            assertThat(decoder.errorTransfers()).isEqualTo(errorsBefore);
        }
        assertThat(BlockDecoder.nextState(stateOf(from), typeOf(type), typeOf(nextType))).isEqualTo(stateOf(to));
    }

    @Test
    void shouldHoldEachBlockUntilTheNextArrives()
    {
        final BlockDecoder decoder = new BlockDecoder();

        assertThat(decoder.decode(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD)).isFalse();
        assertThat(decoder.isHolding()).isTrue();
        assertThat(decoder.decode(Block.SYNC_CONTROL, 0xD555555555555578L)).isTrue();
        assertThat(decoder.rxd()).isEqualTo(0x0707070707070707L);
        assertThat(decoder.rxc()).isEqualTo(0xFF);
        assertThat(decoder.decode(Block.SYNC_DATA, 0x1122334455667788L)).isTrue();
        assertThat(decoder.rxd()).isEqualTo(0xD5555555555555FBL);
        assertThat(decoder.rxc()).isEqualTo(0x01);
    }

    @Test
    void shouldAcceptATerminateAtTheEndOfInputWhenFlushed()
    {
        final BlockDecoder decoder = new BlockDecoder();
        decoder.decode(Block.SYNC_CONTROL, 0xD555555555555578L);
        decoder.decode(Block.SYNC_CONTROL, 0x00000000030201B4L);

        assertThat(decoder.flush()).isTrue();

        assertThat(decoder.rxd()).isEqualTo(0x07070707FD030201L);
        assertThat(decoder.rxc()).isEqualTo(0xF8);
        assertThat(decoder.state()).isEqualTo(BlockDecoder.RX_T);
        assertThat(decoder.isHolding()).isFalse();
        assertThat(decoder.flush()).isFalse();
        assertThat(decoder.errorTransfers()).isZero();
    }

    @Test
    void shouldContinueTheStreamAfterAFlush()
    {
        final BlockDecoder decoder = new BlockDecoder();
        decoder.decode(Block.SYNC_CONTROL, 0xD555555555555578L);
        decoder.flush();

        assertThat(decoder.decode(Block.SYNC_DATA, 42L)).isFalse();
        assertThat(decoder.flush()).isTrue();

        assertThat(decoder.rxd()).isEqualTo(42L);
        assertThat(decoder.rxc()).isZero();
    }

    @Test
    void shouldReplaceATerminateFollowedByDataAndCountIt()
    {
        final BlockDecoder decoder = new BlockDecoder();
        decoder.decode(Block.SYNC_CONTROL, 0xD555555555555578L);
        decoder.decode(Block.SYNC_CONTROL, 0x00000000030201B4L);

        decoder.decode(Block.SYNC_DATA, 7L);

        assertThat(decoder.rxd()).isEqualTo(ERROR_TXD);
        assertThat(decoder.rxc()).isEqualTo(0xFF);
        assertThat(decoder.errorTransfers()).isEqualTo(1);
        assertThat(decoder.invalidBlocks()).isZero();
    }

    @Test
    void shouldCountInvalidBlocksAndDropTheHeldBlockOnReset()
    {
        final BlockDecoder decoder = new BlockDecoder();
        decoder.decode(Block.SYNC_ONES, 0L);
        decoder.decode(Block.SYNC_CONTROL, 0x0AL);
        decoder.decode(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        assertThat(decoder.invalidBlocks()).isEqualTo(2);
        assertThat(decoder.errorTransfers()).isEqualTo(2);

        decoder.reset();

        assertThat(decoder.isHolding()).isFalse();
        assertThat(decoder.state()).isEqualTo(BlockDecoder.RX_INIT);
        assertThat(decoder.flush()).isFalse();
    }

    @Property
    void shouldDecodeInBulkExactlyAsBlockByBlock(
        @ForAll("blockStreams") final List<long[]> blocks, @ForAll @IntRange(min = 1, max = 100) final int chunk,
        @ForAll @IntRange(max = 5) final int offset)
    {
        final BlockDecoder single = new BlockDecoder();
        final long[] expectedRxd = new long[blocks.size()];
        final int[] expectedRxc = new int[blocks.size()];
        int expected = 0;
        for (final long[] block : blocks)
        {
            if (single.decode((int)block[0], block[1]))
            {
                expectedRxd[expected] = single.rxd();
                expectedRxc[expected++] = single.rxc();
            }
        }
        if (single.flush())
        {
            expectedRxd[expected] = single.rxd();
            expectedRxc[expected++] = single.rxc();
        }

        final BlockDecoder bulk = new BlockDecoder();
        final BlockBuffer buffer = new BlockBuffer(chunk);
        final long[] rxd = new long[offset + chunk];
        final byte[] rxc = new byte[offset + chunk];
        int delivered = 0;
        for (int from = 0; from < blocks.size(); from += chunk)
        {
            buffer.clear();
            for (int i = from; i < Math.min(blocks.size(), from + chunk); i++)
            {
                buffer.add((int)blocks.get(i)[0], blocks.get(i)[1]);
            }
            final int count = bulk.decode(buffer, rxd, rxc, offset);
            assertThat(count).isBetween(buffer.size() - 1, buffer.size());
            for (int i = 0; i < count; i++, delivered++)
            {
                assertThat(rxd[offset + i]).as("rxd %d", delivered).isEqualTo(expectedRxd[delivered]);
                assertThat(rxc[offset + i] & 0xFF).as("rxc %d", delivered).isEqualTo(expectedRxc[delivered]);
            }
        }
        assertThat(bulk.flush()).isTrue();
        assertThat(bulk.rxd()).isEqualTo(expectedRxd[delivered]);
        assertThat(bulk.rxc()).isEqualTo(expectedRxc[delivered++]);
        assertThat(delivered).isEqualTo(expected).isEqualTo(blocks.size());
        assertThat(bulk.errorTransfers()).isEqualTo(single.errorTransfers());
        assertThat(bulk.invalidBlocks()).isEqualTo(single.invalidBlocks());
        assertThat(bulk.state()).isEqualTo(single.state());
    }

    @Test
    void shouldDeliverDataOutsideAFrameAsErrorCharactersAlsoOnTheWordAtATimePath()
    {
        // idle, 70 data blocks, idle: the first data block breaks the sequence (RX_C + D -> RX_E), the rest are
        // delivered as data (RX_E + D -> RX_D), and the closing idle is a sequence error too (RX_D + C -> RX_E)
        for (int lead = 0; lead < 33; lead++)
        {
            final BlockBuffer buffer = new BlockBuffer(lead + 72);
            for (int i = 0; i <= lead; i++)
            {
                buffer.add(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
            }
            for (int i = 1; i <= 70; i++)
            {
                buffer.add(Block.SYNC_DATA, i);
            }
            buffer.add(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
            final BlockDecoder decoder = new BlockDecoder();
            final long[] rxd = new long[buffer.size()];
            final byte[] rxc = new byte[buffer.size()];

            assertThat(decoder.decode(buffer, rxd, rxc, 0)).isEqualTo(buffer.size() - 1);
            assertThat(decoder.flush()).isTrue();

            assertThat(rxd[lead + 1]).isEqualTo(ERROR_TXD);
            assertThat(rxc[lead + 1]).isEqualTo((byte)0xFF);
            for (int i = 2; i <= 70; i++)
            {
                assertThat(rxd[lead + i]).isEqualTo(i);
                assertThat(rxc[lead + i]).isZero();
            }
            assertThat(decoder.rxd()).isEqualTo(ERROR_TXD);
            assertThat(decoder.errorTransfers()).isEqualTo(2);
        }
    }

    @Test
    void shouldRefuseArraysThatAreTooShortWithoutDecoding()
    {
        final BlockDecoder decoder = new BlockDecoder();
        final BlockBuffer buffer = new BlockBuffer(4);
        buffer.add(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        buffer.add(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);

        assertThat(decoder.decode(buffer, new long[2], new byte[2], 1)).isEqualTo(BlockDecoder.INSUFFICIENT_CAPACITY);
        assertThat(decoder.decode(buffer, new long[1], new byte[2], 0)).isEqualTo(BlockDecoder.INSUFFICIENT_CAPACITY);
        assertThat(decoder.decode(buffer, new long[2], new byte[2], -1)).isEqualTo(BlockDecoder.INSUFFICIENT_CAPACITY);
        assertThat(decoder.isHolding()).isFalse();
        assertThat(decoder.decode(buffer, new long[2], new byte[2], 0)).isEqualTo(1);
        assertThat(decoder.decode(new BlockBuffer(1), new long[0], new byte[0], 0)).isZero();
        assertThat(decoder.isHolding()).isTrue();
    }

    @Property
    void shouldNeverThrowOnRandomBits(@ForAll("randomBlockLists") final List<long[]> blocks)
    {
        final BlockDecoder decoder = new BlockDecoder();
        final BlockDecoder bulk = new BlockDecoder();
        final BlockBuffer buffer = new BlockBuffer(Math.max(1, blocks.size()));
        for (final long[] block : blocks)
        {
            final int sync = (int)block[0];
            final long rxd = BlockCodec.decode(sync, block[1]);
            final int type = BlockCodec.decodedType(sync, block[1], rxd);
            assertThat(type).isBetween(VectorType.CONTROL, VectorType.ERROR);
            assertThat(type == VectorType.ERROR).isEqualTo(rxd == ERROR_TXD && (sync != Block.SYNC_DATA));
            decoder.decode(sync, block[1]);
            buffer.add(sync, block[1]);
        }
        decoder.flush();
        assertThat(bulk.decode(buffer, new long[buffer.size()], new byte[buffer.size()], 0))
            .isBetween(buffer.size() - 1, buffer.size());
        bulk.flush();
        assertThat(bulk.errorTransfers()).isEqualTo(decoder.errorTransfers());
    }

    @Provide
    Arbitrary<List<long[]>> blockStreams()
    {
        return Arbitraries.oneOf(
            XgmiiStreams.validStreams().map(BlockDecoderTest::encodeAll),
            XgmiiStreams.anyStreams().map(BlockDecoderTest::encodeAll),
            randomBlocks().list().ofMinSize(1).ofMaxSize(80));
    }

    @Provide
    Arbitrary<List<long[]>> randomBlockLists()
    {
        return randomBlocks().list().ofMaxSize(80);
    }

    private static Arbitrary<long[]> randomBlocks()
    {
        final Arbitrary<Long> payload = Arbitraries.oneOf(
            Arbitraries.longs(),
            net.jqwik.api.Combinators.combine(Arbitraries.longs(), Arbitraries.of(0x1E, 0x2D, 0x33, 0x66, 0x55, 0x78,
                0x4B, 0x87, 0x99, 0xAA, 0xB4, 0xCC, 0xD2, 0xE1, 0xFF)).as((bits, type) -> (bits & ~0xFFL) | type));
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3), payload)
            .as((sync, bits) -> new long[] { sync, bits });
    }

    private static List<long[]> encodeAll(final XgmiiStreams.Stream stream)
    {
        final BlockEncoder encoder = new BlockEncoder();
        final List<long[]> blocks = new java.util.ArrayList<>();
        for (int i = 0; i < stream.size(); i++)
        {
            final long payload = encoder.encode(stream.txd()[i], stream.txc()[i] & 0xFF);
            blocks.add(new long[] { encoder.sync(), payload });
        }
        return blocks;
    }

    /** Feeds blocks that leave a fresh decoder in {@code state} with {@code block} as the block that follows. */
    private static void driveInto(final BlockDecoder decoder, final String state, final long[] block)
    {
        switch (state)
        {
            case "RX_INIT" ->
            {
            }
            case "RX_C" -> decode(decoder, IDLE);
            case "RX_D" -> decode(decoder, START);
            case "RX_T" ->
            {
                decode(decoder, START);
                decode(decoder, TERMINATE);
            }
            case "RX_E" -> decode(decoder, INVALID);
            default -> throw new IllegalArgumentException(state);
        }
        // the state is decided once the block under test arrives as the lookahead
        decode(decoder, block);
    }

    private static void decode(final BlockDecoder decoder, final long[] block)
    {
        decoder.decode((int)block[0], block[1]);
    }

    private static long[] blockOf(final String type)
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
            case "RX_INIT" -> BlockDecoder.RX_INIT;
            case "RX_C" -> BlockDecoder.RX_C;
            case "RX_D" -> BlockDecoder.RX_D;
            case "RX_T" -> BlockDecoder.RX_T;
            default -> BlockDecoder.RX_E;
        };
    }
}
