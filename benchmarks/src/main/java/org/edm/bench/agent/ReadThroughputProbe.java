package org.edm.bench.agent;

import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Quick probe: 64-byte reads at a fixed queue depth through an in-memory fabric driven by one thread. Prints reads/s.
 * Usage: java ... ReadThroughputProbe [seconds] [queueDepth] [gbps]
 */
public final class ReadThroughputProbe
{
    private ReadThroughputProbe()
    {
    }

    public static void main(final String[] args)
    {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        final int depth = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        final double gbps = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        final int size = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        final RackDescription rack = new RackDescription("probe", RackDescription.Kind.LOCAL, RackDescription.State.UP,
            List.of(
                new RackDescription.Host("h0", 0, RackDescription.Role.COMPUTE, null, null, "eth0", "02:ed:00:00:00:00"),
                new RackDescription.Host("h1", 1, RackDescription.Role.MEMORY, null, null, "eth0", "02:ed:00:00:00:01")),
            new RackDescription.Switch("sw", null, null, List.of(
                new RackDescription.SwitchPort("p0", "02:ed:00:01:00:00", "h0"),
                new RackDescription.SwitchPort("p1", "02:ed:00:01:00:01", "h1"))));
        try (LocalFabric fabric = LocalFabric.inMemory(rack,
            FabricSettings.defaults().withRegionBytes(64 << 20).withLineRate(gbps), line -> { });
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory session = fabric.host("h0").newSession(256, fabric::runOnce);
            final MemorySegment buffer = arena.allocate((long)size * depth);
            final long[] done = new long[1];
            final int[] errors = new int[1];
            final MemorySegment[] slices = new MemorySegment[depth];
            for (int i = 0; i < depth; i++)
            {
                slices[i] = buffer.asSlice((long)size * i, size);
            }
            final int[] next = new int[1];
            final org.edm.host.CompletionHandler handler = (id, status) ->
            {
                done[0]++;
                if (status != 0)
                {
                    errors[0]++;
                }
            };
            for (int i = 0; i < depth; i++)
            {
                session.read(1, 1, (long)size * i, slices[i]);
            }
            final long warmEnd = System.nanoTime() + 2_000_000_000L;
            long start = 0;
            long startDone = 0;
            final long gcBefore[] = new long[1];
            boolean warm = false;
            while (true)
            {
                fabric.runOnce();
                final int polled = session.poll(handler, 256);
                for (int i = 0; i < polled; i++)
                {
                    final int s = next[0]++ % depth;
                    session.read(1, 1, (long)size * s, slices[s]);
                }
                final long now = System.nanoTime();
                if (!warm && now > warmEnd)
                {
                    warm = true;
                    start = now;
                    startDone = done[0];
                    gcBefore[0] = gcCount();
                }
                if (warm && now - start > seconds * 1e9)
                {
                    final double rate = (done[0] - startDone) / ((now - start) / 1e9);
                    System.out.printf("reads/s=%.0f (%.1f MB/s) errors=%d gcs=%d depth=%d rate=%.0fG lanes=%d/%d%n", rate,
                        rate * size / 1e6, errors[0],
                        gcCount() - gcBefore[0], depth, gbps, fabric.switchAgent().engine().activeLanes(0),
                        fabric.switchAgent().engine().activeLanes(1));
                    break;
                }
            }
        }
    }

    private static long gcCount()
    {
        long count = 0;
        for (final var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
