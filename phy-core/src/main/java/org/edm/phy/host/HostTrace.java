package org.edm.phy.host;

/**
 * Optional observer of protocol moments a simulator scores (the reference's NotifTime, GrantTime and Start columns,
 * and the creation of a read response). All methods have empty defaults; the engine calls them on its data path, so
 * implementations must not allocate.
 */
public interface HostTrace
{
    /** The NOTIF of the write {@code requestId} went out. */
    default void notifSent(final long requestId, final long slot)
    {
    }

    /** The first GRANT of the write {@code requestId} arrived. */
    default void firstGrant(final long requestId, final long slot)
    {
    }

    /** The first block of request {@code requestId} went out. */
    default void firstBlockSent(final long requestId, final long slot)
    {
    }

    /** As a memory node: read request {@code tag} of {@code requester} arrived whole. */
    default void readRequestDelivered(final int requester, final int tag, final long slot)
    {
    }

    /** As a memory node: the first block of the response to read {@code tag} of {@code requester} went out. */
    default void responseStarted(final int requester, final int tag, final long slot)
    {
    }

    /** As a memory node: the first GRANT for the response to read {@code tag} of {@code requester} arrived. */
    default void responseGranted(final int requester, final int tag, final long slot)
    {
    }

    /**
     * The block just sent used the last of a write's or response's quota (the IRD baseline's oracle release).
     *
     * @param messageClass the message's class (WREQ or RRESP).
     */
    default void quotaSpent(final int messageClass, final int requester, final int tag, final long slot)
    {
    }

    /** As a memory node: the last block of write {@code tag} of {@code requester} arrived. */
    default void writeDelivered(final int requester, final int tag, final long slot)
    {
    }

    /** As a memory node: the last block of the response to read {@code tag} of {@code requester} went out. */
    default void responseSent(final int requester, final int tag, final long slot)
    {
    }
}
