package org.edm.nativeio.ext;

import org.agrona.MutableDirectBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounters;

import java.util.function.BooleanSupplier;

/**
 * Fault injection: a {@link FramePort} that silently drops the frames it is asked to send whenever {@code drop} says
 * so (for example a seeded random source with a loss rate, switchable at run time). Everything else goes to the port
 * it wraps. For tests and for studying how the fabric behaves on a lossy network, like Aeron's loss generator; never
 * in the default data path.
 */
public final class LossyPort implements FramePort
{
    private final FramePort port;
    private final BooleanSupplier drop;
    private long dropped;

    public LossyPort(final FramePort port, final BooleanSupplier drop)
    {
        this.port = port;
        this.drop = drop;
    }

    /** Frames dropped so far. */
    public long dropped()
    {
        return dropped;
    }

    public String name()
    {
        return port.name() + "(lossy)";
    }

    public int mtu()
    {
        return port.mtu();
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        return port.poll(handler, limit);
    }

    public MutableDirectBuffer txBuffer()
    {
        return port.txBuffer();
    }

    public int tryClaim(final int length)
    {
        return port.tryClaim(length);
    }

    public int commit(final int length)
    {
        if (drop.getAsBoolean())
        {
            dropped++;
            final int result = port.abort();
            return result < 0 ? result : 0;
        }
        return port.commit(length);
    }

    public int abort()
    {
        return port.abort();
    }

    public int flush()
    {
        return port.flush();
    }

    public int pendingFrames()
    {
        return port.pendingFrames();
    }

    public PortCounters counters()
    {
        return port.counters();
    }

    public int lastErrno()
    {
        return port.lastErrno();
    }

    public boolean isClosed()
    {
        return port.isClosed();
    }

    public void close()
    {
        port.close();
    }
}
