package org.edm.phy.sw;

/** How a switch port orders the memory blocks waiting to leave it. */
public enum EgressMode
{
    /**
     * One FIFO per port for every memory block (grants, released requests, acknowledgements and circuit data), in the
     * order they reached the egress: the reference simulator's model, and the only order in which its timelines hold.
     * Needs a framing whose blocks name their message (netsim), because messages of one class interleave per block.
     */
    FIFO,
    /**
     * Per port: a FIFO for grants and acknowledgements, one for released read requests, and one lane per message for
     * read-response and write data. A message keeps the link until it runs out of queued blocks; then the oldest
     * waiting message goes, announcing a resume if it had started before (wire framing, edm-protocol §8 A15). Classes
     * are served in a configurable order, by default responses, then requests and acknowledgements, then write data,
     * then grants (§3.3).
     */
    LANES
}
