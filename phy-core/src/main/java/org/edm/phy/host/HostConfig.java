package org.edm.phy.host;

import org.edm.phy.mem.Framing;

import java.util.function.IntPredicate;

/**
 * Settings of one host engine.
 *
 * @param nodeId              this host's node id on the fabric.
 * @param framing             the fabric's framing (same on every node and the switch).
 * @param order               the order of memory blocks on the link.
 * @param maxOutstanding      requests this host may have outstanding as a requester (a power of two, at most the
 *                            framing's tag space).
 * @param maxOutbound         messages it may have queued for sending (its requests, responses and ACKs).
 * @param requestTimeoutSlots slots after which a request with no completion ends with TIMEOUT (0: never; a lossless
 *                            simulated fabric needs none).
 * @param maxPausedPerLink    interrupted messages the receiver remembers (wire framing).
 * @param knownNodes          which node ids exist; a request to another one ends at once with UNKNOWN_NODE.
 * @param acknowledgeWrites   whether memory nodes acknowledge successful writes with an ACK and requesters complete
 *                            writes on it (true, this project's protocol); false reproduces the reference simulator,
 *                            which has no write acknowledgement: the requester completes a write when its last block
 *                            leaves (errors are still acknowledged).
 */
public record HostConfig(
    int nodeId,
    Framing framing,
    HostOrder order,
    int maxOutstanding,
    int maxOutbound,
    long requestTimeoutSlots,
    int maxPausedPerLink,
    IntPredicate knownNodes,
    boolean acknowledgeWrites)
{
    public HostConfig
    {
        if (framing == null || order == null || knownNodes == null)
        {
            throw new IllegalArgumentException("framing, order and knownNodes must be set");
        }
        if (nodeId < 0 || nodeId > framing.maxNode())
        {
            throw new IllegalArgumentException("nodeId=" + nodeId + " outside 0.." + framing.maxNode());
        }
        if (maxOutbound < 4)
        {
            throw new IllegalArgumentException("maxOutbound=" + maxOutbound + " must be >= 4");
        }
        if (requestTimeoutSlots < 0)
        {
            throw new IllegalArgumentException("requestTimeoutSlots=" + requestTimeoutSlots + " must be >= 0");
        }
    }

    /** Defaults for {@code nodeId}: 4096 outstanding requests (at most the tag space), 8192 queued messages. */
    public static HostConfig defaults(final int nodeId, final Framing framing)
    {
        final int outstanding = Math.min(4096, Integer.highestOneBit(framing.maxTag() + 1));
        return new HostConfig(
            nodeId, framing, HostOrder.NETSIM, outstanding, 2 * outstanding, 0, 256, node -> true, true);
    }

    public HostConfig withOrder(final HostOrder hostOrder)
    {
        return new HostConfig(nodeId, framing, hostOrder, maxOutstanding, maxOutbound, requestTimeoutSlots,
            maxPausedPerLink, knownNodes, acknowledgeWrites);
    }

    public HostConfig withTimeout(final long slots)
    {
        return new HostConfig(nodeId, framing, order, maxOutstanding, maxOutbound, slots, maxPausedPerLink, knownNodes, acknowledgeWrites);
    }

    public HostConfig withKnownNodes(final IntPredicate nodes)
    {
        return new HostConfig(nodeId, framing, order, maxOutstanding, maxOutbound, requestTimeoutSlots,
            maxPausedPerLink, nodes, acknowledgeWrites);
    }

    public HostConfig withCapacity(final int outstanding, final int outbound)
    {
        return new HostConfig(nodeId, framing, order, outstanding, outbound, requestTimeoutSlots, maxPausedPerLink,
            knownNodes, acknowledgeWrites);
    }

    public HostConfig withWriteAcknowledgement(final boolean acknowledge)
    {
        return new HostConfig(nodeId, framing, order, maxOutstanding, maxOutbound, requestTimeoutSlots,
            maxPausedPerLink, knownNodes, acknowledge);
    }
}
