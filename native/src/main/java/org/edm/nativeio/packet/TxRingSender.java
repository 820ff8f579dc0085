package org.edm.nativeio.packet;

import java.lang.foreign.MemorySegment;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortCounters;
import org.edm.nativeio.PortStatus;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.LinuxPacket;
import org.edm.nativeio.ffm.LinuxSocket;
import org.edm.nativeio.socket.FrameSender;
import org.edm.nativeio.socket.LastErrno;

/**
 * Sends through an mmap'd TPACKET_V2 TX ring: a claim is the next slot while the kernel has handed it back
 * ({@code TP_STATUS_AVAILABLE}); the frame is written in place 32 bytes into the slot; a commit stores
 * {@code tp_len} and then {@code TP_STATUS_SEND_REQUEST} (release); a flush is one non-blocking
 * {@code sendto(fd, NULL, 0, MSG_DONTWAIT)} that makes the kernel send every requested slot in ring order. The
 * kernel returns a slot to AVAILABLE once it has freed the frame's buffer.
 */
final class TxRingSender implements FrameSender
{
    private final int fd;
    private final MemorySegment callState;
    private final PortCounters counters;
    private final LastErrno lastErrno;
    private final int mtu;
    private final UnsafeBuffer ring;
    private final int frameSize;
    private final int frameCount;
    private int next;
    private int requested;
    private long requestedBytes;
    private int claimLength = -1;

    TxRingSender(
        final int fd,
        final MemorySegment callState,
        final UnsafeBuffer ring,
        final RingGeometry geometry,
        final int mtu,
        final PortCounters counters,
        final LastErrno lastErrno)
    {
        this.fd = fd;
        this.callState = callState;
        this.ring = ring;
        this.frameSize = geometry.frameSize();
        this.frameCount = geometry.frameCount();
        this.mtu = mtu;
        this.counters = counters;
        this.lastErrno = lastErrno;
    }

    public MutableDirectBuffer buffer()
    {
        return ring;
    }

    public int tryClaim(final int length)
    {
        if (claimLength >= 0)
        {
            return PortStatus.NOT_CLAIMED;
        }
        if (length > mtu)
        {
            return PortStatus.TOO_LONG;
        }
        if (length < FramePort.ETHERNET_HEADER_LENGTH)
        {
            return PortStatus.TOO_SHORT;
        }
        final int slot = next * frameSize;
        final int status = ring.getIntVolatile(slot + LinuxPacket.TP_STATUS_OFFSET);
        if (status != LinuxPacket.TP_STATUS_AVAILABLE)
        {
            if (status == LinuxPacket.TP_STATUS_WRONG_FORMAT)
            {
                counters.increment(PortCounter.ERRORS);
                ring.putIntRelease(slot + LinuxPacket.TP_STATUS_OFFSET, LinuxPacket.TP_STATUS_AVAILABLE);
            }
            else
            {
                counters.increment(PortCounter.RING_FULL);
                return PortStatus.BACK_PRESSURED;
            }
        }
        claimLength = length;
        return slot + LinuxPacket.TX_DATA_OFFSET;
    }

    public int commit(final int length)
    {
        if (claimLength < 0 || length > claimLength)
        {
            return PortStatus.NOT_CLAIMED;
        }
        if (length < FramePort.ETHERNET_HEADER_LENGTH)
        {
            return PortStatus.TOO_SHORT;
        }
        final int slot = next * frameSize;
        ring.putInt(slot + LinuxPacket.TP_LEN_OFFSET, length);
        ring.putIntRelease(slot + LinuxPacket.TP_STATUS_OFFSET, LinuxPacket.TP_STATUS_SEND_REQUEST);
        next = next + 1 == frameCount ? 0 : next + 1;
        requested++;
        requestedBytes += length;
        claimLength = -1;
        return 0;
    }

    public int abort()
    {
        if (claimLength < 0)
        {
            return PortStatus.NOT_CLAIMED;
        }
        claimLength = -1;
        return 0;
    }

    public int flush()
    {
        if (requested == 0)
        {
            return 0;
        }
        final long result = LinuxSocket.sendtoNow(callState, fd, 0L, 0L, LinuxSocket.MSG_DONTWAIT, 0L, 0);
        if (result >= 0)
        {
            final int frames = requested;
            counters.onSent(frames, requestedBytes);
            requested = 0;
            requestedBytes = 0;
            return frames;
        }
        if (result == -Errno.EAGAIN || result == -Errno.ENOBUFS)
        {
            counters.increment(PortCounter.RING_FULL);
            return PortStatus.BACK_PRESSURED;
        }
        lastErrno.set((int)-result);
        counters.increment(PortCounter.ERRORS);
        requested = 0;
        requestedBytes = 0;
        return PortStatus.ERROR;
    }

    public int pendingFrames()
    {
        return requested;
    }
}
