package org.edm.phy.sched;

/** Receives the grants of a scheduling slot, in the order they were decided. */
@FunctionalInterface
public interface GrantListener
{
    /**
     * @param entry         the demand entry (see {@link CentralScheduler} accessors for its requester, tag, kind).
     * @param sender        port that may now send {@code quotaBlocks} blocks of the message.
     * @param receiver      port the circuit leads to.
     * @param quotaBlocks   blocks granted (at most one chunk).
     * @param firstGrant    whether this is the message's first grant: for a read response, the moment to release the
     *                      held RREQ toward the memory node, just before the GRANT.
     */
    void onGrant(int entry, int sender, int receiver, int quotaBlocks, boolean firstGrant);
}
