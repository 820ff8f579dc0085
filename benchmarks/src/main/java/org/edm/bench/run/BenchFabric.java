package org.edm.bench.run;

import org.agrona.MutableDirectBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.host.HostAgent;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackPorts;
import org.edm.switchagent.FabricNodes;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.util.function.Consumer;

/**
 * The fabric a bench run drives from its own thread (INVOKER style: {@link #runOnce()} runs every agent's duty cycle
 * here, so the whole run is one busy thread). Two shapes:
 * <ul>
 *     <li>{@link #embedded}: every agent of a rack in this process, over in-memory cables (no privileges) or over the
 *     rack's AF_PACKET ports in its namespaces (a local rack made by {@code edm rack up}, as root);</li>
 *     <li>{@link #labHost}: one compute host of a lab rack over its interface, against the switch and memory-node
 *     daemons running elsewhere (only baselines that need nothing on the memory node can run).</li>
 * </ul>
 */
public final class BenchFabric implements AutoCloseable
{
    private final RackDescription rack;
    private final FabricSettings settings;
    private final LocalFabric fabric;
    private final HostAgent labHost;
    private final FramePort labPort;
    private final String device;
    private final String cables;

    private BenchFabric(
        final RackDescription rack,
        final FabricSettings settings,
        final LocalFabric fabric,
        final HostAgent labHost,
        final FramePort labPort,
        final String device,
        final String cables)
    {
        this.rack = rack;
        this.settings = settings;
        this.fabric = fabric;
        this.labHost = labHost;
        this.labPort = labPort;
        this.device = device;
        this.cables = cables;
    }

    /**
     * Every agent of {@code rack} in this process.
     *
     * @param inMemory in-memory cables instead of the rack's interfaces.
     * @param report   receives fallback notes (no huge pages, ...).
     */
    public static BenchFabric embedded(
        final RackDescription rack,
        final boolean inMemory,
        final FabricSettings settings,
        final FabricOptions options,
        final Consumer<String> report)
    {
        final String size = rack.hosts().size() + " hosts";
        if (inMemory)
        {
            return new BenchFabric(rack, settings, LocalFabric.inMemory(rack, settings, options, report), null, null,
                "in-memory rack '" + rack.name() + "' (" + size + ")", "in-memory cables");
        }
        final LocalFabric fabric;
        try
        {
            fabric = LocalFabric.packet(rack, settings, options, report);
        }
        catch (final RuntimeException e)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "': cannot open its ports: " + e.getMessage() +
                " (is the rack up? 'edm rack status'; AF_PACKET ports need root or CAP_NET_RAW)", e);
        }
        final boolean namespaces = rack.kind() == RackDescription.Kind.LOCAL;
        return new BenchFabric(rack, settings, fabric, null, null, "rack '" + rack.name() + "' (" + size +
            (namespaces ? ", namespaces" : "") + ")", "AF_PACKET ports" + (namespaces ? " in the rack's namespaces" :
            ""));
    }

    /**
     * Compute host {@code hostName} of a lab rack over its interface (AF_PACKET in this machine's namespace), against
     * the rack's daemons.
     */
    public static BenchFabric labHost(
        final RackDescription rack,
        final String hostName,
        final FabricSettings settings,
        final FabricOptions options,
        final FrameEndpoint endpoint)
    {
        final RackDescription.Host host = rack.host(hostName);
        final FramePort port;
        try
        {
            port = RackPorts.host(rack, hostName, options.ports().copy());
        }
        catch (final RuntimeException e)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "': cannot open the port of host " + hostName +
                " (" + host.interfaceName() + "): " + e.getMessage() + " (AF_PACKET ports need root or CAP_NET_RAW)",
                e);
        }
        try
        {
            final HostAgent agent = FabricNodes.host(rack, hostName, settings, options.limits().host(),
                options.hostPorts().apply(hostName, port), null, System.nanoTime(), endpoint);
            return new BenchFabric(rack, settings, null, agent, port, "lab rack '" + rack.name() + "', host " +
                hostName, "AF_PACKET port " + host.interfaceName());
        }
        catch (final RuntimeException e)
        {
            port.close();
            throw e;
        }
    }

    public RackDescription rack()
    {
        return rack;
    }

    public FabricSettings settings()
    {
        return settings;
    }

    /** What the banner shows as the device: "in-memory rack 'bench' (2 hosts)", "rack 'r0' (4 hosts, namespaces)". */
    public String device()
    {
        return device;
    }

    /** How the ports are reached: "in-memory cables", "AF_PACKET ports in the rack's namespaces", ... */
    public String cables()
    {
        return cables;
    }

    /** True when every agent of the rack runs here (baselines with a responder on the memory node need this). */
    public boolean wholeRack()
    {
        return fabric != null;
    }

    /** The host agent of {@code name}, when it runs in this process. */
    public HostAgent host(final String name)
    {
        if (fabric != null)
        {
            return fabric.host(name);
        }
        if (labHost != null && rack.host(name).nodeId() == labHost.settings().nodeId())
        {
            return labHost;
        }
        throw new IllegalArgumentException("host '" + name + "' does not run in this process (lab rack: only the " +
            "compute host named with --host does)");
    }

    /** The region {@code name} serves, when it is a memory node in this process; null otherwise. */
    public MutableDirectBuffer region(final String name)
    {
        return fabric == null ? null : fabric.region(name);
    }

    /** The whole-rack fabric, or null on a lab rack. */
    public LocalFabric localFabric()
    {
        return fabric;
    }

    /** Runs every agent of this process once; returns the work done. */
    public int runOnce()
    {
        return fabric != null ? fabric.runOnce() : labHost.doWork();
    }

    public void close()
    {
        if (fabric != null)
        {
            fabric.close();
        }
        if (labHost != null)
        {
            labHost.onClose();
            labPort.close();
        }
    }
}
