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
    /**
     * Released read requests, then grants and acknowledgements, then the data of responses and writes. The control
     * blocks go first because the lanes keep a circuit's data queued back to back: with grants last (the link model of
     * edm-protocol §3.3, written for a host's transmitter), a port whose downlink carries a continuous stream of
     * granted writes never sends the grant a memory node needs to answer a read (measured: 64-byte reads took 2.1 ms
     * behind two bulk writers at 0.2 Gb/s, against 9 us unloaded). The reference's single FIFO never starves them
     * either. Control blocks cost little: at most one grant per chunk the sender drains, so data keeps nearly all of
     * the link. A released RREQ stays ahead of its grant, as the memory node needs it first (§4.1).
     */
    private static final int[] DEFAULT_ORDER = { CLASS_RREQ, CLASS_GRANT, CLASS_ACK, CLASS_RRESP, CLASS_WREQ };

    /** A copy of the default egress order (see above). */
    public static int[] defaultOrder()
    {
        return DEFAULT_ORDER.clone();
    }

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
        if (indexOf(egressOrder, CLASS_RREQ) > indexOf(egressOrder, CLASS_GRANT))
        {
            // a read's first grant would reach the memory node before the request it answers: an orphan grant
            throw new IllegalArgumentException("egressOrder must serve RREQ before GRANT (a released read request " +
                "leaves before its first grant)");
        }
        egressOrder = egressOrder.clone();
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
        return new SwitchConfig(framing, scheduler, mode, defaultOrder(), nodes, 256);
    }

    public int ports()
    {
        return scheduler.ports();
    }

    private static int indexOf(final int[] order, final int messageClass)
    {
        for (int i = 0; i < order.length; i++)
        {
            if (order[i] == messageClass)
            {
                return i;
            }
        }
        return -1;
    }
}
