package org.edm.nativeio.memory;

import java.nio.ByteOrder;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.DirectBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortCounters;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortStatus;

/**
 * One end of a {@link MemoryLink}. A claim is a record claimed in the outbound ring, written in place by the caller;
 * {@link #commit(int)} publishes it to the peer at once, so {@link #flush()} only reports how many frames were
 * published since the previous flush. Receiving reads records from the inbound ring in place: the handler's view is
 * the ring memory, released when the handler returns.
 * <p>
 * A record's type field carries the frame's length, so a commit may be shorter than its claim:
 * <pre>
 *   0               4               8
 *   +---------------+---------------+-------------------------------+
 *   | record length | frame length  | frame bytes (claimed length)  |
 *   | (Agrona)      | (type field)  | ... padding to 8 bytes        |
 *   +---------------+---------------+-------------------------------+
 * </pre>
 */
public final class MemoryPort implements FramePort, MessageHandler
{
    private final String name;
    private final int mtu;
    private final PortOptions options;
    private final OneToOneRingBuffer inbound;
    private final OneToOneRingBuffer outbound;
    private final MemoryLink link;
    private final PortCounters counters = new PortCounters();
    private FrameHandler handler;
    private int claimIndex = -1;
    private int claimLength;
    private int publishedSinceFlush;
    private boolean closed;

    MemoryPort(
        final String name,
        final PortOptions options,
        final OneToOneRingBuffer inbound,
        final OneToOneRingBuffer outbound,
        final MemoryLink link)
    {
        this.name = name;
        this.mtu = options.mtu();
        this.options = options;
        this.inbound = inbound;
        this.outbound = outbound;
        this.link = link;
    }

    public String name()
    {
        return name;
    }

    public int mtu()
    {
        return mtu;
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        this.handler = handler;
        final long before = counters.get(PortCounter.FRAMES_IN);
        inbound.read(this, limit);
        this.handler = null;
        return (int)(counters.get(PortCounter.FRAMES_IN) - before);
    }

    /** Ring callback; the record's type field holds the frame length. */
    public void onMessage(final int frameLength, final MutableDirectBuffer buffer, final int index, final int length)
    {
        final int etherType = buffer.getShort(index + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (!options.accepts(etherType))
        {
            counters.increment(PortCounter.FILTERED);
            return;
        }
        counters.onReceived(frameLength);
        handler.onFrame(buffer, index, frameLength);
    }

    public MutableDirectBuffer txBuffer()
    {
        return outbound.buffer();
    }

    public int tryClaim(final int length)
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimIndex >= 0)
        {
            return PortStatus.NOT_CLAIMED;
        }
        if (length > mtu)
        {
            return PortStatus.TOO_LONG;
        }
        if (length < ETHERNET_HEADER_LENGTH)
        {
            return PortStatus.TOO_SHORT;
        }
        final int index = outbound.tryClaim(length, length);
        if (index == RingBuffer.INSUFFICIENT_CAPACITY)
        {
            counters.increment(PortCounter.RING_FULL);
            return PortStatus.BACK_PRESSURED;
        }
        claimIndex = index;
        claimLength = length;
        return index;
    }

    public int commit(final int length)
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimIndex < 0 || length > claimLength)
        {
            return PortStatus.NOT_CLAIMED;
        }
        if (length < ETHERNET_HEADER_LENGTH)
        {
            return PortStatus.TOO_SHORT;
        }
        // The type field was written (plain) by tryClaim; commit's release store of the length publishes this too.
        outbound.buffer().putInt(RecordDescriptor.typeOffset(claimIndex - RecordDescriptor.HEADER_LENGTH), length);
        outbound.commit(claimIndex);
        claimIndex = -1;
        publishedSinceFlush++;
        counters.onSent(1, length);
        return 0;
    }

    public int abort()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimIndex < 0)
        {
            return PortStatus.NOT_CLAIMED;
        }
        outbound.abort(claimIndex);
        claimIndex = -1;
        return 0;
    }

    public int flush()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        final int published = publishedSinceFlush;
        publishedSinceFlush = 0;
        return published;
    }

    public int pendingFrames()
    {
        return publishedSinceFlush;
    }

    public int offer(final DirectBuffer frame, final int offset, final int length)
    {
        final int at = tryClaim(length);
        if (at < 0)
        {
            return at;
        }
        outbound.buffer().putBytes(at, frame, offset, length);
        return commit(length);
    }

    public PortCounters counters()
    {
        return counters;
    }

    public int lastErrno()
    {
        return 0;
    }

    public boolean isClosed()
    {
        return closed;
    }

    public void close()
    {
        if (!closed)
        {
            if (claimIndex >= 0)
            {
                outbound.abort(claimIndex);
                claimIndex = -1;
            }
            closed = true;
            link.onPortClosed();
        }
    }

    public String toString()
    {
        return name;
    }
}
