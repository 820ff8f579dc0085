package org.edm.nativeio.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortCounters;
import org.edm.nativeio.PortStatus;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.LinuxSocket;

/**
 * Stages frames in user memory and sends them with one {@code sendmmsg(2)} per flush ({@code sendto(2)} when one frame
 * is staged), non-blocking. Works for any connected or bound datagram/raw socket: the kernel takes the destination from
 * the socket (AF_PACKET: the bound interface; UDP: the connected peer).
 * <p>
 * Memory, allocated once in the port's arena: {@code slots} frame slots of {@code align(mtu, 64)} bytes, and one
 * {@code struct mmsghdr} and one {@code struct iovec} per slot, wired to each other at open; a commit only writes the
 * frame's length into its iovec.
 * <pre>
 *   mmsghdr[i].msg_hdr.msg_iov -> iovec[i] { iov_base -> data + i * slotLength, iov_len = frame length }
 *   [ sent ... staged )  frames committed and not yet taken by the kernel, sent in order by the next flush
 * </pre>
 * A frame the kernel rejects outright (errno other than EAGAIN/ENOBUFS, e.g. ENETDOWN) is dropped and counted as an
 * error, so that one bad frame cannot block the ones behind it.
 */
public final class SendmmsgSender implements FrameSender
{
    private static final long MMSGHDR_LENGTH = LinuxSocket.MMSGHDR.byteSize();
    private static final long IOVEC_LENGTH = LinuxSocket.IOVEC.byteSize();

    private final int fd;
    private final MemorySegment callState;
    private final PortCounters counters;
    private final LastErrno lastErrno;
    private final int mtu;
    private final int slots;
    private final int slotLength;
    private final long dataAddress;
    private final long messagesAddress;
    private final UnsafeBuffer data;
    private final UnsafeBuffer iovecs;
    private int sent;
    private int staged;
    private int claimLength = -1;

    /**
     * @param fd a connected (UDP) or bound (AF_PACKET) socket.
     * @param callState errno capture segment for the thread that will use this sender.
     * @param arena where the staging memory lives; the owner closes it.
     */
    public SendmmsgSender(
        final int fd,
        final MemorySegment callState,
        final Arena arena,
        final int mtu,
        final int slots,
        final PortCounters counters,
        final LastErrno lastErrno)
    {
        this.fd = fd;
        this.callState = callState;
        this.counters = counters;
        this.lastErrno = lastErrno;
        this.mtu = mtu;
        this.slots = slots;
        this.slotLength = BitUtil.align(mtu, 64);

        final MemorySegment dataSegment = arena.allocate((long)slots * slotLength, 4096);
        final MemorySegment messageSegment = arena.allocate(slots * MMSGHDR_LENGTH, 64);
        final MemorySegment iovecSegment = arena.allocate(slots * IOVEC_LENGTH, 64);
        dataAddress = dataSegment.address();
        messagesAddress = messageSegment.address();
        data = new UnsafeBuffer(dataAddress, (int)dataSegment.byteSize());
        iovecs = new UnsafeBuffer(iovecSegment.address(), (int)iovecSegment.byteSize());
        final UnsafeBuffer messages = new UnsafeBuffer(messagesAddress, (int)messageSegment.byteSize());
        for (int i = 0; i < slots; i++)
        {
            final int message = (int)(i * MMSGHDR_LENGTH);
            messages.putLong(message + (int)LinuxSocket.MSGHDR_IOV_OFFSET, iovecSegment.address() + i * IOVEC_LENGTH);
            messages.putLong(message + (int)LinuxSocket.MSGHDR_IOVLEN_OFFSET, 1L);
            iovecs.putLong((int)(i * IOVEC_LENGTH), dataAddress + (long)i * slotLength);
            iovecs.putLong((int)(i * IOVEC_LENGTH + LinuxSocket.IOVEC_LEN_OFFSET), 0L);
        }
    }

    public MutableDirectBuffer buffer()
    {
        return data;
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
        if (staged == slots)
        {
            counters.increment(PortCounter.RING_FULL);
            return PortStatus.BACK_PRESSURED;
        }
        claimLength = length;
        return staged * slotLength;
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
        iovecs.putLong(lengthOffset(staged), length);
        staged++;
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
        final int count = staged - sent;
        if (count == 0)
        {
            return 0;
        }
        final long result;
        if (count == 1)
        {
            final long sentBytes = LinuxSocket.sendtoNow(
                callState, fd, dataAddress + (long)sent * slotLength, iovecs.getLong(lengthOffset(sent)),
                LinuxSocket.MSG_DONTWAIT, 0L, 0);
            result = sentBytes >= 0 ? 1 : sentBytes;
        }
        else
        {
            result = LinuxSocket.sendmmsgNow(
                callState, fd, messagesAddress + sent * MMSGHDR_LENGTH, count, LinuxSocket.MSG_DONTWAIT);
        }
        if (result > 0)
        {
            final int frames = (int)result;
            long bytes = 0;
            for (int i = sent, end = sent + frames; i < end; i++)
            {
                bytes += iovecs.getLong(lengthOffset(i));
            }
            counters.onSent(frames, bytes);
            advance(frames);
            return frames;
        }
        if (result == 0 || result == -Errno.EAGAIN || result == -Errno.ENOBUFS)
        {
            counters.increment(PortCounter.RING_FULL);
            return PortStatus.BACK_PRESSURED;
        }
        lastErrno.set((int)-result);
        counters.increment(PortCounter.ERRORS);
        advance(1);
        return PortStatus.ERROR;
    }

    public int pendingFrames()
    {
        return staged - sent;
    }

    private void advance(final int frames)
    {
        sent += frames;
        if (sent == staged)
        {
            sent = 0;
            staged = 0;
        }
    }

    private static int lengthOffset(final int slot)
    {
        return (int)(slot * IOVEC_LENGTH + LinuxSocket.IOVEC_LEN_OFFSET);
    }
}
