package org.edm.bench.agent;

import org.agrona.concurrent.IdleStrategy;
import org.edm.agent.AgentRuntime;
import org.edm.agent.IdleStrategies;
import org.edm.agent.ThreadingMode;
import org.edm.host.CompletionHandler;
import org.edm.host.HostAgent;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.edm.phy.mem.Framing;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntSupplier;
import java.nio.file.Path;

/**
 * Quick probe: 64-byte reads at a fixed queue depth from host h0 to memory node h1 through an in-memory fabric, after
 * a 2-second warm-up. Prints reads/s, the GC count during the measured run, and the median and p99 round trip (submit
 * to completion polled, wall clock). At depth 1 this is the unloaded read latency. Slots stepped per read sum every
 * agent's; the switch's own share is printed beside the memory blocks it sent per read (a switch stepping about as
 * many slots as its busiest port sends blocks wastes no steps on empty slots).
 * <pre>
 *   java ... ReadThroughputProbe [seconds] [queueDepth] [gbps] [size] [mode] [idle] [rackFile]
 *     rackFile: a local rack's description (edm rack up): AF_PACKET ports in its namespaces instead of in-memory
 *     cables (root)
 *   -Dedm.probe.data.bytes=8 runs the wire-8 framing (10 blocks per 64-byte response instead of wire-7's 12)
 *     mode invoker: one thread runs every agent and the application (LocalFabric.runOnce), as in tests
 *     mode split:   ThreadingMode.SPLIT: the switch agent alone on an AgentRuntime thread (idle: spin, yield, ...);
 *                   the calling thread runs both host agents (runtime.invoke) and the application
 *     mode tool:    the calling thread runs the compute host's agent and the application (a client tool embedding
 *                   only its host agent); a SHARED thread runs the switch and the memory node
 * </pre>
 */
public final class ReadThroughputProbe
{
    private static final int SAMPLES = 1 << 22;
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ReadThroughputProbe()
    {
    }

    public static void main(final String[] args)
    {
        final double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        final int depth = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        final double gbps = args.length > 2 ? Double.parseDouble(args[2]) : 10;
        final int size = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        final String mode = args.length > 4 ? args[4] : "invoker";
        if (!List.of("invoker", "split", "tool").contains(mode))
        {
            throw new IllegalArgumentException("mode " + mode + " is not one of invoker, split, tool");
        }
        final String idle = args.length > 5 ? args[5] : "spin";
        final String rackFile = args.length > 6 ? args[6] : null;
        final RackDescription rack = rackFile != null ? RackFile.read(Path.of(rackFile)) : new RackDescription("probe", RackDescription.Kind.LOCAL, RackDescription.State.UP,
            List.of(
                new RackDescription.Host("h0", 0, RackDescription.Role.COMPUTE, null, null, "eth0", "02:ed:00:00:00:00"),
                new RackDescription.Host("h1", 1, RackDescription.Role.MEMORY, null, null, "eth0", "02:ed:00:00:00:01")),
            new RackDescription.Switch("sw", null, null, List.of(
                new RackDescription.SwitchPort("p0", "02:ed:00:01:00:00", "h0"),
                new RackDescription.SwitchPort("p1", "02:ed:00:01:00:01", "h1"))));
        final FabricSettings defaults = FabricSettings.defaults().withRegionBytes(64 << 20).withLineRate(gbps);
        final int dataBytes = Integer.getInteger("edm.probe.data.bytes", defaults.framing().dataBytesPerBlock());
        final FabricSettings settings = new FabricSettings(Framing.wire(dataBytes), defaults.lineRateGbps(),
            defaults.chunkBytes(), defaults.releaseBytes(), defaults.maxChunksPerMessage(), defaults.matcher(),
            defaults.hostOrder(), defaults.timeoutMicros(), defaults.regionKey(), defaults.regionBytes(),
            defaults.hugePages(), defaults.carrierHoldMicros());
        try (LocalFabric fabric = rackFile != null ? LocalFabric.packet(rack, settings, line -> { }) :
            LocalFabric.inMemory(rack, settings, line -> { });
            Arena arena = Arena.ofConfined())
        {
            final HostAgent compute = fabric.host("h0");
            final AgentRuntime.Role switchRole = new AgentRuntime.Role(fabric.switchAgent(), idle, -1);
            final AgentRuntime.Role computeRole = new AgentRuntime.Role(compute, idle, -1);
            final AgentRuntime.Role memoryRole = new AgentRuntime.Role(fabric.host("h1"), idle, -1);
            final AgentRuntime runtime = switch (mode)
            {
                case "split" -> AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SPLIT, idle, -1),
                    List.of(switchRole, computeRole, memoryRole), System.out::println);
                case "tool" -> AgentRuntime.start(new AgentRuntime.Threading(ThreadingMode.SHARED, idle, -1),
                    List.of(switchRole, memoryRole), System.out::println);
                default -> null;
            };
            final IntSupplier driver = switch (mode)
            {
                case "split" -> runtime::invoke;
                case "tool" -> compute::doWork;
                default -> fabric::runOnce;
            };
            try
            {
                run(fabric, compute, driver, mode.equals("invoker"), seconds, depth, size, gbps, arena,
                    mode + (runtime != null ? "/" + idle : "") + (rackFile != null ? "/packet" : "/memory"), idle);
            }
            finally
            {
                if (runtime != null)
                {
                    runtime.close();
                }
            }
        }
    }

    private static void run(
        final LocalFabric fabric,
        final HostAgent compute,
        final IntSupplier driver,
        final boolean alone,
        final double seconds,
        final int depth,
        final int size,
        final double gbps,
        final Arena arena,
        final String mode,
        final String idle)
    {
        final RemoteMemory session = compute.newSession(256, driver::getAsInt);
        final MemorySegment buffer = arena.allocate((long)size * depth);
        final int node = fabric.rack().host("h1").nodeId();
        final int key = fabric.settings().regionKey();
        final MemorySegment[] slices = new MemorySegment[depth];
        for (int i = 0; i < depth; i++)
        {
            slices[i] = buffer.asSlice((long)size * i, size);
        }
        final long[] submitted = new long[256];
        final long[] rtt = new long[SAMPLES];
        final long[] counts = new long[3]; // done, errors, rtt samples
        final boolean[] measuring = new boolean[1];
        final CompletionHandler handler = (id, status) ->
        {
            counts[0]++;
            if (status != 0)
            {
                counts[1]++;
            }
            if (measuring[0] && counts[2] < SAMPLES)
            {
                rtt[(int)counts[2]++] = System.nanoTime() - submitted[(int)id & 255];
            }
        };
        for (int i = 0; i < depth; i++)
        {
            submitted[(int)session.read(node, key, (long)size * i, slices[i]) & 255] = System.nanoTime();
        }
        int next = 0;
        final long warmEnd = System.nanoTime() + 2_000_000_000L;
        long start = 0;
        long startDone = 0;
        long gcBefore = 0;
        long cpuStart = 0;
        long stepsStart = 0;
        long switchStepsStart = 0;
        long switchBlocksStart = 0;
        long framesStart = 0;
        long cycles = 0;
        int lastWork = 1;
        final IdleStrategy driverIdle = IdleStrategies.parse(idle);
        long idleCycles = 0;
        while (true)
        {
            final int work = driver.getAsInt();
            lastWork = work;
            cycles++;
            idleCycles += work == 0 ? 1 : 0;
            final int polled = session.poll(handler, 256);
            if (!alone && polled == 0 && lastWork == 0)
            {
                // idle like the agent threads (spin: a pause instruction), so polling does not hammer the rings
                driverIdle.idle(0);
            }
            for (int i = 0; i < polled; i++)
            {
                final int s = next++ % depth;
                final long id = session.read(node, key, (long)size * s, slices[s]);
                submitted[(int)id & 255] = System.nanoTime();
            }
            final long now = System.nanoTime();
            if (!measuring[0] && now > warmEnd)
            {
                measuring[0] = true;
                start = now;
                startDone = counts[0];
                gcBefore = gcCount();
                cpuStart = THREADS.getCurrentThreadCpuTime();
                stepsStart = steps(fabric);
                switchStepsStart = fabric.switchAgent().slotsStepped();
                switchBlocksStart = switchBlocks(fabric);
                framesStart = frames(fabric);
                cycles = 0;
                idleCycles = 0;
            }
            if (measuring[0] && now - start > seconds * 1e9)
            {
                final long gcs = gcCount() - gcBefore; // before sorting, which allocates
                final double rate = (counts[0] - startDone) / ((now - start) / 1e9);
                final double perCpu = (counts[0] - startDone) / ((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
                final int n = (int)counts[2];
                final double stepsPerRead = (steps(fabric) - stepsStart) / (double)(counts[0] - startDone);
                final double switchStepsPerRead = (fabric.switchAgent().slotsStepped() - switchStepsStart) /
                    (double)(counts[0] - startDone);
                final double switchBlocksPerRead = (switchBlocks(fabric) - switchBlocksStart) /
                    (double)(counts[0] - startDone);
                final double framesPerRead = (frames(fabric) - framesStart) / (double)(counts[0] - startDone);
                Arrays.sort(rtt, 0, n);
                System.out.printf("reads/s=%.0f (%.1f MB/s) errors=%d gcs=%d depth=%d rate=%.0fG mode=%s " +
                    "framing=wire-" + fabric.settings().framing().dataBytesPerBlock() + " rtt_ns p50=%d p99=%d reads/cpu-s(this thread)=%.0f slots stepped/read(all agents)=%.1f (switch %.1f, switch memory blocks out %.1f) frames/read=%.2f idle cycles(this thread)=%.0f%% cycles/read(this thread)=%.1f ns/cycle=%.0f%n", rate, rate * size / 1e6, counts[1], gcs, depth, gbps,
                    mode, n == 0 ? 0 : rtt[n / 2], n == 0 ? 0 : rtt[(int)(n * 0.99)], perCpu, stepsPerRead, switchStepsPerRead, switchBlocksPerRead, framesPerRead,
                    cycles == 0 ? 0.0 : 100.0 * idleCycles / cycles, cycles / (double)(counts[0] - startDone),
                    (now - start) / (double)Math.max(1, cycles));
                break;
            }
        }
    }

    /** Slots every agent stepped one by one so far. */
    private static long steps(final LocalFabric fabric)
    {
        long steps = fabric.switchAgent().slotsStepped();
        for (final HostAgent host : fabric.hosts().values())
        {
            steps += host.slotsStepped();
        }
        return steps;
    }

    /** Memory blocks the switch sent on all its ports so far. */
    private static long switchBlocks(final LocalFabric fabric)
    {
        long blocks = 0;
        for (int port = 0; port < fabric.rack().hosts().size(); port++)
        {
            blocks += fabric.switchAgent().engine().blocksOut(port);
        }
        return blocks;
    }

    /** Carrier frames every link sent so far. */
    private static long frames(final LocalFabric fabric)
    {
        long frames = 0;
        for (int port = 0; port < fabric.rack().hosts().size(); port++)
        {
            frames += fabric.switchAgent().link(port).framesSent();
        }
        for (final HostAgent host : fabric.hosts().values())
        {
            frames += host.link().framesSent();
        }
        return frames;
    }

    private static long gcCount()
    {
        long count = 0;
        for (final var gc : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }
}
