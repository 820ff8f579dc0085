package org.edm.switchagent;

import org.edm.agent.AgentRuntime;
import org.edm.agent.PortConfiguration;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.BOTH;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * The same small in-memory fabric runs to completion in every threading mode: INVOKER (the test thread runs the
 * agents while it waits), SHARED (one agent thread), DEDICATED (a thread per agent) and SPLIT (the switch apart from
 * the hosts). No thread busy-spins: the
 * agents back off and the test thread yields.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadingModesTest
{
    private final List<String> reports = new CopyOnWriteArrayList<>();

    @ParameterizedTest
    @ValueSource(strings = { "INVOKER", "SHARED", "DEDICATED", "SPLIT" })
    void shouldWriteAndReadBackThroughTheFabricInEveryMode(final String mode)
    {
        final RackDescription rack = TestRacks.rack("t", COMPUTE, MEMORY, BOTH);
        final Configuration config = new Configuration(keys())
            .flag(RuntimeConfiguration.THREADING_MODE, mode, "--threading")
            .flag(RuntimeConfiguration.SHARED_IDLE, "backoff", "--set")
            .flag(HostConfiguration.IDLE, "backoff", "--set")
            .flag(SwitchConfiguration.IDLE, "backoff", "--set")
            .flag(FabricConfiguration.REGION_BYTES, "1m", "--set")
            .flag(FabricConfiguration.LINE_RATE_GBPS, "25", "--set");
        try (FabricProcess process = FabricProcess.wholeRack(rack, config, true, reports::add);
            Arena arena = Arena.ofConfined())
        {
            final AgentRuntime runtime = process.start(reports::add);
            assertThat(runtime.mode().name()).isEqualTo(mode);
            final RemoteMemory session = process.hosts().get("h0").newSession(64, runtime::waitOnce);
            final Random random = new Random(5);
            for (final int size : new int[] { 1, 100, 4096, 70_000 })
            {
                for (final int node : new int[] { 1, 2 })
                {
                    final MemorySegment data = arena.allocate(size);
                    for (int i = 0; i < size; i++)
                    {
                        data.set(ValueLayout.JAVA_BYTE, i, (byte)random.nextInt());
                    }
                    assertThat(session.writeBlocking(node, 1, 8192, data)).isEqualTo(CompletionStatus.SUCCESS);
                    final MemorySegment back = arena.allocate(size);
                    assertThat(session.readBlocking(node, 1, 8192, back)).isEqualTo(CompletionStatus.SUCCESS);
                    assertThat(back.mismatch(data)).as("%s: %d bytes from node %d", mode, size, node).isEqualTo(-1);
                }
            }
            assertThat(runtime.errors()).isZero();
        }
    }

    static List<ConfigKey<?>> keys()
    {
        final List<ConfigKey<?>> keys = new ArrayList<>(RuntimeConfiguration.KEYS);
        keys.addAll(FabricConfiguration.KEYS);
        keys.addAll(PortConfiguration.KEYS);
        keys.addAll(SwitchConfiguration.KEYS);
        keys.addAll(HostConfiguration.KEYS);
        return keys;
    }
}
