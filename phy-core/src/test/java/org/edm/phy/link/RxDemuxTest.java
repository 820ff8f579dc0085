package org.edm.phy.link;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RxDemuxTest
{
    private static final long MEMORY = MemoryBlockTypes.RRESP_MIDDLE | 0x7777_0000_0000_0000L;

    private final RecordingSink memory = new RecordingSink();
    private final List<byte[]> frames = new ArrayList<>();
    private final RxDemux demux = new RxDemux(memory, this::onFrame, 1514, false);

    @Test
    void shouldDeliverAFrameInterruptedByMemoryBlocksWholeAndTheMemoryBlocksAtOnce()
    {
        final RecordingSink stream = encode(100);
        for (int i = 0; i < stream.size(); i++)
        {
            demux.accept(stream.sync(i), stream.payload(i));
            if (i == 0 || i == 5)
            {
                demux.accept(Block.SYNC_CONTROL, MEMORY + ((long)i << 32));
                assertThat(memory.size()).isEqualTo(i == 0 ? 1 : 2);
                assertThat(frames).isEmpty();
            }
        }

        assertThat(frames).hasSize(1);
        assertThat(frames.getFirst()).isEqualTo(frame(100));
        assertThat(memory.payload(1)).isEqualTo(MEMORY + (5L << 32));
        assertThat(demux.memoryBlocks()).isEqualTo(2);
        assertThat(demux.totalDrops()).isZero();
    }

    @Test
    void shouldSkipIdleBlocksInsideAFrame()
    {
        final RecordingSink stream = encode(80);
        for (int i = 0; i < stream.size(); i++)
        {
            demux.accept(stream.sync(i), stream.payload(i));
            demux.accept(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        }

        assertThat(frames).hasSize(1);
        assertThat(demux.idleBlocks()).isEqualTo(stream.size());
    }

    @Test
    void shouldTakeEightByteDataBlocksAsMemoryOnlyWhenConfigured()
    {
        final RxDemux eightByte = new RxDemux(memory, this::onFrame, 1514, true);

        eightByte.accept(MemoryBlockTypes.SYNC_WRITE_DATA_8, 1L);
        eightByte.accept(MemoryBlockTypes.SYNC_RESPONSE_DATA_8, 2L);
        demux.accept(MemoryBlockTypes.SYNC_WRITE_DATA_8, 3L);

        assertThat(memory.size()).isEqualTo(2);
        assertThat(demux.drops(RxDropReason.INVALID_SYNC)).isEqualTo(1);
    }

    @Test
    void shouldCountAndDropEachKindOfMalformedInput()
    {
        final RecordingSink good = encode(100);
        final int last = good.size() - 1;

        feed(good, last, Block.SYNC_DATA, 0L);                                    // data after the frame
        assertDropped(RxDropReason.DATA_OUTSIDE_FRAME);

        demux.accept(Block.SYNC_CONTROL, BlockTypes.TERM_3);
        assertDropped(RxDropReason.TERMINATE_WITHOUT_START);

        for (int i = 0; i < 5; i++)
        {
            demux.accept(good.sync(i), good.payload(i));
        }
        feed(good, -1, 0, 0);
        assertDropped(RxDropReason.START_IN_FRAME);
        assertThat(frames).hasSize(2);

        feedWithReplacement(good, 4, Block.SYNC_CONTROL, 0x1E | (0x1EL << 8));
        assertDropped(RxDropReason.ERROR_BLOCK);

        feedWithReplacement(good, 4, Block.SYNC_ZERO, 0L);
        assertDropped(RxDropReason.INVALID_SYNC);

        feedWithReplacement(good, 4, Block.SYNC_CONTROL, 0x42);
        assertDropped(RxDropReason.UNKNOWN_TYPE);

        feedWithReplacement(good, 4, Block.SYNC_CONTROL, BlockTypes.OS_0);
        assertDropped(RxDropReason.CONTROL_IN_FRAME);

        feedWithReplacement(good, 4, Block.SYNC_DATA, good.payload(4) ^ 0x10);
        assertDropped(RxDropReason.BAD_FCS);

        feedWithReplacement(good, 0, Block.SYNC_CONTROL, MacBlockFraming.START_0_PAYLOAD ^ (1L << 60));
        assertDropped(RxDropReason.BAD_PREAMBLE);

        final RecordingSink runt = new RecordingSink();
        runt.accept(Block.SYNC_CONTROL, MacBlockFraming.START_0_PAYLOAD);
        runt.accept(Block.SYNC_DATA, 0L);
        runt.accept(Block.SYNC_CONTROL, BlockTypes.TERM_7);
        feed(runt, -1, 0, 0);
        assertDropped(RxDropReason.RUNT);

        final RecordingSink oversize = encode(1514);
        final RecordingSink longer = new RecordingSink();
        for (int i = 0; i < oversize.size(); i++)
        {
            if (i == 5)
            {
                longer.accept(Block.SYNC_DATA, 0L);
            }
            longer.accept(oversize.sync(i), oversize.payload(i));
        }
        feed(longer, -1, 0, 0);
        assertDropped(RxDropReason.OVERSIZE);
        assertThat(frames).hasSize(2);
    }

    @Test
    void shouldRejectAFrameWithABadPreambleTailAfterALane4Start()
    {
        final RecordingSink stream = new RecordingSink();
        final MacFrameSource source = new MacFrameSource(4, 1514);
        source.offer(new UnsafeBuffer(frame(60)), 0, 60);
        source.offer(new UnsafeBuffer(frame(60)), 0, 60);
        final TxSlotArbiter arbiter = new TxSlotArbiter(source);
        for (int slot = 0; slot < 22; slot++)
        {
            arbiter.emit(slot, stream);
        }
        assertThat(stream.type(10)).isEqualTo(BlockTypes.START_4);

        feedWithReplacement(stream, 11, Block.SYNC_DATA, stream.payload(11) ^ 1);

        assertThat(frames).hasSize(1);
        assertDropped(RxDropReason.BAD_PREAMBLE);
    }

    @Test
    void shouldAbortAFrameInProgressOnRequest()
    {
        final RecordingSink stream = encode(200);
        for (int i = 0; i < 10; i++)
        {
            demux.accept(stream.sync(i), stream.payload(i));
        }

        assertThat(demux.abortFrame()).isTrue();
        for (int i = 10; i < stream.size(); i++)
        {
            demux.accept(stream.sync(i), stream.payload(i));
        }

        assertThat(frames).isEmpty();
        assertThat(demux.drops(RxDropReason.ABORTED)).isEqualTo(1);
        assertThat(demux.abortFrame()).isFalse();
        assertThat(demux.totalDrops()).isEqualTo(1);
    }

    @Test
    void shouldValidateConfigurationNamingTheField()
    {
        assertThatThrownBy(() -> new RxDemux(null, this::onFrame, 1514, false)).hasMessageContaining("memorySink");
        assertThatThrownBy(() -> new RxDemux(memory, null, 1514, false)).hasMessageContaining("frameHandler");
        assertThatThrownBy(() -> new RxDemux(memory, this::onFrame, 20, false)).hasMessageContaining("maxFrameLength");
    }

    private void assertDropped(final int reason)
    {
        assertThat(demux.drops(reason)).as(RxDropReason.name(reason)).isEqualTo(1);
        assertThat(demux.totalDrops()).as("total after " + RxDropReason.name(reason)).isEqualTo(dropsSoFar + 1);
        dropsSoFar++;
    }

    private long dropsSoFar;

    /** Feeds {@code stream}, then, if {@code after >= 0}, one extra block. */
    private void feed(final RecordingSink stream, final int after, final int sync, final long payload)
    {
        for (int i = 0; i < stream.size(); i++)
        {
            demux.accept(stream.sync(i), stream.payload(i));
        }
        if (after >= 0)
        {
            demux.accept(sync, payload);
        }
    }

    private void feedWithReplacement(final RecordingSink stream, final int index, final int sync, final long payload)
    {
        for (int i = 0; i < stream.size(); i++)
        {
            if (i == index)
            {
                demux.accept(sync, payload);
            }
            else
            {
                demux.accept(stream.sync(i), stream.payload(i));
            }
        }
    }

    private static RecordingSink encode(final int length)
    {
        final MacFrameSource source = new MacFrameSource(2, 1514);
        source.offer(new UnsafeBuffer(frame(length)), 0, length);
        final RecordingSink stream = new RecordingSink();
        long slot = 0;
        while (source.hasWork())
        {
            source.emit(slot++, stream);
        }
        return stream;
    }

    private static byte[] frame(final int length)
    {
        final byte[] frame = new byte[length];
        for (int i = 0; i < length; i++)
        {
            frame[i] = (byte)(i * 7 + 3);
        }
        return frame;
    }

    private void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        frames.add(copy);
    }
}
