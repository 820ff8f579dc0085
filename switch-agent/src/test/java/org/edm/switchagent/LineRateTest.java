package org.edm.switchagent;

import org.edm.agent.AgentRuntime;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.config.Configuration;
import org.edm.host.HostAgent;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.foreign.Arena;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * Every port emulates its line rate: no port's TX side emits more blocks than there were block slots since the
 * fabric started (plus one duty cycle's catch-up burst), so a transfer takes at least its blocks' time on the wire.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LineRateTest
{
    @Test
    void shouldNeverSendMoreBlocksThanTheLineRateAllows()
    {
        final double gbps = 0.05;
        final int burst = 64;
        final RackDescription rack = TestRacks.rack("rate", COMPUTE, MEMORY);
        final Configuration config = new Configuration(ThreadingModesTest.keys())
            .flag(RuntimeConfiguration.THREADING_MODE, "INVOKER", "--threading")
            .flag(RuntimeConfiguration.SHARED_IDLE, "yield", "--set")
            .flag(FabricConfiguration.LINE_RATE_GBPS, Double.toString(gbps), "--set")
            .flag(FabricConfiguration.REGION_BYTES, "1m", "--set")
            .flag(FabricConfiguration.TIMEOUT_US, "10000000", "--set")
            .flag("edm.host.max.slots.per.cycle", Integer.toString(burst), "--set")
            .flag("edm.switch.max.slots.per.cycle", Integer.toString(burst), "--set");
        final long start = System.nanoTime();
        try (FabricProcess process = FabricProcess.wholeRack(rack, config, true, line -> { });
            Arena arena = Arena.ofConfined())
        {
            final AgentRuntime runtime = process.start(line -> { });
            final RemoteMemory session = process.hosts().get("h0").newSession(4, runtime::waitOnce);
            final int bytes = 128 * 1024;
            final long before = System.nanoTime();
            assertThat(session.writeBlocking(1, 1, 0, arena.allocate(bytes))).isEqualTo(CompletionStatus.SUCCESS);
            final long elapsed = System.nanoTime() - before;
            final double slotNanos = 64 / gbps;
            final long dataBlocks = bytes / 7;
            assertThat((double)elapsed).as("a %d-byte write at %s Gb/s", bytes, gbps)
                .isGreaterThanOrEqualTo(dataBlocks * slotNanos);

            final long slotsSinceStart = (long)((System.nanoTime() - start) / slotNanos);
            final HostAgent sender = process.hosts().get("h0");
            assertThat(sender.engine().blocksSent()).isGreaterThanOrEqualTo(dataBlocks)
                .isLessThanOrEqualTo(slotsSinceStart + burst);
            final SwitchAgent switchAgent = process.switchAgent();
            for (int port = 0; port < 2; port++)
            {
                assertThat(switchAgent.engine().blocksOut(port)).as("switch port %d", port)
                    .isLessThanOrEqualTo(slotsSinceStart + burst);
            }
            assertThat(switchAgent.engine().blocksOut(1)).as("the data went out of the memory node's port")
                .isGreaterThanOrEqualTo(dataBlocks);
        }
    }
}
