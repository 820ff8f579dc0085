package org.edm.phy.sw;

/**
 * The memory blocks waiting to leave one switch port, and the choice of which one leaves in a slot. Implementations:
 * {@link FifoEgress} (the reference's single FIFO) and {@link LaneEgress} (per-message lanes, wire framing).
 */
interface EgressPort
{
    /** Queues a block that crossed the switch (a copy of record {@code at} of {@code from}). */
    void enqueue(BlockRecords from, int at);

    /** Queues a block the switch made: a GRANT, a released RREQ block or an ACK (see {@link BlockRecords}). */
    BlockRecords control(int messageClass);

    /**
     * Chooses the block for slot {@code slot}, among those whose ready slot has come.
     *
     * @return the record slot in {@link #chosen()}, or -1 when nothing may leave now. The caller reads it, then calls
     *         {@link #consume()}.
     */
    int choose(long slot);

    /**
     * Where a data block of message (class, requester, tag) that crosses the switch may be appended in place, to leave
     * at its ready slot at the earliest: for egress orders that do not interleave it with blocks the scheduler makes in
     * the same slot (lanes). The caller appends its record there, then calls {@link #joined()}: one write per block
     * instead of staging a record and copying it.
     *
     * @return the queue, or null when this egress needs blocks staged for a slot first (the reference FIFO).
     */
    BlockRecords directQueue(int messageClass, int requester, int tag);

    /** A record was appended to the queue {@link #directQueue} returned. */
    void joined();

    /** The records that hold the chosen block. */
    BlockRecords chosen();

    /** Removes the chosen block (after an announcement block, nothing is removed). */
    void consume();

    /** Sync and payload of the chosen block when it is a generated announcement rather than a queued record. */
    boolean announcing();

    int announcementSync();

    long announcementPayload();

    boolean isEmpty();

    /** Blocks waiting. */
    int size();

    /** Per-message lanes in use (0 for a FIFO egress). */
    default int activeLanes()
    {
        return 0;
    }
}
