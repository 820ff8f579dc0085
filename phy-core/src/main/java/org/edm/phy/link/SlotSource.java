package org.edm.phy.link;

import org.edm.phy.pcs.BlockSink;

/**
 * A source of blocks for one transmit direction, polled by {@link TxSlotArbiter} once per slot in priority order.
 * <p>
 * Contract: {@link #emit(long, BlockSink)} writes at most one block into the sink and says whether it did. A source
 * that declines must leave the sink untouched, so the arbiter can ask the next one. Slot numbers handed in never go
 * backwards; a source that is not asked in a slot (a higher-priority source took it) simply sees a later slot next
 * time, which is how the MAC frame source counts slots taken by memory blocks as inter-frame gap. Sources run on the
 * data path: no allocation, no exceptions.
 */
@FunctionalInterface
public interface SlotSource
{
    /** A source that never has anything to send. */
    SlotSource NONE = (slot, sink) -> false;

    /**
     * Offers this source the slot.
     *
     * @param slot the slot number being filled.
     * @param sink where the one block goes.
     * @return true when exactly one block was written to {@code sink}, false when nothing was.
     */
    boolean emit(long slot, BlockSink sink);
}
