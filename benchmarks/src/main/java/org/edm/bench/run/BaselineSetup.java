package org.edm.bench.run;

import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricSettings;

/**
 * What a baseline is told before the fabric is built: the rack, who does what, the protocol settings, and how the
 * fabric will run.
 *
 * @param rack      the rack (as the bench runs it).
 * @param roles     clients, memory node, writers, frame host.
 * @param settings  the fabric's settings (line rate, region, timeout...).
 * @param wholeRack every agent runs in this process (false: one compute host of a lab rack).
 * @param inMemory  in-memory cables (false: AF_PACKET ports).
 * @param mtu       the ports' MTU: the longest ordinary frame (no FCS) a host can send.
 * @param depth     the most operations one client transport will have in flight.
 * @param maxBytes  the largest operation a client transport will be given.
 */
public record BaselineSetup(
    RackDescription rack, HostRoles roles, FabricSettings settings, boolean wholeRack, boolean inMemory, int mtu,
    int depth, int maxBytes)
{
    /** Clients of up to 64 operations in flight of up to 64 KiB (tests). */
    public BaselineSetup(
        final RackDescription rack, final HostRoles roles, final FabricSettings settings, final boolean wholeRack,
        final boolean inMemory, final int mtu)
    {
        this(rack, roles, settings, wholeRack, inMemory, mtu, 64, 64 << 10);
    }

    /** The MAC of {@code host} as a 48-bit number. */
    public long mac(final String host)
    {
        return org.edm.switchagent.LocalFabric.mac(rack.host(host).mac());
    }

    /** The node id of {@code host}. */
    public int nodeId(final String host)
    {
        return rack.host(host).nodeId();
    }
}
