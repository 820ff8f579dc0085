package org.edm.host;

import org.agrona.DirectBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;

/**
 * Bridges the host kernel's network stack to the fabric through a TAP device: what the kernel sends out of the TAP
 * interface goes onto the fabric as ordinary frames (the switch agent forwards them on its L2 path), and frames the
 * fabric delivers to this host are written into the kernel as if they had arrived on that interface. So kernel traffic
 * between hosts (ping, UDP, TCP) crosses the EDM fabric beside memory traffic, below it in priority.
 */
public final class TapEndpoint implements FrameEndpoint, FrameHandler
{
    private static final int FRAMES_PER_CYCLE = 16;

    private final FramePort tap;
    private Outlet outlet;
    private long toFabric;
    private long toKernel;
    private long kernelRefused;
    private long fabricFull;

    /** @param tap a TAP port (see {@code TapPort}), opened with any EtherType. */
    public TapEndpoint(final FramePort tap)
    {
        this.tap = tap;
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        if (tap.send(buffer, offset, length) < 0)
        {
            kernelRefused++;
            return;
        }
        toKernel++;
    }

    public int doWork(final Outlet fabric, final long nowNanos)
    {
        final int room = fabric.room();
        if (room == 0)
        {
            return 0;
        }
        outlet = fabric;
        return Math.max(0, tap.poll(this, Math.min(room, FRAMES_PER_CYCLE)));
    }

    /** A frame the kernel sent out of the TAP interface. */
    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        if (outlet.offer(buffer, offset, length) < 0)
        {
            fabricFull++;
            return;
        }
        toFabric++;
    }

    public void close()
    {
        tap.close();
    }

    /** Frames from the kernel put on the fabric. */
    public long toFabric()
    {
        return toFabric;
    }

    /** Frames from the fabric handed to the kernel. */
    public long toKernel()
    {
        return toKernel;
    }

    /** Frames the kernel did not take (its queue was full). */
    public long kernelRefused()
    {
        return kernelRefused;
    }

    /** Frames from the kernel dropped because the fabric's frame queue was full. */
    public long fabricFull()
    {
        return fabricFull;
    }
}
