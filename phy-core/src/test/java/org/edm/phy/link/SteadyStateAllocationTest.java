package org.edm.phy.link;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.carrier.CarrierPacker;
import org.edm.phy.carrier.CarrierReceiver;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockQueue;
import org.edm.phy.pcs.BlockSink;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data path allocates nothing in steady state: frames queued, arbitrated with memory blocks, packed into carrier
 * frames, unpacked, demultiplexed and reassembled, measured with the JVM's per-thread allocation counter after a
 * warm-up. The bound is under one byte per round (a round is one frame and eight memory blocks, about 30 slots): an
 * object per frame or per block would cost at least 16 bytes each, while the JVM itself may allocate a few hundred
 * bytes once while compiling.
 */
class SteadyStateAllocationTest implements FrameHandler, BlockSink
{
    private final BlockQueue memoryQueue = new BlockQueue(64);
    private final MacFrameSource frames = new MacFrameSource(16, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
    private final TxSlotArbiter arbiter = new TxSlotArbiter(new QueueSlotSource(memoryQueue), frames);
    private final CarrierPacker packer = new CarrierPacker(0x020000000001L, 0x020000000002L, 1514);
    private final CarrierReceiver receiver = new CarrierReceiver(1514);
    private final RxDemux demux = new RxDemux(this, this, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
    private final UnsafeBuffer carrier = new UnsafeBuffer(new byte[1514]);
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1514]);
    private long slot;
    private long framesReceived;
    private long memoryReceived;

    @Test
    void shouldNotAllocateOnTheDataPath()
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            run(2_000);
        }
        final long before = threads.getCurrentThreadAllocatedBytes();

        run(2_000);

        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated in 2000 rounds").isLessThan(2_000);
        assertThat(framesReceived).isGreaterThan(1000);
        assertThat(memoryReceived).isGreaterThan(10_000);
        assertThat(demux.totalDrops()).isZero();
        assertThat(receiver.totalRejected()).isZero();
    }

    private void run(final int rounds)
    {
        for (int round = 0; round < rounds; round++)
        {
            final int length = 60 + (round * 37) % 400;
            frames.offer(frame, 0, length);
            for (int i = 0; i < 8; i++)
            {
                memoryQueue.offer(Block.SYNC_CONTROL, MemoryBlockTypes.RRESP_MIDDLE | ((long)round << 8));
            }
            packer.begin(carrier, 0, slot);
            while (frames.hasWork() || !memoryQueue.isEmpty())
            {
                if (packer.isFull())
                {
                    flush();
                    packer.begin(carrier, 0, slot);
                }
                arbiter.emit(slot++, packer);
            }
            flush();
        }
    }

    private void flush()
    {
        final int length = packer.finish(slot);
        receiver.onFrame(carrier, 0, length, demux);
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        framesReceived++;
    }

    @Override
    public void accept(final int sync, final long payload)
    {
        memoryReceived++;
    }
}
