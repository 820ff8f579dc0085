package org.edm.bench.roce.fabric;

import org.edm.bench.harness.BenchTransport;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * The RoCE baseline's whole data path on the fabric allocates nothing in steady state: bench submissions, the rings to
 * the endpoint, the queue pairs, the host agents' MAC queues and PHY, the switch's L2 path, and back, all run on this
 * thread and measured with the JVM's per-thread allocation counter after a warm-up. The bound allows the few hundred
 * bytes the JVM may allocate once while compiling; an object per frame or per request would cost far more.
 */
class RoceFabricAllocationTest
{
    private static final int DEPTH = 8;

    private long completed;
    private long failed;
    private final BenchTransport.Completions count = (token, status, nowNanos) ->
    {
        completed++;
        failed += status == 0 ? 0 : 1;
    };

    @Test
    void shouldNotAllocateInSteadyState()
    {
        try (LocalFabric fabric = RoceFabrics.open(RoceFabrics.rack("alloc", COMPUTE, MEMORY),
            RoceFabrics.settings(10));
            RoceTransport roce = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce))
        {
            final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
            for (int warmUp = 0; warmUp < 5; warmUp++)
            {
                run(roce, 2_000);
            }
            final long before = threads.getCurrentThreadAllocatedBytes();
            final long completedBefore = completed;

            run(roce, 2_000);

            final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(completed - completedBefore).isGreaterThanOrEqualTo(2_000);
            assertThat(failed).isZero();
            assertThat(allocated).as("bytes allocated in 2000 operations").isLessThan(4_000);
        }
    }

    /** Keeps DEPTH operations (reads and writes, 8 to 1500 bytes) outstanding until {@code operations} completed. */
    private void run(final RoceTransport roce, final int operations)
    {
        final long target = completed + operations;
        final long deadline = System.nanoTime() + 20_000_000_000L;
        long submitted = 0;
        while (completed < target && System.nanoTime() < deadline)
        {
            while (roce.outstanding() < DEPTH)
            {
                final int operation = (int)(submitted & 1);
                final int size = 8 + (int)(submitted * 97 % 1500);
                if (roce.submit(operation, (submitted * 4096) % (512 << 10), size, submitted) != 0)
                {
                    break;
                }
                submitted++;
            }
            roce.poll(count);
        }
    }
}
