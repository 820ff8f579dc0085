package org.edm.nativeio.rack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.PortSetupException;

/**
 * Brings a local rack up and down: one network namespace per host and one for the switch, joined by veth pairs
 * (switch port i to host i), named by {@link LocalRackLayout}.
 * <p>
 * Ownership. Every namespace {@code up} makes carries a marker, the alias {@code edm-rack:NAME} on its loopback
 * interface, so the kernel itself records which namespaces belong to which rack. The rack file is written first with
 * {@code state: creating} and rewritten with {@code state: up} at the end, so a crash in between leaves a journal.
 * <ul>
 *     <li>{@code up} refuses to touch a namespace with a wanted name that is not marked as this rack's, unless the
 *     journal lists it and it is still empty (a crash between {@code ip netns add} and the marker).</li>
 *     <li>{@code up} over a half-made rack (journal in state creating, or marked namespaces without a file) removes
 *     what the crashed run made and starts again.</li>
 *     <li>{@code down} removes exactly the namespaces of the file that carry the marker (plus, for a journal, the
 *     empty unmarked ones it lists), then the file.</li>
 * </ul>
 * Everything goes through iproute2 ({@link IpCommand}); IPv6 is switched off in every namespace (written through
 * {@code /proc/sys} from a thread inside it) so that no router or neighbour solicitations appear on the links.
 */
public final class LocalRack
{
    private static final Pattern UP_FLAG = Pattern.compile("[<,]UP[,>]");

    private final Consumer<String> log;

    /** @param log receives one line per step, for the CLI to print. */
    public LocalRack(final Consumer<String> log)
    {
        this.log = log;
    }

    /**
     * Makes a local rack and writes its file; returns its description. If the same rack is already up, returns it
     * unchanged.
     */
    public RackDescription up(final String name, final int hosts, final Path file)
    {
        final RackDescription wanted = LocalRackLayout.describe(name, hosts, RackDescription.State.CREATING);
        RackDescription journal = null;
        if (Files.exists(file))
        {
            journal = RackFile.read(file);
            if (!journal.name().equals(name))
            {
                throw new PortSetupException("rack file " + file + " describes rack '" + journal.name() +
                    "', not '" + name + "'; choose another --file");
            }
            if (journal.state() == RackDescription.State.UP)
            {
                if (journal.hosts().size() == hosts && isIntact(journal))
                {
                    log.accept("rack '" + name + "' is already up with " + hosts + " hosts (" + file + ")");
                    return journal;
                }
                if (isIntact(journal))
                {
                    throw new PortSetupException("rack '" + name + "' is already up with " + journal.hosts().size() +
                        " hosts; take it down first with 'edm rack down --name " + name + "'");
                }
                log.accept("rack '" + name + "' was up but is damaged; rebuilding it");
            }
            else
            {
                log.accept("rack '" + name + "' was left half made by an earlier run; removing what it made");
            }
            removeOwned(journal, true);
        }
        checkNoForeign(wanted, journal);
        removeOwned(wanted, false);

        RackFile.write(wanted, file);
        try
        {
            final RackDescription.Switch fabric = wanted.fabric();
            addNamespace(name, fabric.namespace());
            for (int i = 0; i < hosts; i++)
            {
                final RackDescription.Host host = wanted.hosts().get(i);
                final RackDescription.SwitchPort port = fabric.ports().get(i);
                addNamespace(name, host.namespace());
                IpCommand.run("link", "add", host.interfaceName(), "netns", host.namespace(), "address", host.mac(),
                    "type", "veth", "peer", "name", port.interfaceName(), "netns", fabric.namespace(),
                    "address", port.mac());
                IpCommand.run("-n", host.namespace(), "link", "set", host.interfaceName(), "up");
                IpCommand.run("-n", fabric.namespace(), "link", "set", port.interfaceName(), "up");
                log.accept("  " + host.name() + ": " + host.namespace() + "/" + host.interfaceName() + " " +
                    host.mac() + " <-> " + fabric.namespace() + "/" + port.interfaceName() + " " + port.mac());
            }
        }
        catch (final RuntimeException e)
        {
            throw new PortSetupException(e.getMessage() + "\nthe rack is half made; 'edm rack up' again retries and " +
                "'edm rack down --file " + file + "' removes what was made", e);
        }
        final RackDescription up = wanted.withState(RackDescription.State.UP);
        RackFile.write(up, file);
        log.accept("rack '" + name + "' is up: " + hosts + " hosts, switch in " + up.fabric().namespace() +
            "; description in " + file);
        return up;
    }

    /** Removes the namespaces the file's rack made, then the file. Returns the namespaces removed. */
    public List<String> down(final Path file)
    {
        final RackDescription rack = RackFile.read(file);
        if (rack.kind() != RackDescription.Kind.LOCAL)
        {
            throw new PortSetupException("rack file " + file + " describes a lab rack; 'edm rack down' only " +
                "removes local racks");
        }
        final List<String> removed = removeOwned(rack, rack.state() == RackDescription.State.CREATING);
        try
        {
            Files.deleteIfExists(file);
        }
        catch (final IOException e)
        {
            throw new PortSetupException("cannot delete rack file " + file + ": " + e.getMessage(), e);
        }
        log.accept("rack '" + rack.name() + "' is down: removed " + removed.size() + " namespaces and " + file);
        return removed;
    }

    /** One line per namespace and link: whether it exists, is marked and up. */
    public List<String> status(final RackDescription rack)
    {
        final List<String> lines = new ArrayList<>();
        lines.add("rack " + rack.name() + " (" + rack.kind().yamlName() +
            (rack.state() == RackDescription.State.NONE ? "" : ", " + rack.state().yamlName()) + ")");
        for (final RackDescription.Host host : rack.hosts())
        {
            final RackDescription.SwitchPort port = rack.switchPortOf(host.name());
            final String where = rack.kind() == RackDescription.Kind.LOCAL ? host.namespace() : host.hostName();
            lines.add(String.format("  %-6s node %-4d %-7s %-14s %-6s %s  <->  switch %-6s %s  %s",
                host.name(), host.nodeId(), host.role().yamlName(), where, host.interfaceName(), host.mac(),
                port.interfaceName(), port.mac(),
                rack.kind() == RackDescription.Kind.LOCAL ? linkState(rack, host, port) : ""));
        }
        final RackDescription.Switch fabric = rack.fabric();
        lines.add("  switch " + fabric.name() + " in " +
            (rack.kind() == RackDescription.Kind.LOCAL ? fabric.namespace() + " (" +
            (NetworkNamespaces.exists(fabric.namespace()) ? ownerOf(fabric.namespace(), rack.name()) : "missing") +
            ")" : fabric.hostName()));
        return lines;
    }

    private String linkState(
        final RackDescription rack, final RackDescription.Host host, final RackDescription.SwitchPort port)
    {
        if (!NetworkNamespaces.exists(host.namespace()))
        {
            return "namespace missing";
        }
        final String owner = ownerOf(host.namespace(), rack.name());
        final boolean hostUp = isUp(host.namespace(), host.interfaceName());
        final boolean portUp = NetworkNamespaces.exists(rack.fabric().namespace()) &&
            isUp(rack.fabric().namespace(), port.interfaceName());
        return owner + ", " + (hostUp && portUp ? "link up" : "link DOWN");
    }

    private static boolean isUp(final String namespace, final String interfaceName)
    {
        final IpCommand.Result result = IpCommand.tryRun("-n", namespace, "-o", "link", "show", "dev", interfaceName);
        return result.exitCode() == 0 && UP_FLAG.matcher(result.output()).find();
    }

    private static String ownerOf(final String namespace, final String rack)
    {
        final String marker = markerOf(namespace);
        return marker == null ? "not made by edm" : marker.equals(LocalRackLayout.marker(rack)) ? "ours" :
            "belongs to " + marker;
    }

    private boolean isIntact(final RackDescription rack)
    {
        final String marker = LocalRackLayout.marker(rack.name());
        if (!marker.equals(markerOf(rack.fabric().namespace())))
        {
            return false;
        }
        for (final RackDescription.Host host : rack.hosts())
        {
            if (!marker.equals(markerOf(host.namespace())))
            {
                return false;
            }
        }
        return true;
    }

    private void checkNoForeign(final RackDescription wanted, final RackDescription journal)
    {
        final String marker = LocalRackLayout.marker(wanted.name());
        final List<String> foreign = new ArrayList<>();
        for (final String namespace : namespaces(wanted))
        {
            if (NetworkNamespaces.exists(namespace))
            {
                final String found = markerOf(namespace);
                final boolean journalled = journal != null && namespaces(journal).contains(namespace) &&
                    found == null && isEmpty(namespace);
                if (!marker.equals(found) && !journalled)
                {
                    foreign.add(namespace + (found == null ? "" : " (marked " + found + ")"));
                }
            }
        }
        if (!foreign.isEmpty())
        {
            throw new PortSetupException("network namespaces " + foreign + " exist and were not made by 'edm rack up' " +
                "for rack '" + wanted.name() + "'; refusing to touch them. Choose another rack name with --name, or " +
                "remove them yourself ('ip netns del NAME') if you are sure they are unused");
        }
    }

    private List<String> removeOwned(final RackDescription rack, final boolean includeEmptyUnmarked)
    {
        final String marker = LocalRackLayout.marker(rack.name());
        final List<String> removed = new ArrayList<>();
        for (final String namespace : namespaces(rack))
        {
            if (!NetworkNamespaces.exists(namespace))
            {
                continue;
            }
            final String found = markerOf(namespace);
            if (marker.equals(found) || (includeEmptyUnmarked && found == null && isEmpty(namespace)))
            {
                IpCommand.run("netns", "del", namespace);
                removed.add(namespace);
                log.accept("  removed namespace " + namespace);
            }
            else
            {
                log.accept("  left namespace " + namespace + " alone: it was not made by 'edm rack up' for rack '" +
                    rack.name() + "'");
            }
        }
        return removed;
    }

    private void addNamespace(final String rack, final String namespace)
    {
        IpCommand.run("netns", "add", namespace);
        IpCommand.run("-n", namespace, "link", "set", "dev", "lo", "alias", LocalRackLayout.marker(rack));
        IpCommand.run("-n", namespace, "link", "set", "dev", "lo", "up");
        disableIpv6(namespace);
    }

    private static void disableIpv6(final String namespace)
    {
        NetworkNamespaces.callIn(namespace, () ->
        {
            for (final String which : new String[] { "all", "default" })
            {
                final Path knob = Path.of("/proc/sys/net/ipv6/conf", which, "disable_ipv6");
                if (Files.exists(knob))
                {
                    Files.writeString(knob, "1\n");
                }
            }
            return null;
        });
    }

    /** The marker alias on a namespace's loopback, or null when there is none. */
    static String markerOf(final String namespace)
    {
        final IpCommand.Result result = IpCommand.tryRun("-n", namespace, "-o", "link", "show", "dev", "lo");
        final int at = result.output().indexOf("alias ");
        if (result.exitCode() != 0 || at < 0)
        {
            return null;
        }
        return result.output().substring(at + "alias ".length()).strip().split("\\s")[0];
    }

    private static boolean isEmpty(final String namespace)
    {
        final IpCommand.Result result = IpCommand.tryRun("-n", namespace, "-o", "link", "show");
        return result.exitCode() == 0 && result.output().strip().lines().count() <= 1;
    }

    private static List<String> namespaces(final RackDescription rack)
    {
        final List<String> names = new ArrayList<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            names.add(host.namespace());
        }
        names.add(rack.fabric().namespace());
        return names;
    }
}
