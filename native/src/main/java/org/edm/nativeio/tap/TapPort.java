package org.edm.nativeio.tap;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortCounters;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortSetupException;
import org.edm.nativeio.PortStatus;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.Ffm;
import org.edm.nativeio.ffm.LinuxFile;
import org.edm.nativeio.ffm.LinuxSocket;
import org.edm.nativeio.ffm.LinuxTun;

/**
 * A {@link FramePort} on a TAP device: the host kernel's network stack on the other side. What the kernel sends out of
 * the TAP interface (ARP, IP, anything routed there) is received here, and what is sent here enters the kernel as if
 * it had arrived on that interface. This is how a host agent lets ordinary kernel traffic (say UDP between two hosts)
 * cross the EDM fabric; open it with {@link PortOptions#ANY_ETHER_TYPE} for that.
 * <p>
 * The device is {@code /dev/net/tun} attached with {@code TUNSETIFF} ({@code IFF_TAP | IFF_NO_PI}: frames without a
 * packet-information prefix), non-blocking. A TAP file descriptor moves one frame per {@code read}/{@code write}, so a
 * flush writes the staged frames one by one; the interface exists while the port is open (it is not made persistent)
 * and must be brought up ({@code ip link set NAME up}) before the kernel uses it. Needs CAP_NET_ADMIN.
 */
public final class TapPort implements FramePort
{
    private final String name;
    private final PortOptions options;
    private final int mtu;
    private final Arena arena;
    private final MemorySegment callState;
    private final int fd;
    private final String interfaceName;
    private final PortCounters counters = new PortCounters();
    private final UnsafeBuffer rx;
    private final long rxAddress;
    private final UnsafeBuffer tx;
    private final long txAddress;
    private final int slotLength;
    private final int slots;
    private final int[] lengths;
    private int sent;
    private int staged;
    private int claimLength = -1;
    private int lastErrno;
    private boolean closed;

    private TapPort(
        final String name, final PortOptions options, final Arena arena, final MemorySegment callState, final int fd,
        final String interfaceName)
    {
        this.name = name;
        this.options = options;
        this.mtu = options.mtu();
        this.arena = arena;
        this.callState = callState;
        this.fd = fd;
        this.interfaceName = interfaceName;
        this.slotLength = BitUtil.align(mtu, 64);
        this.slots = options.txFrames();
        this.lengths = new int[slots];
        final MemorySegment rxSegment = arena.allocate(slotLength, 4096);
        final MemorySegment txSegment = arena.allocate((long)slotLength * slots, 4096);
        rxAddress = rxSegment.address();
        txAddress = txSegment.address();
        rx = new UnsafeBuffer(rxAddress, slotLength);
        tx = new UnsafeBuffer(txAddress, (int)txSegment.byteSize());
    }

    /**
     * Creates (or attaches to) TAP interface {@code interfaceName} in network namespace {@code namespace}
     * ({@code null}: the caller's), from any thread.
     */
    public static TapPort open(final String namespace, final String interfaceName, final PortOptions options)
    {
        final PortOptions checked = options.copy().validate();
        final String portName = "tap:" + interfaceName + (namespace == null ? "" : "@" + namespace);
        if (interfaceName.isEmpty() || interfaceName.length() >= LinuxSocket.IFNAMSIZ)
        {
            throw new PortSetupException(portName + ": interface name '" + interfaceName +
                "' must have 1 to 15 characters (IFNAMSIZ)");
        }
        return NetworkNamespaces.callIn(namespace, () ->
        {
            final Arena arena = Arena.ofShared();
            final MemorySegment state = Ffm.newCallState(arena);
            int fd = -1;
            try
            {
                fd = LinuxFile.open(state, arena.allocateFrom("/dev/net/tun"),
                    LinuxFile.O_RDWR | LinuxFile.O_NONBLOCK | LinuxFile.O_CLOEXEC, 0);
                if (fd < 0)
                {
                    throw new PortSetupException(portName + ": cannot open /dev/net/tun: " + Errno.describe(fd) +
                        (fd == -Errno.ENOENT ? "; load the tun module ('modprobe tun') or create the device node" :
                        "; TAP ports need root or CAP_NET_ADMIN"));
                }
                final MemorySegment ifreq = arena.allocate(LinuxSocket.IFREQ);
                ifreq.setString(0, interfaceName);
                ifreq.set(ValueLayout.JAVA_SHORT, LinuxTun.IFREQ_FLAGS_OFFSET, (short)(LinuxTun.IFF_TAP | LinuxTun.IFF_NO_PI));
                final int attached = LinuxFile.ioctl(state, fd, LinuxTun.TUNSETIFF, ifreq);
                if (attached < 0)
                {
                    throw new PortSetupException(portName + ": TUNSETIFF failed: " + Errno.describe(attached) +
                        (attached == -Errno.EPERM ? "; TAP ports need root or CAP_NET_ADMIN" :
                        attached == -Errno.EBUSY ? "; another process holds " + interfaceName :
                        attached == -Errno.EINVAL ? "; an interface " + interfaceName + " exists and is not a TAP" : ""));
                }
                return new TapPort(portName, checked, arena, state, fd, interfaceName);
            }
            catch (final RuntimeException e)
            {
                if (fd >= 0)
                {
                    LinuxFile.close(state, fd);
                }
                arena.close();
                throw e;
            }
        });
    }

    /** The TAP interface's name. */
    public String interfaceName()
    {
        return interfaceName;
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
        int delivered = 0;
        for (int examined = 0; examined < limit; examined++)
        {
            final long length = LinuxFile.readNow(callState, fd, rxAddress, slotLength);
            if (length < 0)
            {
                if (length == -Errno.EAGAIN || length == -Errno.EINTR)
                {
                    break;
                }
                lastErrno = (int)-length;
                counters.increment(PortCounter.ERRORS);
                return delivered > 0 ? delivered : PortStatus.ERROR;
            }
            final int frameLength = (int)length;
            if (frameLength > mtu)
            {
                counters.increment(PortCounter.DROPS);
            }
            else if (frameLength < ETHERNET_HEADER_LENGTH ||
                !options.accepts(rx.getShort(ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF))
            {
                counters.increment(PortCounter.FILTERED);
            }
            else
            {
                counters.onReceived(frameLength);
                delivered++;
                handler.onFrame(rx, 0, frameLength);
            }
        }
        return delivered;
    }

    public MutableDirectBuffer txBuffer()
    {
        return tx;
    }

    public int tryClaim(final int length)
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimLength >= 0)
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
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimLength < 0 || length > claimLength)
        {
            return PortStatus.NOT_CLAIMED;
        }
        if (length < ETHERNET_HEADER_LENGTH)
        {
            return PortStatus.TOO_SHORT;
        }
        lengths[staged++] = length;
        claimLength = -1;
        return 0;
    }

    public int abort()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        if (claimLength < 0)
        {
            return PortStatus.NOT_CLAIMED;
        }
        claimLength = -1;
        return 0;
    }

    public int flush()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        int frames = 0;
        while (sent < staged)
        {
            final long result = LinuxFile.writeNow(callState, fd, txAddress + (long)sent * slotLength, lengths[sent]);
            if (result < 0)
            {
                if (result == -Errno.EAGAIN || result == -Errno.ENOBUFS)
                {
                    counters.increment(PortCounter.RING_FULL);
                    return frames > 0 ? frames : PortStatus.BACK_PRESSURED;
                }
                lastErrno = (int)-result;
                counters.increment(PortCounter.ERRORS);
                sent++;
                resetIfDone();
                return frames > 0 ? frames : PortStatus.ERROR;
            }
            counters.onSent(1, lengths[sent]);
            sent++;
            frames++;
        }
        resetIfDone();
        return frames;
    }

    public int pendingFrames()
    {
        return staged - sent;
    }

    public PortCounters counters()
    {
        return counters;
    }

    public int lastErrno()
    {
        return lastErrno;
    }

    public boolean isClosed()
    {
        return closed;
    }

    public void close()
    {
        if (!closed)
        {
            closed = true;
            LinuxFile.close(callState, fd);
            arena.close();
        }
    }

    public String toString()
    {
        return name;
    }

    private void resetIfDone()
    {
        if (sent == staged)
        {
            sent = 0;
            staged = 0;
        }
    }
}
