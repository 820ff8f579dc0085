package org.edm.switchagent;

import org.agrona.concurrent.Agent;
import org.edm.agent.CarrierLink;
import org.edm.host.HostAgent;
import org.edm.host.HostAgentSettings;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.LockedMemory;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackPorts;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.edm.phy.sw.SwitchConfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * A whole rack's agents in one process: the switch agent and a host agent per host of a rack description, over
 * in-memory cables or over the rack's real interfaces (AF_PACKET, in its namespaces for a local rack). Used by tests,
 * by {@code edm rack run}, and by tools that embed the fabric. The caller runs the agents: in one thread
 * ({@link #agents()} in a composite, or {@link #runOnce()} in INVOKER style) since this machine has 2 cores.
 */
public final class LocalFabric implements AutoCloseable
{
    private final RackDescription rack;
    private final FabricSettings settings;
    private final SwitchAgent switchAgent;
    private final Map<String, HostAgent> hosts = new LinkedHashMap<>();
    private final List<FramePort> ports = new ArrayList<>();
    private final List<LockedMemory> memories = new ArrayList<>();
    private final Agent[] agents;

    private LocalFabric(
        final RackDescription rack,
        final FabricSettings settings,
        final Map<String, FramePort> hostPorts,
        final Map<String, FramePort> switchPorts,
        final Consumer<String> report)
    {
        this.rack = rack;
        this.settings = settings;
        final long epoch = System.nanoTime();
        final List<RackDescription.Host> rackHosts = rack.hosts();
        final int[] nodeOfPort = new int[rackHosts.size()];
        final CarrierLink[] switchLinks = new CarrierLink[rackHosts.size()];
        final Map<Integer, Boolean> nodes = new HashMap<>();
        for (final RackDescription.Host host : rackHosts)
        {
            nodes.put(host.nodeId(), Boolean.TRUE);
        }
        final IntPredicate known = nodes::containsKey;
        for (int p = 0; p < rackHosts.size(); p++)
        {
            final RackDescription.Host host = rackHosts.get(p);
            final RackDescription.SwitchPort switchPort = rack.switchPortOf(host.name());
            nodeOfPort[p] = host.nodeId();
            final FramePort toHost = switchPorts.get(host.name());
            final FramePort toSwitch = hostPorts.get(host.name());
            ports.add(toHost);
            ports.add(toSwitch);
            switchLinks[p] = new CarrierLink(toHost, mac(host.mac()), mac(switchPort.mac()));
            final MemoryRegions regions = new MemoryRegions(settings.framing().maxLength());
            if (host.role() != RackDescription.Role.COMPUTE && settings.regionBytes() > 0)
            {
                final LockedMemory memory = LockedMemory.allocate(settings.regionBytes(), settings.hugePages(), false,
                    line -> report.accept(host.name() + ": " + line));
                memories.add(memory);
                regions.register(settings.regionKey(), memory.buffer(), settings.regionBytes());
            }
            final HostAgentSettings hostSettings = new HostAgentSettings(host.nodeId(), settings.framing(),
                settings.hostOrder(), settings.lineRateGbps(), settings.timeoutMicros(), 4096, 4096,
                HostAgentSettings.DEFAULT_MAX_REQUEST_BYTES);
            hosts.put(host.name(), new HostAgent(hostSettings, new CarrierLink(toSwitch, mac(switchPort.mac()),
                mac(host.mac())), regions, known, epoch));
        }
        switchAgent = new SwitchAgent(switchConfig(settings, nodeOfPort), switchLinks, settings.lineRateGbps(), 4096,
            epoch, 2 * settings.timeoutMicros());
        agents = new Agent[hosts.size() + 1];
        agents[0] = switchAgent;
        int i = 1;
        for (final HostAgent host : hosts.values())
        {
            agents[i++] = host;
        }
    }

    /** The fabric of {@code rack} over in-memory cables (no privileges needed). */
    public static LocalFabric inMemory(
        final RackDescription rack, final FabricSettings settings, final Consumer<String> report)
    {
        return inMemory(rack, settings, report, (host, port) -> port);
    }

    /**
     * As {@link #inMemory(RackDescription, FabricSettings, Consumer)}, with every host's end of its cable passed
     * through {@code hostPorts} first: the hook for fault injection (for example a lossy port on one host).
     */
    public static LocalFabric inMemory(
        final RackDescription rack,
        final FabricSettings settings,
        final Consumer<String> report,
        final java.util.function.BiFunction<String, FramePort, FramePort> hostPorts)
    {
        final RackPorts.InMemory cables = RackPorts.inMemory(rack, new PortOptions());
        final Map<String, FramePort> wrapped = new LinkedHashMap<>();
        cables.hosts().forEach((name, port) -> wrapped.put(name, hostPorts.apply(name, port)));
        return new LocalFabric(rack, settings, wrapped, cables.switchPorts(), report);
    }

    /** The fabric of {@code rack} over its interfaces (AF_PACKET; root or CAP_NET_RAW, and the rack must be up). */
    public static LocalFabric packet(
        final RackDescription rack, final FabricSettings settings, final Consumer<String> report)
    {
        final Map<String, FramePort> hostPorts = new LinkedHashMap<>();
        final Map<String, FramePort> switchPorts = new LinkedHashMap<>();
        try
        {
            for (final RackDescription.Host host : rack.hosts())
            {
                hostPorts.put(host.name(), RackPorts.host(rack, host.name(), new PortOptions()));
                switchPorts.put(host.name(), RackPorts.switchPort(rack, host.name(), new PortOptions()));
            }
        }
        catch (final RuntimeException ex)
        {
            hostPorts.values().forEach(FramePort::close);
            switchPorts.values().forEach(FramePort::close);
            throw ex;
        }
        return new LocalFabric(rack, settings, hostPorts, switchPorts, report);
    }

    /** The switch configuration the settings describe, in blocks of the framing. */
    public static SwitchConfig switchConfig(final FabricSettings settings, final int[] nodeOfPort)
    {
        final int perBlock = settings.framing().dataBytesPerBlock();
        final SchedulerConfig scheduler = new SchedulerConfig(nodeOfPort.length, settings.chunkBytes() / perBlock,
            settings.releaseBytes() / perBlock, settings.maxChunksPerMessage(), settings.matcher(), 4, 0, 1024);
        final EgressMode mode = settings.framing().resumeBlocks() > 0 ? EgressMode.LANES : EgressMode.FIFO;
        return new SwitchConfig(settings.framing(), scheduler, mode, SwitchConfig.DEFAULT_ORDER, nodeOfPort, 256);
    }

    /** Runs every agent's duty cycle once; returns the summed work count. */
    public int runOnce()
    {
        int work = 0;
        for (final Agent agent : agents)
        {
            try
            {
                work += agent.doWork();
            }
            catch (final Exception ex)
            {
                throw new IllegalStateException(agent.roleName() + " failed", ex);
            }
        }
        return work;
    }

    /** The switch agent first, then the host agents in rack order. */
    public Agent[] agents()
    {
        return agents.clone();
    }

    public SwitchAgent switchAgent()
    {
        return switchAgent;
    }

    public HostAgent host(final String name)
    {
        final HostAgent host = hosts.get(name);
        if (host == null)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "' has no host '" + name + "'");
        }
        return host;
    }

    public Map<String, HostAgent> hosts()
    {
        return java.util.Collections.unmodifiableMap(hosts);
    }

    public RackDescription rack()
    {
        return rack;
    }

    public FabricSettings settings()
    {
        return settings;
    }

    public void close()
    {
        for (final Agent agent : agents)
        {
            agent.onClose();
        }
        ports.forEach(FramePort::close);
        memories.forEach(LockedMemory::close);
    }

    /** A MAC written aa:bb:cc:dd:ee:ff as a 48-bit number (first byte most significant). */
    public static long mac(final String text)
    {
        long value = 0;
        for (final String part : text.split(":"))
        {
            value = (value << 8) | Integer.parseInt(part, 16);
        }
        return value;
    }
}
