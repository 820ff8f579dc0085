package org.edm.bench.frames;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;

/**
 * The one broadcast frame each bench endpoint sends before anything else, so that the switch's L2 path has learnt
 * every endpoint's MAC before traffic starts (an unknown destination is flooded to every port, which would put
 * traffic on links that should carry none). Sent from the endpoint's first duty cycles, retried until the outlet
 * takes it.
 */
public final class Hello
{
    private final long source;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[BenchFrame.HEADER_LENGTH]);
    private boolean sent;

    public Hello(final long source)
    {
        this.source = source;
    }

    /** Sends the hello if it has not gone yet; returns 1 when it went now. */
    public int sendIfDue(final FrameEndpoint.Outlet outlet, final long nowNanos)
    {
        if (sent || outlet.room() == 0)
        {
            return 0;
        }
        BenchFrame.writeHeader(frame, 0, BenchFrame.BROADCAST, source, BenchFrame.HELLO, 0, 0, 0, nowNanos);
        if (outlet.offer(frame, 0, BenchFrame.HEADER_LENGTH) < 0)
        {
            return 0;
        }
        sent = true;
        return 1;
    }

    public boolean sent()
    {
        return sent;
    }
}
