package org.edm.bench.run;

import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;
import org.edm.switchagent.FabricConfiguration;

/**
 * The configuration defaults of a bench run, weaker than a file or flags (command defaults): what the bench needs
 * from the agents it embeds, where that differs from a daemon's defaults. Programs that run {@link BenchRunner} (the
 * CLI, the demo) apply them to their configuration before building the plan.
 */
public final class BenchDefaults
{
    /** Requests up to perftest's largest message, 2^23 bytes (the region permitting). */
    public static final long MAX_REQUEST_BYTES = BenchPlan.MAX_MESSAGE;

    /**
     * 5 s instead of the agents' 500 ms: a deep queue of large messages on a busy machine can wait longer than that
     * before it is served, and a timeout would then count slowness as failure.
     */
    public static final long TIMEOUT_MICROS = 5_000_000;

    private BenchDefaults()
    {
    }

    /** Applies the bench's defaults as command defaults of {@code command}. */
    public static Configuration apply(final Configuration config, final String command)
    {
        config.commandDefault(HostConfiguration.MAX_REQUEST_BYTES, Long.toString(MAX_REQUEST_BYTES), command);
        config.commandDefault(FabricConfiguration.TIMEOUT_US, Long.toString(TIMEOUT_MICROS), command);
        return config;
    }
}
