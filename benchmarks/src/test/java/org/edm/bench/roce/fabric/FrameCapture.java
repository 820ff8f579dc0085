package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounters;
import org.edm.phy.carrier.CarrierReceiver;
import org.edm.phy.link.RxDemux;

import java.util.ArrayList;
import java.util.List;

/**
 * A tap on a host's cable: keeps a copy of every carrier frame the host receives from the switch, and afterwards
 * decodes them the way a receiving PHY does (carrier frame -> 66-bit blocks -> MAC frame reassembly, FCS checked),
 * independently of the agents, giving the MAC frames the fabric delivered on that downlink. Test only.
 */
final class FrameCapture implements FramePort
{
    private final FramePort port;
    private final List<byte[]> carrierFrames = new ArrayList<>();

    FrameCapture(final FramePort port)
    {
        this.port = port;
    }

    /** The MAC frames (destination MAC through payload, no FCS) carried to this host so far, in order. */
    List<byte[]> macFrames()
    {
        final List<byte[]> frames = new ArrayList<>();
        final RxDemux demux = new RxDemux((sync, payload) -> { }, (buffer, offset, length) ->
        {
            final byte[] frame = new byte[length];
            buffer.getBytes(offset, frame);
            frames.add(frame);
        }, 16_384, false);
        final CarrierReceiver receiver = new CarrierReceiver(port.mtu());
        for (final byte[] carrier : carrierFrames)
        {
            receiver.onFrame(new UnsafeBuffer(carrier), 0, carrier.length, demux);
        }
        return frames;
    }

    public String name()
    {
        return port.name() + "(captured)";
    }

    public int mtu()
    {
        return port.mtu();
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        return port.poll((buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            carrierFrames.add(copy);
            handler.onFrame(buffer, offset, length);
        }, limit);
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
