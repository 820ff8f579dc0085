package org.edm.phy.link;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames mixed with memory blocks through the TX arbiter and the RX demux give back identical frames and messages. */
class LinkRoundTripPropertyTest
{
    private static final int[] MEMORY_TYPES = {
        MemoryBlockTypes.RREQ_FIRST, MemoryBlockTypes.RREQ_MIDDLE, MemoryBlockTypes.RREQ_LAST,
        MemoryBlockTypes.RRESP_FIRST, MemoryBlockTypes.RRESP_MIDDLE, MemoryBlockTypes.RRESP_LAST,
        MemoryBlockTypes.WREQ_FIRST, MemoryBlockTypes.WREQ_MIDDLE, MemoryBlockTypes.WREQ_LAST,
        MemoryBlockTypes.NOTIF, MemoryBlockTypes.GRANT, MemoryBlockTypes.ACK };

    record Outcome(
        List<byte[]> sentFrames, List<byte[]> receivedFrames, ScheduledSource memory, RecordingSink memoryReceived,
        RecordingSink stream, RxDemux demux, MacFrameSource frames)
    {
    }

    @Property(tries = 150)
    void framesMixedWithMemoryBlocksComeBackIdentical(
        @ForAll @IntRange(min = 1, max = 16) final int frameCount,
        @ForAll @IntRange(min = 0, max = 120) final int memoryCount,
        @ForAll final boolean eightByteData,
        @ForAll final long seed)
    {
        final Outcome outcome = run(frameCount, memoryCount, eightByteData, seed);

        assertThat(outcome.demux().totalDrops()).isZero();
        assertThat(outcome.receivedFrames()).hasSameSizeAs(outcome.sentFrames());
        for (int i = 0; i < outcome.sentFrames().size(); i++)
        {
            assertThat(outcome.receivedFrames().get(i)).as("frame %d", i).isEqualTo(padded(outcome.sentFrames().get(i)));
        }
        final List<ScheduledSource.Entry> sent = outcome.memory().entries;
        assertThat(outcome.memoryReceived().size()).isEqualTo(sent.size());
        for (int i = 0; i < sent.size(); i++)
        {
            assertThat(outcome.memoryReceived().sync(i)).isEqualTo(sent.get(i).sync());
            assertThat(outcome.memoryReceived().payload(i)).isEqualTo(sent.get(i).payload());
        }
        final FrameStreamStats stats = FrameStreamStats.of(outcome.stream());
        assertThat(stats.frames).hasSize(frameCount);
        for (final FrameStreamStats.Frame frame : stats.frames)
        {
            assertThat(frame.wireBytes()).isGreaterThanOrEqualTo(MacBlockFraming.MIN_WIRE_FRAME_LENGTH);
            if (frame.gapBefore() >= 0)
            {
                assertThat(frame.gapBefore()).isGreaterThanOrEqualTo(MacBlockFraming.MIN_GAP_BYTES);
            }
        }
        Statistics.label("lane 4 starts").collect(stats.lane4Starts() > 0);
        Statistics.label("memory inside frames").collect(memoryInsideFrames(outcome.stream()) > 0);
    }

    @Example
    void shouldExerciseBothStartLanesAndMidFramePreemption()
    {
        final Outcome outcome = run(200, 3000, false, 42);

        assertThat(outcome.receivedFrames()).hasSize(200);
        assertThat(outcome.frames().lane0Starts()).isPositive();
        assertThat(outcome.frames().lane4Starts()).isPositive();
        assertThat(memoryInsideFrames(outcome.stream())).isGreaterThan(100);
        assertThat(outcome.demux().totalDrops()).isZero();
    }

    private static Outcome run(final int frameCount, final int memoryCount, final boolean eightByteData, final long seed)
    {
        final Random random = new Random(seed);
        final List<byte[]> sentFrames = new ArrayList<>();
        final long[] offerSlots = new long[frameCount];
        long horizon = 0;
        for (int i = 0; i < frameCount; i++)
        {
            final int length = random.nextInt(4) == 0 ? 1 + random.nextInt(80) : 1 + random.nextInt(1514);
            final byte[] frame = new byte[length];
            random.nextBytes(frame);
            sentFrames.add(frame);
            horizon += (length + 40) / 8;
        }
        horizon += memoryCount;
        for (int i = 0; i < frameCount; i++)
        {
            offerSlots[i] = random.nextInt(2) == 0 ? 0 : random.nextLong(horizon);
        }
        Arrays.sort(offerSlots);
        final long[] memorySlots = new long[memoryCount];
        for (int i = 0; i < memoryCount; i++)
        {
            memorySlots[i] = random.nextLong(horizon);
        }
        Arrays.sort(memorySlots);
        final ScheduledSource memory = new ScheduledSource();
        for (final long slot : memorySlots)
        {
            if (eightByteData && random.nextInt(3) == 0)
            {
                memory.add(slot, random.nextBoolean() ? Block.SYNC_ZERO : Block.SYNC_ONES, random.nextLong());
            }
            else
            {
                final long payload = (random.nextLong() & ~0xFFL) | MEMORY_TYPES[random.nextInt(MEMORY_TYPES.length)];
                memory.add(slot, Block.SYNC_CONTROL, payload);
            }
        }

        final MacFrameSource frames = new MacFrameSource(frameCount, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
        final TxSlotArbiter arbiter = new TxSlotArbiter(memory, frames);
        final RecordingSink memoryReceived = new RecordingSink();
        final List<byte[]> receivedFrames = new ArrayList<>();
        final RxDemux demux = new RxDemux(
            memoryReceived, (buffer, offset, length) -> receivedFrames.add(copy(buffer, offset, length)),
            MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, eightByteData);
        final RecordingSink stream = new RecordingSink();
        final BlockSink tee = (sync, payload) ->
        {
            stream.accept(sync, payload);
            demux.accept(sync, payload);
        };

        int offered = 0;
        long slot = 0;
        while (offered < frameCount || frames.hasWork() || !memory.done())
        {
            while (offered < frameCount && offerSlots[offered] <= slot)
            {
                final byte[] frame = sentFrames.get(offered++);
                assertThat(frames.offer(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(MacFrameQueue.OK);
            }
            arbiter.emit(slot++, tee);
        }
        return new Outcome(sentFrames, receivedFrames, memory, memoryReceived, stream, demux, frames);
    }

    private static int memoryInsideFrames(final RecordingSink stream)
    {
        final FrameStreamStats stats = FrameStreamStats.of(stream);
        int inside = 0;
        for (final FrameStreamStats.Frame frame : stats.frames)
        {
            for (int slot = frame.startSlot() + 1; slot < frame.terminateSlot(); slot++)
            {
                if (MemoryBlockTypes.isMemoryBlock(stream.sync(slot), stream.payload(slot), true))
                {
                    inside++;
                }
            }
        }
        return inside;
    }

    private static byte[] padded(final byte[] frame)
    {
        return frame.length >= MacBlockFraming.MIN_FRAME_LENGTH ? frame :
            Arrays.copyOf(frame, MacBlockFraming.MIN_FRAME_LENGTH);
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return copy;
    }
}
