package org.edm.phy.host;

/** Receives the end of every request a host submitted, exactly once per request. */
@FunctionalInterface
public interface CompletionListener
{
    /**
     * @param requestId   the caller's id given at submission.
     * @param status      a {@link org.edm.phy.mem.CompletionStatus} code.
     * @param submitSlot  slot the request was submitted in.
     * @param completeSlot slot its completion arrived in.
     */
    void onComplete(long requestId, int status, long submitSlot, long completeSlot);
}
