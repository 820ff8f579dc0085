package org.edm.agent;

import org.agrona.DirectBuffer;

/**
 * Where a host agent's ordinary (non-memory) frames come from and go to: the host kernel through a TAP device, a
 * software RoCE transport, a test. Frames travel on the same emulated PHY as memory traffic, below it in priority, so
 * memory blocks preempt them at block granularity. Called on the agent's thread: implementations must not block,
 * allocate or throw in steady state.
 */
public interface FrameEndpoint
{
    /** Accepts frames to send; {@link #offer} returns a negative code when there is no room now. */
    interface Outlet
    {
        /** Queues one frame (destination MAC through payload, no FCS); >= 0 when queued, negative when not. */
        int offer(DirectBuffer buffer, int offset, int length);

        /** Frames that can be queued now. */
        int room();
    }

    /** A frame the fabric delivered to this host, whole (destination MAC through payload, no FCS). */
    void onFrame(DirectBuffer buffer, int offset, int length, long nowNanos);

    /**
     * Offers the frames it has to send, as many as the outlet takes, and runs its timers.
     *
     * @return work done (frames offered, timers fired), for the duty cycle's idle decision.
     */
    int doWork(Outlet outlet, long nowNanos);

    /** Releases what it holds (devices, buffers); called once when the agent closes. */
    default void close()
    {
    }

    /** No frames at all: the agent carries memory traffic only. */
    FrameEndpoint NONE = new FrameEndpoint()
    {
        public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
        {
        }

        public int doWork(final Outlet outlet, final long nowNanos)
        {
            return 0;
        }
    };
}
