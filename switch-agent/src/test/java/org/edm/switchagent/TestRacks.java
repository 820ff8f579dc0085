package org.edm.switchagent;

import org.edm.nativeio.rack.RackDescription;

import java.util.ArrayList;
import java.util.List;

/** Small rack descriptions for tests (no namespaces: used with in-memory cables). */
final class TestRacks
{
    private TestRacks()
    {
    }

    /** Hosts h0..h(n-1) with node ids 0..n-1 and the given roles, one switch port each. */
    static RackDescription rack(final String name, final RackDescription.Role... roles)
    {
        final List<RackDescription.Host> hosts = new ArrayList<>();
        final List<RackDescription.SwitchPort> ports = new ArrayList<>();
        for (int i = 0; i < roles.length; i++)
        {
            hosts.add(new RackDescription.Host("h" + i, i, roles[i], null, null, "eth0",
                String.format("02:ed:00:00:00:%02x", i)));
            ports.add(new RackDescription.SwitchPort("sw-p" + i, String.format("02:ed:00:01:00:%02x", i), "h" + i));
        }
        return new RackDescription(name, RackDescription.Kind.LOCAL, RackDescription.State.UP, hosts,
            new RackDescription.Switch("sw", null, null, ports));
    }
}
