package org.edm.host;

/** Receives the end of a remote-memory request. */
@FunctionalInterface
public interface CompletionHandler
{
    /**
     * @param requestId the id {@link RemoteMemory} returned when the request was submitted.
     * @param status    a {@link org.edm.phy.mem.CompletionStatus} code: SUCCESS, BAD_KEY, OUT_OF_BOUNDS,
     *                  BAD_LENGTH, UNKNOWN_NODE, TIMEOUT, ...
     */
    void onComplete(long requestId, int status);
}
