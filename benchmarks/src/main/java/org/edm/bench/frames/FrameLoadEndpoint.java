package org.edm.bench.frames;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;

/**
 * The frame host of {@code --load frames}: sends FILL frames of one size, round robin to a list of destinations, at a
 * share of the line rate counted in wire bytes (a token bucket refilled from the clock, holding at most a few frames,
 * so a descheduled thread does not burst). Each frame carries its send time, so the receiving {@link FrameSink}
 * measures its one-way latency. Ignores what it receives.
 */
public final class FrameLoadEndpoint implements FrameEndpoint
{
    private static final int BURST_FRAMES = 4;

    private final long source;
    private final long[] destinations;
    private final int frameLength;
    private final double bytesPerNano;
    private final double maxCredit;
    private final UnsafeBuffer frame;
    private final Hello hello;
    private double credit;
    private long lastNanos;
    private int next;
    private long sent;

    /**
     * @param source       this host's MAC.
     * @param destinations MACs to send to, in turn.
     * @param frameLength  bytes per frame (no FCS), at least the header.
     * @param share        share of the line rate, (0, 1].
     * @param lineRateGbps the emulated line rate.
     */
    public FrameLoadEndpoint(
        final long source, final long[] destinations, final int frameLength, final double share,
        final double lineRateGbps)
    {
        if (frameLength < BenchFrame.HEADER_LENGTH)
        {
            throw new IllegalArgumentException("frame length " + frameLength + " < " + BenchFrame.HEADER_LENGTH);
        }
        this.source = source;
        this.destinations = destinations.clone();
        this.frameLength = frameLength;
        this.bytesPerNano = share * lineRateGbps / 8;
        this.maxCredit = BURST_FRAMES * BenchFrame.onWire(frameLength);
        this.frame = new UnsafeBuffer(new byte[frameLength]);
        this.hello = new Hello(source);
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = hello.sendIfDue(outlet, nowNanos);
        if (!hello.sent())
        {
            return work;
        }
        if (lastNanos != 0)
        {
            credit = Math.min(maxCredit, credit + (nowNanos - lastNanos) * bytesPerNano);
        }
        lastNanos = nowNanos;
        final int cost = BenchFrame.onWire(frameLength);
        while (credit >= cost && outlet.room() > 0)
        {
            BenchFrame.writeHeader(frame, 0, destinations[next], source, BenchFrame.FILL, (int)sent, frameLength, 0,
                nowNanos);
            if (outlet.offer(frame, 0, frameLength) < 0)
            {
                break;
            }
            next = next + 1 == destinations.length ? 0 : next + 1;
            credit -= cost;
            sent++;
            work++;
        }
        return work;
    }

    /** Frames sent so far. */
    public long sent()
    {
        return sent;
    }
}
