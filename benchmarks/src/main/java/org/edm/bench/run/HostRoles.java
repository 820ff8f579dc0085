package org.edm.bench.run;

import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;

import java.util.ArrayList;
import java.util.List;

/**
 * Which host of the rack does what in a run: the measured clients, the one memory node they all target, the
 * background bulk writers and the frame host.
 *
 * @param clients     hosts running the measured test (one, or the incast clients).
 * @param memory      the memory node every client and writer targets.
 * @param bulkWriters hosts writing in the background.
 * @param frameHost   the host sending ordinary frames, or null.
 */
public record HostRoles(List<String> clients, String memory, List<String> bulkWriters, String frameHost)
{
    /** Name of the in-memory rack the bench builds when no rack file is given. */
    public static final String GENERATED_RACK = "bench";

    public HostRoles
    {
        clients = List.copyOf(clients);
        bulkWriters = List.copyOf(bulkWriters);
    }

    /** Every host with a role, clients first. */
    public List<String> all()
    {
        final List<String> all = new ArrayList<>(clients);
        all.add(memory);
        all.addAll(bulkWriters);
        if (frameHost != null)
        {
            all.add(frameHost);
        }
        return all;
    }

    /** The clients and the bulk writers: the hosts that issue operations. */
    public List<String> issuers()
    {
        final List<String> issuers = new ArrayList<>(clients);
        issuers.addAll(bulkWriters);
        return issuers;
    }

    /**
     * A rack with exactly the hosts the load needs, for in-memory cables: clients c0.., memory node m0, bulk writers
     * b0.., frame host f0; node ids from 1, one switch port each.
     */
    public static RackDescription generatedRack(final LoadSpec load)
    {
        final List<String> names = new ArrayList<>();
        final List<RackDescription.Role> roles = new ArrayList<>();
        for (int i = 0; i < load.incastClients(); i++)
        {
            names.add("c" + i);
            roles.add(RackDescription.Role.COMPUTE);
        }
        names.add("m0");
        roles.add(RackDescription.Role.MEMORY);
        for (int i = 0; i < load.bulkWriters(); i++)
        {
            names.add("b" + i);
            roles.add(RackDescription.Role.COMPUTE);
        }
        if (load.frames())
        {
            names.add("f0");
            roles.add(RackDescription.Role.COMPUTE);
        }
        final List<RackDescription.Host> hosts = new ArrayList<>();
        final List<RackDescription.SwitchPort> ports = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
        {
            hosts.add(new RackDescription.Host(names.get(i), i + 1, roles.get(i), null, null, "edm0",
                LocalRackLayout.mac(GENERATED_RACK, 0, i)));
            ports.add(new RackDescription.SwitchPort("swp" + i, LocalRackLayout.mac(GENERATED_RACK, 1, i),
                names.get(i)));
        }
        return new RackDescription(GENERATED_RACK, RackDescription.Kind.LOCAL, RackDescription.State.UP, hosts,
            new RackDescription.Switch("sw", null, null, ports));
    }

    /**
     * Assigns roles on a rack from a file: the memory node is {@code memoryHost} if given, else the last host that
     * serves memory; clients, bulk writers and the frame host follow in rack order among the others. Throws saying how
     * many hosts the load needs when the rack has too few.
     */
    public static HostRoles assign(final RackDescription rack, final LoadSpec load, final String memoryHost)
    {
        final String memory = memoryHost != null ? rack.host(memoryHost).name() : lastMemoryNode(rack);
        final List<String> others = new ArrayList<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            if (!host.name().equals(memory) && host.role() != RackDescription.Role.MEMORY)
            {
                others.add(host.name());
            }
        }
        final int needed = load.incastClients() + load.bulkWriters() + (load.frames() ? 1 : 0);
        if (others.size() < needed)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "' has " + others.size() + " host(s) " +
                "besides memory node " + memory + " that can issue requests; the load needs " + needed + " (" +
                load.incastClients() + " client(s)" + (load.bulkWriters() > 0 ? ", " + load.bulkWriters() +
                " bulk writer(s)" : "") + (load.frames() ? ", 1 frame host" : "") + "): bring up a rack with " +
                (needed + 1) + " hosts ('edm rack up --hosts " + (needed + 1) + "'), or run without --rack");
        }
        final List<String> clients = others.subList(0, load.incastClients());
        final List<String> writers = others.subList(load.incastClients(), load.incastClients() + load.bulkWriters());
        final String frameHost = load.frames() ? others.get(needed - 1) : null;
        return new HostRoles(clients, memory, writers, frameHost);
    }

    /**
     * The same rack with only the memory node serving memory: the bench embeds every host, and no other host needs a
     * region (each would otherwise allocate one).
     */
    public RackDescription restrictRegions(final RackDescription rack)
    {
        final List<RackDescription.Host> hosts = new ArrayList<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            final RackDescription.Role role = host.name().equals(memory) ? RackDescription.Role.MEMORY :
                RackDescription.Role.COMPUTE;
            hosts.add(new RackDescription.Host(host.name(), host.nodeId(), role, host.namespace(), host.hostName(),
                host.interfaceName(), host.mac()));
        }
        return new RackDescription(rack.name(), rack.kind(), rack.state(), hosts, rack.fabric());
    }

    private static String lastMemoryNode(final RackDescription rack)
    {
        for (int i = rack.hosts().size() - 1; i >= 0; i--)
        {
            final RackDescription.Host host = rack.hosts().get(i);
            if (host.role() != RackDescription.Role.COMPUTE)
            {
                return host.name();
            }
        }
        throw new IllegalArgumentException("rack '" + rack.name() + "' has no memory node (no host with role memory " +
            "or both)");
    }
}
