package org.edm.switchagent;

import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;
import org.edm.phy.sw.L2Config;

/**
 * The per-agent limits of a fabric's processes that are not protocol settings: how many requests a host keeps in
 * flight, its longest request, how many slots a host or switch duty cycle may catch up after a stall, and the switch's L2 egress queues.
 *
 * @param host                   the host agents' limits.
 * @param switchMaxSlotsPerCycle the switch agent's catch-up bound.
 * @param switchL2QueueFrames    ordinary frames each switch egress port queues before it drops.
 */
public record AgentLimits(HostConfiguration.Limits host, int switchMaxSlotsPerCycle, int switchL2QueueFrames)
{
    /** With the default L2 egress queue. */
    public AgentLimits(final HostConfiguration.Limits host, final int switchMaxSlotsPerCycle)
    {
        this(host, switchMaxSlotsPerCycle, L2Config.DEFAULT_QUEUE_FRAMES);
    }

    /** The defaults of the configuration keys. */
    public static AgentLimits defaults()
    {
        return new AgentLimits(HostConfiguration.Limits.defaults(), 4096);
    }

    /** The limits the configuration describes. */
    public static AgentLimits of(final Configuration config)
    {
        return new AgentLimits(HostConfiguration.limits(config), config.get(SwitchConfiguration.MAX_SLOTS_PER_CYCLE),
            config.get(SwitchConfiguration.L2_QUEUE_FRAMES));
    }
}
