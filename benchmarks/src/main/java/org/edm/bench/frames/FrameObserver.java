package org.edm.bench.frames;

/** Told about every background frame a {@link FrameSink} receives. Called on the agent's thread; must not allocate. */
@FunctionalInterface
public interface FrameObserver
{
    /**
     * @param length       the frame's length (no FCS).
     * @param latencyNanos from the sender's duty cycle to the receiver's.
     * @param nowNanos     when it was received.
     */
    void onFrame(int length, long latencyNanos, long nowNanos);
}
