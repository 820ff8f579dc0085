package org.edm.bench.frames;

import org.agrona.DirectBuffer;
import org.edm.agent.FrameEndpoint;

import java.util.ArrayList;
import java.util.List;

/**
 * Several frame endpoints on one host (a baseline's responder and a background-frame sink): every received frame goes
 * to each (each keeps the frames it understands), and each gets the outlet in turn.
 */
public final class CompositeFrameEndpoint implements FrameEndpoint
{
    private final FrameEndpoint[] parts;

    private CompositeFrameEndpoint(final FrameEndpoint[] parts)
    {
        this.parts = parts;
    }

    /** One endpoint for {@code endpoints}, leaving out {@link FrameEndpoint#NONE}; NONE when none is left. */
    public static FrameEndpoint of(final FrameEndpoint... endpoints)
    {
        final List<FrameEndpoint> parts = new ArrayList<>();
        for (final FrameEndpoint endpoint : endpoints)
        {
            if (endpoint != null && endpoint != FrameEndpoint.NONE)
            {
                parts.add(endpoint);
            }
        }
        if (parts.isEmpty())
        {
            return FrameEndpoint.NONE;
        }
        return parts.size() == 1 ? parts.getFirst() : new CompositeFrameEndpoint(parts.toArray(new FrameEndpoint[0]));
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        for (final FrameEndpoint part : parts)
        {
            part.onFrame(buffer, offset, length, nowNanos);
        }
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = 0;
        for (final FrameEndpoint part : parts)
        {
            work += part.doWork(outlet, nowNanos);
        }
        return work;
    }

    public void close()
    {
        for (final FrameEndpoint part : parts)
        {
            part.close();
        }
    }
}
