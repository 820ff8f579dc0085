package org.edm.phy.sw;

import org.edm.phy.mem.Framing;
import org.edm.phy.sched.SchedulerConfig;

import java.util.Arrays;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * Settings of a switch engine.
 *
 * @param framing          the fabric's framing.
 * @param scheduler        the central scheduler's settings (its port count is the switch's; with the wire framing a
 *                         chunk of at least 2 blocks, a message's header and tag block).
 * @param egressMode       FIFO (reference, netsim framing) or LANES (wire framing).
 * @param egressOrder      for LANES: memory classes in the order a port serves them.
 * @param nodeOfPort       the node id attached to each port.
 * @param maxPausedPerLink interrupted messages an ingress remembers (wire framing).
 */
public record SwitchConfig(
    Framing framing,
    SchedulerConfig scheduler,
    EgressMode egressMode,
    int[] egressOrder,
    int[] nodeOfPort,
    int maxPausedPerLink)
{
    /** Responses, then acknowledgements, released read requests and write data, then grants (edm-protocol §3.3). */
    public static final int[] DEFAULT_ORDER = { CLASS_RRESP, CLASS_ACK, CLASS_RREQ, CLASS_WREQ, CLASS_GRANT };

    public SwitchConfig
    {
        if (framing == null || scheduler == null || egressMode == null || nodeOfPort == null || egressOrder == null)
        {
            throw new IllegalArgumentException("framing, scheduler, egressMode, egressOrder and nodeOfPort must be set");
        }
        if (nodeOfPort.length != scheduler.ports())
        {
            throw new IllegalArgumentException(
                "nodeOfPort has " + nodeOfPort.length + " entries for " + scheduler.ports() + " ports");
        }
        if (egressMode == EgressMode.FIFO && framing.resumeBlocks() > 0)
        {
            throw new IllegalArgumentException("egressMode=FIFO interleaves messages per block and needs a framing " +
                "whose blocks name their message (netsim); framing " + framing.name() + " needs LANES");
        }
        if (framing.resumeBlocks() > 0 && scheduler.chunkBlocks() < 2)
        {
            // the header block does not name its message: the switch holds it until the tag block comes and forwards
            // both, and the host sends the tag right after the header, so a grant must cover the two
            throw new IllegalArgumentException("chunkBlocks=" + scheduler.chunkBlocks() + " is too small for the " +
                framing.name() + " framing: a grant must cover a message's header and tag block (2 blocks)");
        }
        final int[] sorted = egressOrder.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, new int[] { CLASS_RREQ, CLASS_RRESP, CLASS_WREQ, CLASS_GRANT, CLASS_ACK }))
        {
            throw new IllegalArgumentException("egressOrder must name RRESP, ACK, RREQ, WREQ and GRANT once each");
        }
        nodeOfPort = nodeOfPort.clone();
        for (final int node : nodeOfPort)
        {
            if (node < 0 || node > framing.maxNode())
            {
                throw new IllegalArgumentException("node id " + node + " outside 0.." + framing.maxNode());
            }
        }
    }

    /** Ports 0..n-1 attached to nodes 0..n-1, with the egress mode the framing needs. */
    public static SwitchConfig identity(final Framing framing, final SchedulerConfig scheduler)
    {
        final int[] nodes = new int[scheduler.ports()];
        for (int i = 0; i < nodes.length; i++)
        {
            nodes[i] = i;
        }
        final EgressMode mode = framing.resumeBlocks() > 0 ? EgressMode.LANES : EgressMode.FIFO;
        return new SwitchConfig(framing, scheduler, mode, DEFAULT_ORDER, nodes, 256);
    }

    public int ports()
    {
        return scheduler.ports();
    }
}
