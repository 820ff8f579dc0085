package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.memory.MemoryRegions;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data path allocates nothing in steady state: READs and WRITEs submitted, emitted, carried by a preallocated
 * two-slot "wire", accepted, acknowledged and completed, measured with the JVM's per-thread allocation counter after
 * a warm-up. The bound allows a few hundred bytes the JVM may allocate once while compiling; an object per frame or
 * per request would cost far more.
 */
class RoceSteadyStateAllocationTest
{
    /** A sink that keeps one frame, for the other side to accept straight from it. */
    private static final class SlotSink implements RoceFrameSink
    {
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[8192]);
        private int length;

        @Override
        public MutableDirectBuffer buffer()
        {
            return buffer;
        }

        @Override
        public int claim(final int frameLength)
        {
            return length == 0 ? 0 : -1;
        }

        @Override
        public void commit(final int frameLength)
        {
            length = frameLength;
        }
    }

    private final UnsafeBuffer memory = new UnsafeBuffer(new byte[1 << 16]);
    private final UnsafeBuffer local = new UnsafeBuffer(new byte[1 << 16]);
    private final SlotSink sinkA = new SlotSink();
    private final SlotSink sinkB = new SlotSink();
    private RoceQueuePair a;
    private RoceQueuePair b;
    private long completed;
    private long now;

    @Test
    void shouldNotAllocateOnTheDataPath()
    {
        final RoceQpConfig config = RoceLink.defaultConfig();
        final MemoryRegions regions = new MemoryRegions(1 << 16);
        regions.register(RoceLink.RKEY, memory, memory.capacity());
        a = new RoceQueuePair(config, null, (id, status, submitted, done) -> completed += status == 0 ? 1 : 1000);
        b = new RoceQueuePair(config.mirror(), regions, (id, status, submitted, done) -> completed += 1000);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            run(2_000);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();
        final long completedBefore = completed;

        run(2_000);

        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(completed - completedBefore).isEqualTo(2_000);
        assertThat(allocated).as("bytes allocated in 2000 requests").isLessThan(2_000);
    }

    private void run(final int requests)
    {
        for (int i = 0; i < requests; i++)
        {
            final int length = 1 + (i * 977) % 5_000;
            final int status = (i & 1) == 0 ?
                a.submitRead(i, i % 1000, RoceLink.RKEY, length, local, 0, now) :
                a.submitWrite(i, i % 1000, RoceLink.RKEY, length, local, 7, now);
            if (status != RoceStatus.OK)
            {
                throw new AssertionError("submission refused: " + status);
            }
            while (a.outstanding() > 0)
            {
                now += 100;
                a.emit(now, sinkA);
                b.emit(now, sinkB);
                deliver(sinkA, b);
                deliver(sinkB, a);
                a.tick(now);
            }
        }
    }

    private void deliver(final SlotSink sink, final RoceQueuePair to)
    {
        if (sink.length > 0)
        {
            to.accept(sink.buffer, 0, sink.length, now);
            sink.length = 0;
        }
    }
}
