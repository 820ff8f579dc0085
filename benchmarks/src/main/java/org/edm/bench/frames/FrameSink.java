package org.edm.bench.frames;

import org.agrona.DirectBuffer;
import org.edm.agent.FrameEndpoint;

/**
 * Receives the background frames of {@code --load frames} on a host (the memory node, the first client) and tells an
 * observer each one's length and one-way latency. Announces itself with a hello; sends nothing else.
 */
public final class FrameSink implements FrameEndpoint
{
    private final FrameObserver observer;
    private final Hello hello;
    private long received;

    /** @param mac this host's MAC. */
    public FrameSink(final long mac, final FrameObserver observer)
    {
        this.observer = observer;
        this.hello = new Hello(mac);
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        if (BenchFrame.isBenchFrame(buffer, offset, length) && BenchFrame.kind(buffer, offset) == BenchFrame.FILL)
        {
            received++;
            observer.onFrame(length, nowNanos - BenchFrame.sentNanos(buffer, offset), nowNanos);
        }
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        return hello.sendIfDue(outlet, nowNanos);
    }

    /** Background frames received. */
    public long received()
    {
        return received;
    }
}
