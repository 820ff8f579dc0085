package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;
import org.edm.nativeio.FramePort;

/**
 * A {@link RoceFrameSink} over a {@link FramePort}: the queue pair writes its frame straight into the port's TX buffer;
 * the owner of the port calls {@link FramePort#flush()} when its duty cycle has emitted what it wants to send.
 */
public final class FramePortSink implements RoceFrameSink
{
    private final FramePort port;

    public FramePortSink(final FramePort port)
    {
        this.port = port;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return port.txBuffer();
    }

    @Override
    public int claim(final int length)
    {
        return port.tryClaim(length);
    }

    @Override
    public void commit(final int length)
    {
        port.commit(length);
    }
}
