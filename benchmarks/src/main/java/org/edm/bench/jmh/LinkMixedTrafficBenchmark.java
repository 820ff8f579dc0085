package org.edm.bench.jmh;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.carrier.CarrierPacker;
import org.edm.phy.carrier.CarrierReceiver;
import org.edm.phy.link.FrameHandler;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.link.QueueSlotSource;
import org.edm.phy.link.RxDemux;
import org.edm.phy.link.TxSlotArbiter;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockQueue;
import org.edm.phy.pcs.BlockSink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One link direction on mixed traffic: MAC frames of 64 to 1514 bytes kept queued, and bursts of memory blocks that
 * preempt them (about a third of the slots). One operation is one slot, so the score is slots (blocks) per second.
 * <ul>
 *   <li>{@code arbiterToDemux}: TX slot arbiter straight into the RX demux (frame encoding, FCS at queueing and at
 *   reception, reassembly).</li>
 *   <li>{@code arbiterCarrierDemux}: the same through carrier frames: the arbiter fills a carrier frame, which is
 *   unpacked (with sequence tracking) into the demux.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dagrona.disable.bounds.checks=true")
@State(Scope.Thread)
public class LinkMixedTrafficBenchmark implements FrameHandler, BlockSink
{
    private static final int SLOTS = 1024;
    private static final int[] FRAME_LENGTHS = { 60, 1514, 128, 512, 1000, 64, 300, 1514 };

    private final BlockQueue memory = new BlockQueue(512);
    private final MacFrameSource frames = new MacFrameSource(16, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
    private final TxSlotArbiter arbiter = new TxSlotArbiter(new QueueSlotSource(memory), frames);
    private RxDemux demux;
    private final CarrierPacker packer = new CarrierPacker(0x02_00_00_00_00_01L, 0x02_00_00_00_00_02L, 1514);
    private final CarrierReceiver receiver = new CarrierReceiver(1514);
    private final UnsafeBuffer carrier = new UnsafeBuffer(ByteBuffer.allocateDirect(1514));
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1514]);
    private long slot;
    private int nextFrame;
    private long frameBytes;
    private long memoryBlocks;

    @Setup
    public void setup()
    {
        demux = new RxDemux(this, this, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
        for (int i = 0; i < frame.capacity(); i++)
        {
            frame.putByte(i, (byte)(i * 31));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long arbiterToDemux()
    {
        refill();
        final long end = slot + SLOTS;
        for (long s = slot; s < end; s++)
        {
            arbiter.emit(s, demux);
        }
        slot = end;
        return frameBytes + memoryBlocks;
    }

    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long arbiterCarrierDemux()
    {
        refill();
        final long end = slot + SLOTS;
        packer.begin(carrier, 0, slot);
        for (long s = slot; s < end; s++)
        {
            if (packer.isFull())
            {
                receiver.onFrame(carrier, 0, packer.finish(s), demux);
                packer.begin(carrier, 0, s);
            }
            arbiter.emit(s, packer);
        }
        receiver.onFrame(carrier, 0, packer.finish(end), demux);
        slot = end;
        return frameBytes + memoryBlocks;
    }

    /** Keeps frames queued and adds memory bursts: about 340 memory blocks per 1024 slots. */
    private void refill()
    {
        while (frames.queue().size() < 12)
        {
            frames.offer(frame, 0, FRAME_LENGTHS[nextFrame++ & (FRAME_LENGTHS.length - 1)]);
        }
        for (int burst = 0; burst < 34 && memory.remaining() >= 10; burst++)
        {
            for (int i = 0; i < 10; i++)
            {
                memory.offer(Block.SYNC_CONTROL, MemoryBlockTypes.RRESP_MIDDLE | ((long)i << 8));
            }
        }
    }

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        frameBytes += length;
    }

    @Override
    public void accept(final int sync, final long payload)
    {
        memoryBlocks++;
    }
}
