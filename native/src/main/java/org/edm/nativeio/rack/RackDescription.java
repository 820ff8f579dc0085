package org.edm.nativeio.rack;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything the agents need to open their ports on a rack: its name, every host (node id, role, where it runs, the
 * interface it uses and that interface's MAC) and the switch (where it runs and one port per host). The same model
 * describes a local rack of network namespaces (made by {@code edm rack up}) and a real lab rack of machines.
 * {@link RackFile} reads and writes it as YAML.
 *
 * @param name   rack name.
 * @param kind   local (namespaces on this machine) or lab (real machines).
 * @param state  for a local rack, how far {@code edm rack up} got; {@link State#NONE} for a lab rack.
 * @param hosts  the hosts, in port order.
 * @param fabric the switch.
 */
public record RackDescription(String name, Kind kind, State state, List<Host> hosts, Switch fabric)
{
    /** Largest node id: the fabric's ids are 20 bits wide. */
    public static final int MAX_NODE_ID = (1 << 20) - 1;

    private static final Pattern MAC = Pattern.compile("([0-9a-f]{2}:){5}[0-9a-f]{2}");

    /** Where a rack runs. */
    public enum Kind
    {
        /** Network namespaces joined by veth pairs on one machine. */
        LOCAL,
        /** Real machines and a real switch host. */
        LAB;

        public String yamlName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How far {@code edm rack up} got with a local rack. */
    public enum State
    {
        /** Not managed by {@code edm rack up} (a lab rack, or a hand-written file). */
        NONE,
        /** {@code up} started and has not finished: the rack may be half made. */
        CREATING,
        /** {@code up} finished. */
        UP;

        public String yamlName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What a host does in the fabric. */
    public enum Role
    {
        COMPUTE, MEMORY, BOTH;

        public String yamlName()
        {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One host.
     *
     * @param name          short name, unique in the rack (e.g. {@code h0}, {@code node01}).
     * @param nodeId        fabric node id, 1 to 2^20-1, unique.
     * @param role          compute, memory or both.
     * @param namespace     network namespace (local rack), else null.
     * @param hostName      machine's host name or address (lab rack), else null.
     * @param interfaceName the interface its port opens (at most 15 characters).
     * @param mac           that interface's MAC, {@code xx:xx:xx:xx:xx:xx} lower case.
     */
    public record Host(
        String name, int nodeId, Role role, String namespace, String hostName, String interfaceName, String mac)
    {
    }

    /**
     * One switch port.
     *
     * @param interfaceName the interface on the switch (at most 15 characters).
     * @param mac           its MAC.
     * @param peer          the name of the host at the other end of the cable.
     */
    public record SwitchPort(String interfaceName, String mac, String peer)
    {
    }

    /**
     * The switch.
     *
     * @param name      its name.
     * @param namespace network namespace (local rack), else null.
     * @param hostName  machine's host name (lab rack), else null.
     * @param ports     one port per host.
     */
    public record Switch(String name, String namespace, String hostName, List<SwitchPort> ports)
    {
    }

    public RackDescription
    {
        hosts = List.copyOf(hosts);
    }

    /** The host called {@code hostName}, or an exception naming the hosts there are. */
    public Host host(final String hostName)
    {
        for (final Host host : hosts)
        {
            if (host.name().equals(hostName))
            {
                return host;
            }
        }
        throw new IllegalArgumentException("rack '" + name + "' has no host '" + hostName + "'; its hosts are " +
            hosts.stream().map(Host::name).toList());
    }

    /** The switch port cabled to {@code hostName}. */
    public SwitchPort switchPortOf(final String hostName)
    {
        for (final SwitchPort port : fabric.ports())
        {
            if (port.peer().equals(hostName))
            {
                return port;
            }
        }
        throw new IllegalArgumentException("rack '" + name + "' has no switch port cabled to host '" + hostName + "'");
    }

    /** The same rack in another state. */
    public RackDescription withState(final State newState)
    {
        return new RackDescription(name, kind, newState, hosts, fabric);
    }

    /**
     * Checks the description; throws with every problem found, each naming the field.
     *
     * @return this.
     */
    public RackDescription validate()
    {
        final StringBuilder problems = new StringBuilder();
        check(problems, name != null && !name.isBlank(), "'rack' (the rack name) is missing");
        check(problems, !hosts.isEmpty(), "'hosts' is empty");
        check(problems, fabric != null, "'switch' is missing");
        final Set<String> names = new HashSet<>();
        final Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < hosts.size(); i++)
        {
            final Host host = hosts.get(i);
            final String where = "hosts[" + i + "]" + (host.name() == null ? "" : " (" + host.name() + ")");
            check(problems, host.name() != null && names.add(host.name()), where + ": 'name' missing or repeated");
            check(problems, host.nodeId() >= 1 && host.nodeId() <= MAX_NODE_ID && ids.add(host.nodeId()),
                where + ": 'node-id' " + host.nodeId() + " outside 1.." + MAX_NODE_ID + " or repeated");
            checkInterface(problems, where, host.interfaceName());
            checkMac(problems, where, host.mac());
            checkPlacement(problems, where, host.namespace(), host.hostName());
        }
        if (fabric != null)
        {
            checkPlacement(problems, "switch", fabric.namespace(), fabric.hostName());
            final Set<String> peers = new HashSet<>();
            for (int i = 0; i < fabric.ports().size(); i++)
            {
                final SwitchPort port = fabric.ports().get(i);
                final String where = "switch.ports[" + i + "]";
                checkInterface(problems, where, port.interfaceName());
                checkMac(problems, where, port.mac());
                check(problems, port.peer() != null && names.contains(port.peer()) && peers.add(port.peer()),
                    where + ": 'peer' " + port.peer() + " is not a host of the rack, or is cabled twice");
            }
            check(problems, peers.size() == hosts.size(), "switch.ports: every host needs exactly one switch port (" +
                hosts.size() + " hosts, " + peers.size() + " cabled)");
        }
        if (!problems.isEmpty())
        {
            throw new IllegalArgumentException("invalid rack description" +
                (name == null ? "" : " '" + name + "'") + ":" + problems);
        }
        return this;
    }

    private void checkPlacement(final StringBuilder problems, final String where, final String namespace, final String hostName)
    {
        if (kind == Kind.LOCAL)
        {
            check(problems, namespace != null && !namespace.isBlank(), where + ": 'namespace' is missing (local rack)");
        }
        else
        {
            check(problems, hostName != null && !hostName.isBlank(), where + ": 'host' is missing (lab rack)");
        }
    }

    private static void checkInterface(final StringBuilder problems, final String where, final String interfaceName)
    {
        check(problems, interfaceName != null && !interfaceName.isEmpty() && interfaceName.length() <= 15 &&
            !interfaceName.contains("/") && !interfaceName.contains(" "),
            where + ": 'interface' '" + interfaceName + "' must have 1 to 15 characters, no '/' or space");
    }

    private static void checkMac(final StringBuilder problems, final String where, final String mac)
    {
        check(problems, mac != null && MAC.matcher(mac).matches(),
            where + ": 'mac' '" + mac + "' is not of the form 02:ed:00:00:00:01 (lower case)");
    }

    private static void check(final StringBuilder problems, final boolean ok, final String problem)
    {
        if (!ok)
        {
            problems.append("\n  - ").append(problem);
        }
    }
}
