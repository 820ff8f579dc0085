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

    /**
     * 2048 slots instead of 4096. The bench runs every agent in one thread, so each agent is away while the others
     * work; after such a gap a host catches up at most this many slots, sending up to one carrier frame per 178 blocks
     * plus one. At 4096 that is up to 24 frames in a duty cycle, while the switch agent takes 16 frames per port per
     * cycle: on a busy machine the host's transmit ring then fills and blocks are lost. 2048 keeps it at 13.
     */
    public static final int HOST_MAX_SLOTS_PER_CYCLE = 2048;

    private BenchDefaults()
    {
    }

    /** Applies the bench's defaults as command defaults of {@code command}. */
    public static Configuration apply(final Configuration config, final String command)
    {
        config.commandDefault(HostConfiguration.MAX_REQUEST_BYTES, Long.toString(MAX_REQUEST_BYTES), command);
        config.commandDefault(FabricConfiguration.TIMEOUT_US, Long.toString(TIMEOUT_MICROS), command);
        config.commandDefault(HostConfiguration.MAX_SLOTS_PER_CYCLE, Integer.toString(HOST_MAX_SLOTS_PER_CYCLE),
            command);
        return config;
    }
}
