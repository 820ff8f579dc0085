package org.edm.bench.run;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.baseline.EdmBaseline;
import org.edm.bench.baseline.RawBaseline;
import org.edm.bench.harness.BenchTransport;
import org.edm.nativeio.rack.RackDescription;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's data path allocates nothing in steady state: a client loop submitting and completing reads and writes
 * through a transport, with every agent's duty cycle run in between, measured with the JVM's per-thread allocation
 * counter after a warm-up. The bound allows what the JVM may allocate once while compiling; an object per operation
 * would cost far more.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SteadyStateAllocationTest
{
    private static final int OPERATIONS = 2000;

    @ParameterizedTest
    @ValueSource(strings = { "edm", "raw" })
    void shouldNotAllocateOnTheDataPath(final String name)
    {
        final Baseline baseline = name.equals("edm") ? new EdmBaseline() : new RawBaseline();
        final RackDescription rack = HostRoles.generatedRack(LoadSpec.unloaded());
        final HostRoles roles = new HostRoles(List.of("c0"), "m0", List.of(), null);
        final BaselineSetup setup = new BaselineSetup(rack, roles, Plans.SETTINGS, true, true, 1514);
        final Map<String, FrameEndpoint> endpoints = new HashMap<>();
        for (final String host : List.of("c0", "m0"))
        {
            endpoints.put(host, baseline.endpoint(host, setup));
        }
        try (BenchFabric fabric = BenchFabric.embedded(rack, true, Plans.SETTINGS,
            Plans.OPTIONS.withEndpoints(endpoints::get), line -> { }))
        {
            final BaselineContext context = new BaselineContext(fabric, setup, BaselineContext.RUNNER_DRIVES,
                5_000_000_000L);
            final BenchTransport transport = baseline.open(context, "c0", 4, 256);
            final ClientLoop loop = new ClientLoop(transport, "c0", 4, 3);
            final ClassRecorder reads = new ClassRecorder("read");
            final ClassRecorder writes = new ClassRecorder("write");
            reads.reset(64);
            writes.reset(64);
            loop.configure(256, 4, BenchTransport.READ, reads, writes, 0.5, 0, 1 << 20, 0, false);
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            for (int warmUp = 0; warmUp < 5; warmUp++)
            {
                run(loop, fabric);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            final long recordedBefore = reads.operations() + writes.operations();

            run(loop, fabric);

            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(reads.operations() + writes.operations() - recordedBefore).isEqualTo(OPERATIONS);
            assertThat(reads.errors() + writes.errors()).isZero();
            assertThat(allocated).as("bytes allocated in %d operations", OPERATIONS).isLessThan(4096);
            transport.close();
        }
    }

    private static void run(final ClientLoop loop, final BenchFabric fabric)
    {
        final long deadline = System.nanoTime() + 20_000_000_000L;
        loop.start(System.nanoTime(), OPERATIONS, true);
        while (!loop.phaseDone() && System.nanoTime() < deadline)
        {
            loop.submitDue(System.nanoTime());
            fabric.runOnce();
            loop.poll();
        }
        assertThat(loop.phaseDone()).as("the phase finished within 20 s").isTrue();
    }
}
