package org.edm.cli.agents;

import org.edm.agent.CarrierLink;
import org.edm.host.HostAgent;
import org.edm.switchagent.FabricProcess;
import org.edm.switchagent.SwitchAgent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trouble counters of a process's agents, by name, non-zero ones only: blocks dropped for lack of TX room, carrier
 * sequence gaps, frames that could not be sent, completions lost, request timeouts and what the switch dropped. Read
 * from the control thread after the agents stopped (or racily while they run, for a status line).
 */
public final class FabricCounters
{
    private FabricCounters()
    {
    }

    /** Non-zero trouble counters, e.g. {h0.timeouts=3, switch.port1.blocks.dropped=12}. */
    public static Map<String, Long> troubles(final FabricProcess process)
    {
        final Map<String, Long> counters = new LinkedHashMap<>();
        final SwitchAgent switchAgent = process.switchAgent();
        if (switchAgent != null)
        {
            put(counters, "switch.dropped", switchAgent.engine().dropped());
            put(counters, "switch.ungranted", switchAgent.engine().ungranted());
            put(counters, "switch.unknown.node", switchAgent.engine().unknownNode());
            put(counters, "switch.malformed", switchAgent.engine().malformed());
            put(counters, "switch.unexpected", switchAgent.engine().unexpected());
            put(counters, "switch.duplicates", switchAgent.engine().duplicates());
            for (int p = 0; p < process.rack().hosts().size(); p++)
            {
                link(counters, "switch.port" + p, switchAgent.link(p));
            }
        }
        for (final Map.Entry<String, HostAgent> entry : process.hosts().entrySet())
        {
            final HostAgent host = entry.getValue();
            final String name = entry.getKey();
            put(counters, name + ".timeouts", host.engine().timeouts());
            put(counters, name + ".lost.completions", host.lostCompletions());
            put(counters, name + ".malformed", host.engine().malformedReceived());
            put(counters, name + ".orphan.grants", host.engine().orphanGrants());
            put(counters, name + ".stale.blocks", host.engine().staleBlocks());
            put(counters, name + ".unexpected.blocks", host.engine().unexpectedBlocks());
            link(counters, name, host.link());
        }
        return counters;
    }

    private static void link(final Map<String, Long> counters, final String prefix, final CarrierLink link)
    {
        put(counters, prefix + ".blocks.dropped", link.blocksDropped());
        put(counters, prefix + ".send.failures", link.sendFailures());
        put(counters, prefix + ".gaps", link.gaps());
        put(counters, prefix + ".frames.rejected", link.receiver().totalRejected());
    }

    private static void put(final Map<String, Long> counters, final String name, final long value)
    {
        if (value != 0)
        {
            counters.put(name, value);
        }
    }
}
