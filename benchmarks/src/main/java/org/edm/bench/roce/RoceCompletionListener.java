package org.edm.bench.roce;

/** Receives the end of every request a queue pair accepted, exactly once per request, in submission order. */
@FunctionalInterface
public interface RoceCompletionListener
{
    /**
     * @param requestId    the caller's id given at submission.
     * @param status       a {@link RoceStatus} completion code.
     * @param submitNanos  the time given at submission.
     * @param completeNanos the time given to the call that completed it.
     */
    void onComplete(long requestId, int status, long submitNanos, long completeNanos);
}
