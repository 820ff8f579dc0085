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
     * Chooses this slot's block.
     *
     * @return the record slot in {@link #chosen()}, or -1 when nothing waits. The caller reads it, then calls
     *         {@link #consume()}.
     */
    int choose();

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
}
