package org.edm.bench.jmh;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.pcs.Block;
import org.edm.phy.sw.SwitchEngine;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The phy-core engines of a two-host fabric per 64-byte read, without agents, carriers or ports: a requester engine,
 * the switch engine and a memory-node engine wired slot by slot (blocks cross a cable in the slot they leave), with the
 * agents' settings. One invocation keeps {@code depth} reads outstanding until {@code BATCH} reads completed; the score
 * is per read. This is the floor of what the real-time agents spend per read on protocol work.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1)
@State(Scope.Thread)
public class FabricReadBenchmark
{
    private static final int BATCH = 1024;

    @Param({ "64" })
    public int depth;

    private HostEngine requester;
    private HostEngine memory;
    private SwitchEngine fabric;
    private UnsafeBuffer destination;
    private long slot;
    private int completed;
    private int issued;

    @Setup
    public void setUp()
    {
        final FabricSettings settings = FabricSettings.defaults();
        fabric = new SwitchEngine(LocalFabric.switchConfig(settings, new int[] { 0, 1 }));
        requester = new HostEngine(HostConfig.defaults(0, settings.framing()).withCapacity(256, 576), null,
            (id, status, submitted, done) -> completed++);
        final MemoryRegions regions = new MemoryRegions(settings.framing().maxLength());
        regions.register(1, new UnsafeBuffer(new byte[1 << 16]), 1 << 16);
        memory = new HostEngine(HostConfig.defaults(1, settings.framing()).withCapacity(256, 576), regions,
            (id, status, submitted, done) -> { });
        destination = new UnsafeBuffer(new byte[64 * 256]);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long reads()
    {
        final int target = completed + BATCH;
        while (completed < target)
        {
            while (issued - completed < depth)
            {
                final int at = (issued & 255) * 64;
                if (requester.submitRead(issued, 1, 1, at, 64, destination, at, slot) < 0)
                {
                    throw new IllegalStateException("refused");
                }
                issued++;
            }
            step();
        }
        return slot;
    }

    private void step()
    {
        fabric.beginSlot(slot);
        if (fabric.emit(0, slot))
        {
            deliver(requester, fabric.sync(), fabric.payload());
        }
        if (fabric.emit(1, slot))
        {
            deliver(memory, fabric.sync(), fabric.payload());
        }
        if (requester.emit(slot))
        {
            fabric.accept(0, slot, requester.sync(), requester.payload());
        }
        if (memory.emit(slot))
        {
            fabric.accept(1, slot, memory.sync(), memory.payload());
        }
        slot++;
    }

    private void deliver(final HostEngine host, final int sync, final long payload)
    {
        if (sync != Block.SYNC_CONTROL || payload != Block.IDLE_PAYLOAD)
        {
            host.accept(slot, sync, payload);
        }
    }
}
