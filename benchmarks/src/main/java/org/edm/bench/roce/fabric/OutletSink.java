package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.bench.roce.RoceFrameSink;

/**
 * A {@link RoceFrameSink} over a host agent's frame outlet: the queue pair writes its frame into a scratch buffer and
 * the outlet copies it into the host's MAC queue (which pads it and adds the FCS). A claim is refused while the
 * endpoint's share of the MAC queue is used up ({@link #limit}), so the queue pair keeps its frame and nothing is lost
 * at this step.
 */
final class OutletSink implements RoceFrameSink
{
    private final UnsafeBuffer scratch;
    private FrameEndpoint.Outlet outlet;
    private int limit;
    private long rejected;

    OutletSink(final int maxFrameLength)
    {
        scratch = new UnsafeBuffer(new byte[maxFrameLength]);
    }

    /** Points the sink at this duty cycle's outlet; at most {@code frames} more may be queued. */
    void use(final FrameEndpoint.Outlet outlet, final int frames)
    {
        this.outlet = outlet;
        this.limit = frames;
    }

    /** Frames that may still be queued in this duty cycle. */
    int limit()
    {
        return limit;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public int claim(final int length)
    {
        return limit > 0 && length <= scratch.capacity() && outlet.room() > 0 ? 0 : -1;
    }

    @Override
    public void commit(final int length)
    {
        limit--;
        if (outlet.offer(scratch, 0, length) < 0)
        {
            // cannot happen after a granted claim (room was checked); the frame is lost and go-back-N recovers it
            rejected++;
        }
    }

    /** Committed frames the outlet still refused. */
    long rejected()
    {
        return rejected;
    }
}
