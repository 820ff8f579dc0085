package org.edm.sim;

/**
 * What a rack model reports about requests, by the driver's request id (the flow index). Called on the simulation's
 * hot path: implementations must not allocate.
 */
public interface RackListener
{
    /** A request ended; {@code status} is a CompletionStatus code. */
    void completed(long requestId, int status, long submitSlot, long completeSlot);

    /** The write's NOTIF left its host. */
    default void notified(final long requestId, final long slot)
    {
    }

    /** The write's first GRANT reached its host. */
    default void granted(final long requestId, final long slot)
    {
    }

    /** The request's first block left its host. */
    default void started(final long requestId, final long slot)
    {
    }

    /** The response to a read (requester, tag) got its first GRANT at the memory node. */
    default void responseGranted(final int requester, final int tag, final long slot)
    {
    }

    /** The read request (requester, tag) arrived whole at its memory node. */
    default void readRequestDelivered(final int requester, final int tag, final long slot)
    {
    }

    /** The response to a read (requester, tag) sent its first block. */
    default void responseStarted(final int requester, final int tag, final long slot)
    {
    }

    /** The last block of the write (requester, tag) reached its memory node. */
    default void writeDelivered(final int requester, final int tag, final long slot)
    {
    }

    /** The response to a read (requester, tag) sent its last block. */
    default void responseSent(final int requester, final int tag, final long slot)
    {
    }
}
