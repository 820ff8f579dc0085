package org.edm.bench.roce.fabric;

import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.LocalFabric;

/**
 * Where a host sits on the RoCE baseline's network: the MAC its rack description gives it, an IPv4 address made from
 * its node id (10.0.0.0 + id + 1), and the numbering of its queue pairs.
 * <pre>
 *   local QPN of queue pair k (0..queuePairs-1) toward the peer of node id p:  FIRST_QPN + p * queuePairs + k
 * </pre>
 * QPNs are local to a host, so both ends of a connection compute each other's numbers without any exchange: the
 * client's queue pair k toward server s is s's queue pair k toward the client, with the node ids swapped.
 *
 * @param host   the host's name in the rack.
 * @param nodeId its node id.
 * @param mac    its MAC address as a 48-bit number.
 * @param ip     its IPv4 address as the big-endian 32-bit number.
 */
public record RoceAddress(String host, int nodeId, long mac, int ip)
{
    private static final int NET_10 = 0x0A00_0000;

    /** The address of {@code host} of {@code rack}. */
    public static RoceAddress of(final RackDescription rack, final String host)
    {
        final RackDescription.Host entry = rack.host(host);
        if (entry.nodeId() < 0 || entry.nodeId() >= 0xFF_FFFE)
        {
            throw new IllegalArgumentException("host '" + host + "' has node id " + entry.nodeId() +
                ", outside what 10.0.0.0/8 addresses (0..16777213)");
        }
        return new RoceAddress(host, entry.nodeId(), LocalFabric.mac(entry.mac()), NET_10 | (entry.nodeId() + 1));
    }

    /** The local QPN of queue pair {@code index} toward the peer of node id {@code peerNodeId}. */
    public static int qpn(final int peerNodeId, final int index, final int queuePairs)
    {
        final long qpn = RoceBaselineOptions.FIRST_QPN + (long)peerNodeId * queuePairs + index;
        if (qpn > 0xFF_FFFF)
        {
            throw new IllegalArgumentException("node id " + peerNodeId + " x " + queuePairs +
                " queue pairs leaves the 24-bit QPN space");
        }
        return (int)qpn;
    }
}
