package org.edm.agent;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys shared by every process that runs agents: the threading mode, and the idle strategy and CPU of the one thread
 * SHARED mode uses (INVOKER mode idles with the same strategy between empty cycles). Per-role settings of DEDICATED
 * mode are in {@code HostConfiguration} and {@code SwitchConfiguration}.
 */
public final class RuntimeConfiguration
{
    /**
     * DEDICATED by default, as in Aeron: each agent gets its own thread, which is what a lab rack's pinned, isolated
     * cores are for. {@code edm rack run} and the client tools default to SHARED, since a local rack's many agents
     * share a 2-core machine.
     */
    public static final ConfigKey<ThreadingMode> THREADING_MODE = ConfigKey.choice("edm.threading.mode", "DEDICATED",
        modes(), "how agents get threads");

    /** Backoff by default: it gives the core back when idle; use spin on an isolated core for the lowest latency. */
    public static final ConfigKey<String> SHARED_IDLE = ConfigKey.idle("edm.shared.idle", "backoff",
        "idle strategy of SHARED mode's thread and of INVOKER mode's waits");

    public static final ConfigKey<Integer> SHARED_CPU = ConfigKey.cpu("edm.shared.cpu", "CPU of SHARED mode's thread");

    /** The keys of this class. */
    public static final List<ConfigKey<?>> KEYS = List.of(THREADING_MODE, SHARED_IDLE, SHARED_CPU);

    private RuntimeConfiguration()
    {
    }

    /** The threading settings the configuration describes. */
    public static AgentRuntime.Threading threading(final Configuration config)
    {
        return new AgentRuntime.Threading(config.get(THREADING_MODE), config.get(SHARED_IDLE), config.get(SHARED_CPU));
    }

    private static Map<String, ThreadingMode> modes()
    {
        final Map<String, ThreadingMode> modes = new LinkedHashMap<>();
        for (final ThreadingMode mode : ThreadingMode.values())
        {
            modes.put(mode.name(), mode);
        }
        return modes;
    }
}
