package org.edm.bench.jmh;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.carrier.CarrierFrame;
import org.edm.phy.carrier.CarrierPacker;
import org.edm.phy.carrier.CarrierUnpacker;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Carrier frame pack plus unpack: one operation packs one full carrier frame (all the blocks that fit in the maximum
 * frame length; no idles) into an off-heap buffer and unpacks it again into a sink. The auxiliary counters report
 * carrier frame bytes per second ({@code bytes}) and blocks per second ({@code blocks}); target: at least 1 GB/s,
 * 0 bytes allocated per operation (run with {@code -prof gc}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Dagrona.disable.bounds.checks=true")
@State(Scope.Thread)
public class CarrierPackUnpackBenchmark
{
    /** Maximum carrier frame length without FCS: standard MTU and a jumbo frame. */
    @Param({ "1514", "9014" })
    public int maxFrameLength;

    private final ChecksumSink sink = new ChecksumSink();
    private CarrierPacker packer;
    private CarrierUnpacker unpacker;
    private UnsafeBuffer frame;
    private int[] syncs;
    private long[] payloads;
    private int blocksPerFrame;
    private long slot;

    /** Throughput in carrier bytes and blocks, reported beside the operation rate. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput
    {
        public long bytes;
        public long blocks;

        @Setup(Level.Iteration)
        public void clear()
        {
            bytes = 0;
            blocks = 0;
        }
    }

    /** Consumes blocks so the JIT cannot drop the unpacking. */
    static final class ChecksumSink implements BlockSink
    {
        long checksum;

        @Override
        public void accept(final int sync, final long payload)
        {
            checksum += payload ^ sync;
        }
    }

    @Setup
    public void setup()
    {
        packer = new CarrierPacker(0x02_00_00_00_00_01L, 0x02_00_00_00_00_02L, maxFrameLength);
        unpacker = new CarrierUnpacker(maxFrameLength);
        frame = new UnsafeBuffer(ByteBuffer.allocateDirect(maxFrameLength));
        blocksPerFrame = CarrierFrame.maxBlocks(maxFrameLength);
        syncs = new int[blocksPerFrame];
        payloads = new long[blocksPerFrame];
        final Random random = new Random(1);
        for (int i = 0; i < blocksPerFrame; i++)
        {
            syncs[i] = random.nextInt(4) == 0 ? Block.SYNC_DATA : Block.SYNC_CONTROL;
            payloads[i] = syncs[i] == Block.SYNC_DATA ? random.nextLong() : (random.nextLong() & ~0xFFL) | 0x1B;
        }
    }

    @Benchmark
    public long packUnpack(final Throughput throughput)
    {
        final CarrierPacker packer = this.packer;
        final int[] syncs = this.syncs;
        final long[] payloads = this.payloads;
        final int count = blocksPerFrame;
        packer.begin(frame, 0, slot);
        for (int i = 0; i < count; i++)
        {
            packer.add(syncs[i], payloads[i]);
        }
        slot += count;
        final int length = packer.finish(slot);
        final int blocks = unpacker.unpack(frame, 0, length, sink);
        throughput.bytes += length;
        throughput.blocks += blocks;
        return sink.checksum;
    }
}
