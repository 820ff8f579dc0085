package org.edm.switchagent;

import org.edm.agent.FrameEndpoint;
import org.agrona.concurrent.Agent;
import org.edm.agent.AgentRuntime;
import org.edm.agent.PortConfiguration;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.config.Configuration;
import org.edm.host.HostAgent;
import org.edm.host.HostConfiguration;
import org.edm.host.KernelTap;
import org.edm.host.TapSubnet;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.LockedMemory;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackPorts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agents of one process of a fabric, built from a rack description and a configuration, then run in the
 * configured threading mode. The three shapes a deployment uses:
 * <ul>
 *     <li>{@link #wholeRack}: every agent of a local rack in one process, over its namespaces' interfaces or in-memory
 *     cables ({@code edm rack run}, and client tools that embed the rack);</li>
 *     <li>{@link #switchOnly}: the switch agent over every switch port ({@code edm switch});</li>
 *     <li>{@link #host}: one host agent over its interface ({@code edm host} for a memory node; a client tool's own
 *     compute host on a lab rack). A host serves its region when its role is memory or both.</li>
 * </ul>
 * {@link #start} starts the agents; {@link #close} stops them, then releases ports and memory.
 */
public final class FabricProcess implements AutoCloseable
{
    private final RackDescription rack;
    private final Configuration config;
    private final FabricSettings settings;
    private final LocalFabric fabric;
    private final SwitchAgent switchAgent;
    private final Map<String, HostAgent> hosts;
    private final List<FramePort> ports;
    private final List<LockedMemory> memories;
    private final String transport;
    private AgentRuntime runtime;

    private FabricProcess(
        final RackDescription rack,
        final Configuration config,
        final FabricSettings settings,
        final LocalFabric fabric,
        final SwitchAgent switchAgent,
        final Map<String, HostAgent> hosts,
        final List<FramePort> ports,
        final List<LockedMemory> memories,
        final String transport)
    {
        this.rack = rack;
        this.config = config;
        this.settings = settings;
        this.fabric = fabric;
        this.switchAgent = switchAgent;
        this.hosts = hosts;
        this.ports = ports;
        this.memories = memories;
        this.transport = transport;
    }

    /**
     * Every agent of {@code rack} in this process.
     *
     * @param inMemory in-memory cables (no privileges) instead of the rack's interfaces.
     */
    public static FabricProcess wholeRack(
        final RackDescription rack, final Configuration config, final boolean inMemory, final Consumer<String> report)
    {
        final FabricSettings settings = FabricConfiguration.settings(config);
        final PortOptions options = PortConfiguration.options(config);
        final AgentLimits limits = AgentLimits.of(config);
        if (inMemory && !config.get(HostConfiguration.TAP).isEmpty())
        {
            throw new IllegalArgumentException(HostConfiguration.TAP.name() + "=" + config.get(HostConfiguration.TAP) +
                " needs the rack's namespaces, one kernel per host, and in-memory cables have none: bring the rack " +
                "up with 'edm rack up' (root) and run without --in-memory, or unset " + HostConfiguration.TAP.name());
        }
        final Map<String, FrameEndpoint> taps = openTaps(rack, rack.hosts(), config, report);
        final FabricOptions fabricOptions = FabricOptions.defaults().withLimits(limits).withPorts(options)
            .withEndpoints(host -> taps.getOrDefault(host, FrameEndpoint.NONE));
        final LocalFabric fabric;
        try
        {
            fabric = inMemory ? LocalFabric.inMemory(rack, settings, fabricOptions, report) :
                LocalFabric.packet(rack, settings, fabricOptions, report);
        }
        catch (final RuntimeException ex)
        {
            taps.values().forEach(FrameEndpoint::close);
            throw ex;
        }
        return new FabricProcess(rack, config, settings, fabric, fabric.switchAgent(), fabric.hosts(), List.of(),
            List.of(), inMemory ? "in-memory cables" : "AF_PACKET ports" +
                (rack.kind() == RackDescription.Kind.LOCAL ? " in the rack's namespaces" : ""));
    }

    /** The switch agent over every switch port of {@code rack} (AF_PACKET, in the switch namespace of a local rack). */
    public static FabricProcess switchOnly(
        final RackDescription rack, final Configuration config, final Consumer<String> report)
    {
        final FabricSettings settings = FabricConfiguration.settings(config);
        final PortOptions options = PortConfiguration.options(config);
        final Map<String, FramePort> switchPorts = new LinkedHashMap<>();
        try
        {
            for (final RackDescription.Host host : rack.hosts())
            {
                switchPorts.put(host.name(), RackPorts.switchPort(rack, host.name(), options.copy()));
            }
            final SwitchAgent agent = FabricNodes.switchAgent(rack, settings,
                config.get(SwitchConfiguration.MAX_SLOTS_PER_CYCLE), config.get(SwitchConfiguration.L2_QUEUE_FRAMES),
                switchPorts, System.nanoTime());
            return new FabricProcess(rack, config, settings, null, agent, Map.of(),
                new ArrayList<>(switchPorts.values()), List.of(), "AF_PACKET ports " + portNames(rack));
        }
        catch (final RuntimeException ex)
        {
            switchPorts.values().forEach(FramePort::close);
            throw ex;
        }
    }

    /** The host agent of {@code hostName} over its interface (AF_PACKET, in its namespace on a local rack). */
    public static FabricProcess host(
        final RackDescription rack, final String hostName, final Configuration config, final Consumer<String> report)
    {
        final RackDescription.Host host = rack.host(hostName);
        final FabricSettings settings = FabricConfiguration.settings(config);
        final PortOptions options = PortConfiguration.options(config);
        final HostConfiguration.Limits limits = HostConfiguration.limits(config);
        FramePort port = null;
        LockedMemory memory = null;
        FrameEndpoint tap = FrameEndpoint.NONE;
        try
        {
            port = RackPorts.host(rack, hostName, options);
            memory = FabricNodes.allocateRegion(host, settings, report);
            tap = openTaps(rack, List.of(host), config, report).getOrDefault(hostName, FrameEndpoint.NONE);
            final HostAgent agent = FabricNodes.host(rack, hostName, settings, limits, port, memory,
                System.nanoTime(), tap);
            return new FabricProcess(rack, config, settings, null, null, Map.of(hostName, agent), List.of(port),
                memory == null ? List.of() : List.of(memory), "AF_PACKET port " + host.interfaceName() +
                (host.namespace() != null && rack.kind() == RackDescription.Kind.LOCAL ? "@" + host.namespace() : ""));
        }
        catch (final RuntimeException ex)
        {
            tap.close();
            if (port != null)
            {
                port.close();
            }
            if (memory != null)
            {
                memory.close();
            }
            throw ex;
        }
    }

    /**
     * Starts the agents in the configured threading mode (INVOKER: the caller runs them through {@link #runtime()}).
     *
     * @param report receives pinning reports, warnings and agent errors.
     */
    public AgentRuntime start(final Consumer<String> report)
    {
        if (runtime != null)
        {
            throw new IllegalStateException("already started");
        }
        final List<AgentRuntime.Role> roles = new ArrayList<>();
        if (switchAgent != null)
        {
            roles.add(new AgentRuntime.Role(switchAgent, config.get(SwitchConfiguration.IDLE),
                config.get(SwitchConfiguration.CPU)));
        }
        for (final Agent host : hosts.values())
        {
            roles.add(new AgentRuntime.Role(host, config.get(HostConfiguration.IDLE), config.get(HostConfiguration.CPU)));
        }
        runtime = AgentRuntime.start(RuntimeConfiguration.threading(config), roles, report);
        return runtime;
    }

    /** The running agents' runtime (after {@link #start}). */
    public AgentRuntime runtime()
    {
        if (runtime == null)
        {
            throw new IllegalStateException("not started");
        }
        return runtime;
    }

    public RackDescription rack()
    {
        return rack;
    }

    public FabricSettings settings()
    {
        return settings;
    }

    /** The whole-rack fabric, or null when this process runs only part of the rack. */
    public LocalFabric fabric()
    {
        return fabric;
    }

    /** The switch agent, or null when this process runs none. */
    public SwitchAgent switchAgent()
    {
        return switchAgent;
    }

    /** The host agents this process runs, by host name, in rack order. */
    public Map<String, HostAgent> hosts()
    {
        return Collections.unmodifiableMap(hosts);
    }

    /** What the ports are: "in-memory cables", "AF_PACKET port edm0@edm-r0-h1", ... */
    public String transport()
    {
        return transport;
    }

    /** Stops the agents, then closes the ports and frees the memory. */
    public void close()
    {
        if (runtime != null)
        {
            runtime.close();
        }
        if (fabric != null)
        {
            fabric.close();
        }
        else
        {
            for (final HostAgent host : hosts.values())
            {
                host.onClose();
            }
        }
        ports.forEach(FramePort::close);
        memories.forEach(LockedMemory::close);
    }

    /**
     * Each host's TAP endpoint when {@code edm.host.tap} is set (none otherwise): in the host's namespace on a local
     * rack, in this process's own on a lab rack. Opened now; the host agents close them, or this method on failure.
     */
    private static Map<String, FrameEndpoint> openTaps(
        final RackDescription rack,
        final List<RackDescription.Host> hosts,
        final Configuration config,
        final Consumer<String> report)
    {
        final String name = config.get(HostConfiguration.TAP);
        final Map<String, FrameEndpoint> taps = new LinkedHashMap<>();
        if (name.isEmpty())
        {
            return taps;
        }
        final String subnetText = config.get(HostConfiguration.TAP_SUBNET);
        final TapSubnet subnet = subnetText.equals("none") ? null : TapSubnet.parse(subnetText);
        final int mtu = PortConfiguration.options(config).mtu();
        try
        {
            for (final RackDescription.Host host : hosts)
            {
                final String namespace = rack.kind() == RackDescription.Kind.LOCAL ? host.namespace() : null;
                taps.put(host.name(), KernelTap.open(namespace, name, subnet, host.nodeId(), mtu,
                    line -> report.accept(host.name() + ": " + line)));
            }
        }
        catch (final RuntimeException ex)
        {
            taps.values().forEach(FrameEndpoint::close);
            throw ex;
        }
        return taps;
    }

    private static String portNames(final RackDescription rack)
    {
        final StringBuilder names = new StringBuilder();
        for (final RackDescription.SwitchPort port : rack.fabric().ports())
        {
            names.append(names.isEmpty() ? "" : ",").append(port.interfaceName());
        }
        return names + (rack.kind() == RackDescription.Kind.LOCAL && rack.fabric().namespace() != null ?
            "@" + rack.fabric().namespace() : "");
    }
}
