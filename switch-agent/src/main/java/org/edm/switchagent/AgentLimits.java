package org.edm.switchagent;

import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;

/**
 * The per-agent limits of a fabric's processes that are not protocol settings: how many requests a host keeps in
 * flight, its longest request, and how many slots a host or switch duty cycle may catch up after a stall.
 *
 * @param host                   the host agents' limits.
 * @param switchMaxSlotsPerCycle the switch agent's catch-up bound.
 */
public record AgentLimits(HostConfiguration.Limits host, int switchMaxSlotsPerCycle)
{
    /** The defaults of the configuration keys. */
    public static AgentLimits defaults()
    {
        return new AgentLimits(HostConfiguration.Limits.defaults(), 4096);
    }

    /** The limits the configuration describes. */
    public static AgentLimits of(final Configuration config)
    {
        return new AgentLimits(HostConfiguration.limits(config), config.get(SwitchConfiguration.MAX_SLOTS_PER_CYCLE));
    }
}
