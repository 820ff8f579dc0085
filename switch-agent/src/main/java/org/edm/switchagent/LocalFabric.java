package org.edm.switchagent;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.edm.host.HostAgent;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.LockedMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackPorts;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.edm.phy.sw.SwitchConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A whole rack's agents in one process: the switch agent and a host agent per host of a rack description, over
 * in-memory cables or over the rack's real interfaces (AF_PACKET, in its namespaces for a local rack). Used by tests,
 * by {@code edm rack run}, and by tools that embed the fabric ({@link FabricProcess#wholeRack}, which runs the agents in
 * an {@link org.edm.agent.AgentRuntime}). Tests may also run every agent's duty cycle with {@link #runOnce()}.
 */
public final class LocalFabric implements AutoCloseable
{
    private final RackDescription rack;
    private final FabricSettings settings;
    private final SwitchAgent switchAgent;
    private final Map<String, HostAgent> hosts = new LinkedHashMap<>();
    private final List<FramePort> ports = new ArrayList<>();
    private final List<LockedMemory> memories = new ArrayList<>();
    private final Map<String, LockedMemory> regions = new LinkedHashMap<>();
    private final Agent[] agents;

    private LocalFabric(
        final RackDescription rack,
        final FabricSettings settings,
        final FabricOptions options,
        final Map<String, FramePort> hostPorts,
        final Map<String, FramePort> switchPorts,
        final Consumer<String> report)
    {
        this.rack = rack;
        this.settings = settings;
        final long epoch = System.nanoTime();
        ports.addAll(switchPorts.values());
        ports.addAll(hostPorts.values());
        final SwitchAgent builtSwitch;
        try
        {
            for (final RackDescription.Host host : rack.hosts())
            {
                final LockedMemory memory = FabricNodes.allocateRegion(host, settings, report);
                if (memory != null)
                {
                    memories.add(memory);
                    regions.put(host.name(), memory);
                }
                final FramePort port = options.hostPorts().apply(host.name(), hostPorts.get(host.name()));
                hosts.put(host.name(), FabricNodes.host(rack, host.name(), settings, options.limits().host(),
                    port, memory, epoch, options.endpoints().apply(host.name())));
            }
            builtSwitch = FabricNodes.switchAgent(
                rack, settings, options.limits().switchMaxSlotsPerCycle(), options.limits().switchL2QueueFrames(),
                switchPorts, epoch);
        }
        catch (final RuntimeException ex)
        {
            memories.forEach(LockedMemory::close);
            throw ex;
        }
        switchAgent = builtSwitch;
        agents = new Agent[hosts.size() + 1];
        agents[0] = switchAgent;
        int i = 1;
        for (final HostAgent host : hosts.values())
        {
            agents[i++] = host;
        }
    }

    /** The fabric of {@code rack} over in-memory cables (no privileges needed), with default options. */
    public static LocalFabric inMemory(
        final RackDescription rack, final FabricSettings settings, final Consumer<String> report)
    {
        return inMemory(rack, settings, FabricOptions.defaults(), report);
    }

    /** The fabric of {@code rack} over in-memory cables (no privileges needed). */
    public static LocalFabric inMemory(
        final RackDescription rack,
        final FabricSettings settings,
        final FabricOptions options,
        final Consumer<String> report)
    {
        final RackPorts.InMemory cables = RackPorts.inMemory(rack, options.ports());
        try
        {
            return new LocalFabric(rack, settings, options, cables.hosts(), cables.switchPorts(), report);
        }
        catch (final RuntimeException ex)
        {
            cables.close();
            throw ex;
        }
    }

    /** The fabric of {@code rack} over its interfaces, with default options. */
    public static LocalFabric packet(
        final RackDescription rack, final FabricSettings settings, final Consumer<String> report)
    {
        return packet(rack, settings, FabricOptions.defaults(), report);
    }

    /** The fabric of {@code rack} over its interfaces (AF_PACKET; root or CAP_NET_RAW, and the rack must be up). */
    public static LocalFabric packet(
        final RackDescription rack,
        final FabricSettings settings,
        final FabricOptions options,
        final Consumer<String> report)
    {
        final Map<String, FramePort> hostPorts = new LinkedHashMap<>();
        final Map<String, FramePort> switchPorts = new LinkedHashMap<>();
        try
        {
            for (final RackDescription.Host host : rack.hosts())
            {
                hostPorts.put(host.name(), RackPorts.host(rack, host.name(), options.ports().copy()));
                switchPorts.put(host.name(), RackPorts.switchPort(rack, host.name(), options.ports().copy()));
            }
            return new LocalFabric(rack, settings, options, hostPorts, switchPorts, report);
        }
        catch (final RuntimeException ex)
        {
            hostPorts.values().forEach(FramePort::close);
            switchPorts.values().forEach(FramePort::close);
            throw ex;
        }
    }

    /** The switch configuration the settings describe, in blocks of the framing. */
    public static SwitchConfig switchConfig(final FabricSettings settings, final int[] nodeOfPort)
    {
        final int perBlock = settings.framing().dataBytesPerBlock();
        final SchedulerConfig scheduler = new SchedulerConfig(nodeOfPort.length, settings.chunkBytes() / perBlock,
            settings.releaseBytes() / perBlock, settings.maxChunksPerMessage(), settings.matcher(), 4, 0, 1024)
            .withStarvationSlots(starvationSlots(settings));
        final EgressMode mode = settings.framing().resumeBlocks() > 0 ? EgressMode.LANES : EgressMode.FIFO;
        return new SwitchConfig(settings.framing(), scheduler, mode, SwitchConfig.defaultOrder(), nodeOfPort, 256);
    }

    /**
     * The agents' starvation guard: demand that waited 2 ms (or a tenth of the request timeout, if shorter) goes ahead
     * of shorter messages. A closed-loop workload of mixed sizes otherwise keeps the largest request waiting forever
     * under pure shortest-remaining-first, until it times out.
     */
    static long starvationSlots(final FabricSettings settings)
    {
        final double micros = Math.min(2_000, settings.timeoutMicros() / 10.0);
        return Math.max(1, (long)(micros * 1000 * settings.lineRateGbps() / 64));
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

    /**
     * The memory a host serves, or null when it serves none. For fault injection and inspection: the host agent reads
     * and writes it on its own thread.
     */
    public MutableDirectBuffer region(final String name)
    {
        host(name);
        final LockedMemory memory = regions.get(name);
        return memory == null ? null : memory.buffer();
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
