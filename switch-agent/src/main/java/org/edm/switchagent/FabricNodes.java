package org.edm.switchagent;

import org.edm.agent.FrameEndpoint;
import org.edm.agent.CarrierLink;
import org.edm.host.HostAgent;
import org.edm.host.HostAgentSettings;
import org.edm.host.HostConfiguration;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.LockedMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.memory.MemoryRegions;

import java.util.BitSet;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Builds the agents of a rack description over ports the caller opened: a host agent for one host, the switch agent
 * for all switch ports. One recipe for every process shape: a whole rack in one process ({@link LocalFabric}), a
 * switch or memory-node daemon ({@code edm switch}, {@code edm host}), or a client tool's own compute host.
 */
public final class FabricNodes
{
    private FabricNodes()
    {
    }

    /**
     * The node ids of the rack, for the hosts' unknown-node check, which runs on every request: a bit set (node ids are
     * at most 20 bits), not a set of boxed integers.
     */
    public static IntPredicate nodesOf(final RackDescription rack)
    {
        final BitSet nodes = new BitSet();
        for (final RackDescription.Host host : rack.hosts())
        {
            nodes.set(host.nodeId());
        }
        return node -> node >= 0 && nodes.get(node);
    }

    /** True when the host serves memory (role memory or both). */
    public static boolean servesMemory(final RackDescription.Host host)
    {
        return host.role() != RackDescription.Role.COMPUTE;
    }

    /** True when the host issues requests (role compute or both). */
    public static boolean issuesRequests(final RackDescription.Host host)
    {
        return host.role() != RackDescription.Role.MEMORY;
    }

    /**
     * The region a memory node serves, when the settings give it one (null otherwise).
     *
     * @param report receives one line per fallback (no huge pages, ...), prefixed with the host's name.
     */
    public static LockedMemory allocateRegion(
        final RackDescription.Host host, final FabricSettings settings, final Consumer<String> report)
    {
        if (!servesMemory(host) || settings.regionBytes() <= 0)
        {
            return null;
        }
        return LockedMemory.allocate(settings.regionBytes(), settings.hugePages(), false,
            line -> report.accept(host.name() + ": " + line));
    }

    /** The settings of the host agent of node {@code nodeId}. */
    public static HostAgentSettings hostSettings(
        final FabricSettings settings, final HostConfiguration.Limits limits, final int nodeId)
    {
        return new HostAgentSettings(nodeId, settings.framing(), settings.hostOrder(), settings.lineRateGbps(),
            settings.timeoutMicros(), limits.maxOutstanding(), limits.maxSlotsPerCycle(), limits.maxRequestBytes());
    }

    /**
     * The host agent of {@code hostName} over {@code port} (its cable to the switch).
     *
     * @param region the memory it serves, or null for none.
     * @param frames where its ordinary frames come from and go to ({@link FrameEndpoint#NONE} for none).
     */
    public static HostAgent host(
        final RackDescription rack,
        final String hostName,
        final FabricSettings settings,
        final HostConfiguration.Limits limits,
        final FramePort port,
        final LockedMemory region,
        final long epochNanos,
        final FrameEndpoint frames)
    {
        final RackDescription.Host host = rack.host(hostName);
        final RackDescription.SwitchPort switchPort = rack.switchPortOf(hostName);
        final MemoryRegions regions = new MemoryRegions(settings.framing().maxLength());
        if (region != null)
        {
            regions.register(settings.regionKey(), region.buffer(), settings.regionBytes());
        }
        // no carrier hold on a host's uplink: the scheduler counts a sender's granted blocks as they reach the switch
        // and releases the receiver when they have passed, so data held here would idle the receiver's circuit
        final CarrierLink link = new CarrierLink(port, LocalFabric.mac(switchPort.mac()), LocalFabric.mac(host.mac()));
        return new HostAgent(hostSettings(settings, limits, host.nodeId()), link, regions, nodesOf(rack), epochNanos,
            frames);
    }

    /**
     * The switch agent over one port per host.
     *
     * @param l2QueueFrames ordinary frames each egress port queues before it drops.
     * @param portsByHost   the switch port cabled to each host, by host name.
     */
    public static SwitchAgent switchAgent(
        final RackDescription rack,
        final FabricSettings settings,
        final int maxSlotsPerCycle,
        final int l2QueueFrames,
        final Map<String, FramePort> portsByHost,
        final long epochNanos)
    {
        final int hosts = rack.hosts().size();
        final int[] nodeOfPort = new int[hosts];
        final CarrierLink[] links = new CarrierLink[hosts];
        for (int p = 0; p < hosts; p++)
        {
            final RackDescription.Host host = rack.hosts().get(p);
            final RackDescription.SwitchPort switchPort = rack.switchPortOf(host.name());
            nodeOfPort[p] = host.nodeId();
            final FramePort port = portsByHost.get(host.name());
            if (port == null)
            {
                throw new IllegalArgumentException("no switch port given for host '" + host.name() + "'");
            }
            links[p] = new CarrierLink(port, LocalFabric.mac(host.mac()), LocalFabric.mac(switchPort.mac()),
                settings.carrierHoldSlots());
        }
        return new SwitchAgent(LocalFabric.switchConfig(settings, nodeOfPort), links, settings.lineRateGbps(),
            maxSlotsPerCycle, epochNanos, 2 * settings.timeoutMicros(), l2QueueFrames);
    }
}
