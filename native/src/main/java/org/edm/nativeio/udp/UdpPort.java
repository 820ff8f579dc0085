package org.edm.nativeio.udp;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;

import org.agrona.BitUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortCounters;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortSetupException;
import org.edm.nativeio.PortStatus;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.Ffm;
import org.edm.nativeio.ffm.LinuxSocket;
import org.edm.nativeio.socket.LastErrno;
import org.edm.nativeio.socket.SendmmsgSender;
import org.edm.nativeio.socket.SocketSetup;

/**
 * A {@link FramePort} that carries each whole Ethernet frame as the payload of one UDP/IPv4 datagram to one
 * connected peer: no privileges needed, and the link may cross routers (L3). Frames are staged and sent with one
 * {@code sendmmsg} per flush, and received with one non-blocking {@code recvmmsg} per empty batch, into preallocated
 * slots handed to the handler in place.
 * <p>
 * The EtherType filter runs in user space ({@link PortCounter#FILTERED}); datagrams longer than the MTU are truncated
 * by the kernel and counted as {@link PortCounter#DROPS}, as are the datagrams the kernel dropped because the socket
 * buffer was full (read with {@code SO_MEMINFO} by {@link #updateCounters()}).
 * <pre>
 *   UDP payload = | dst MAC (6) | src MAC (6) | EtherType (2) | payload ... |   (no FCS)
 * </pre>
 * A frame over 1472 bytes needs IP fragmentation on a 1500-byte path; loopback and veth in one host have room.
 */
public final class UdpPort implements FramePort
{
    /** Frames read per {@code recvmmsg}. */
    private static final int MAX_RECEIVE_BATCH = 64;
    private static final long MMSGHDR_LENGTH = LinuxSocket.MMSGHDR.byteSize();
    private static final long IOVEC_LENGTH = LinuxSocket.IOVEC.byteSize();

    private final String name;
    private final PortOptions options;
    private final int mtu;
    private final Arena arena;
    private final MemorySegment callState;
    private final int fd;
    private final InetSocketAddress localAddress;
    private final SendmmsgSender sender;
    private final PortCounters counters = new PortCounters();
    private final LastErrno lastErrno = new LastErrno();
    private final int receiveBatch;
    private final int rxSlotLength;
    private final UnsafeBuffer rxData;
    private final UnsafeBuffer rxMessages;
    private final long rxMessagesAddress;
    private final MemorySegment meminfo;
    private final MemorySegment meminfoLength;
    private long kernelDrops;
    private int rxCount;
    private int rxNext;
    private boolean closed;

    private UdpPort(
        final String name,
        final PortOptions options,
        final Arena arena,
        final MemorySegment callState,
        final int fd,
        final InetSocketAddress localAddress)
    {
        this.name = name;
        this.options = options;
        this.mtu = options.mtu();
        this.arena = arena;
        this.callState = callState;
        this.fd = fd;
        this.localAddress = localAddress;
        this.sender = new SendmmsgSender(fd, callState, arena, mtu, options.txFrames(), counters, lastErrno);

        receiveBatch = Math.min(MAX_RECEIVE_BATCH, options.rxFrames());
        rxSlotLength = BitUtil.align(mtu, 64);
        final MemorySegment data = arena.allocate((long)receiveBatch * rxSlotLength, 4096);
        final MemorySegment messages = arena.allocate(receiveBatch * MMSGHDR_LENGTH, 64);
        final MemorySegment iovecs = arena.allocate(receiveBatch * IOVEC_LENGTH, 64);
        rxData = new UnsafeBuffer(data.address(), (int)data.byteSize());
        rxMessages = new UnsafeBuffer(messages.address(), (int)messages.byteSize());
        rxMessagesAddress = messages.address();
        final UnsafeBuffer iov = new UnsafeBuffer(iovecs.address(), (int)iovecs.byteSize());
        for (int i = 0; i < receiveBatch; i++)
        {
            final int message = (int)(i * MMSGHDR_LENGTH);
            rxMessages.putLong(message + (int)LinuxSocket.MSGHDR_IOV_OFFSET, iovecs.address() + i * IOVEC_LENGTH);
            rxMessages.putLong(message + (int)LinuxSocket.MSGHDR_IOVLEN_OFFSET, 1L);
            iov.putLong((int)(i * IOVEC_LENGTH), data.address() + (long)i * rxSlotLength);
            iov.putLong((int)(i * IOVEC_LENGTH + LinuxSocket.IOVEC_LEN_OFFSET), mtu);
        }
        meminfo = arena.allocate((long)LinuxSocket.SK_MEMINFO_VARS * 4, 8);
        meminfoLength = arena.allocate(ValueLayout.JAVA_INT);
    }

    /**
     * Opens a UDP port bound to {@code local} (port 0: any free port) and, when {@code remote} is not null,
     * connected to it. IPv4 only.
     */
    public static UdpPort open(final InetSocketAddress local, final InetSocketAddress remote, final PortOptions options)
    {
        final PortOptions checked = options.copy().validate();
        final String portName = "udp:" + format(local);
        final Arena arena = Arena.ofShared();
        final MemorySegment state = Ffm.newCallState(arena);
        int fd = -1;
        try
        {
            fd = LinuxSocket.socket(
                state, LinuxSocket.AF_INET, LinuxSocket.SOCK_DGRAM | LinuxSocket.SOCK_CLOEXEC, LinuxSocket.IPPROTO_UDP);
            if (fd < 0)
            {
                throw new PortSetupException(portName + ": cannot open a UDP socket: " + Errno.describe(fd));
            }
            final int bufferBytes = (int)Math.min(1 << 30, (long)checked.rxFrames() * 2048);
            SocketSetup.setInt(arena, state, fd, LinuxSocket.SOL_SOCKET, LinuxSocket.SO_RCVBUF, bufferBytes,
                "SO_RCVBUF", portName);
            SocketSetup.setInt(arena, state, fd, LinuxSocket.SOL_SOCKET, LinuxSocket.SO_SNDBUF,
                (int)Math.min(1 << 30, (long)checked.txFrames() * 2048), "SO_SNDBUF", portName);
            final MemorySegment address = sockaddr(arena, local, portName);
            final int bound = LinuxSocket.bind(state, fd, address, (int)LinuxSocket.SOCKADDR_IN.byteSize());
            if (bound < 0)
            {
                throw new PortSetupException(portName + ": cannot bind to " + format(local) + ": " +
                    Errno.describe(bound) + "; choose another address or port (0 picks a free one)");
            }
            final MemorySegment length = arena.allocateFrom(ValueLayout.JAVA_INT, (int)LinuxSocket.SOCKADDR_IN.byteSize());
            LinuxSocket.getsockname(state, fd, address, length);
            final InetSocketAddress actual = fromSockaddr(address);
            final UdpPort port = new UdpPort("udp:" + format(actual), checked, arena, state, fd, actual);
            if (remote != null)
            {
                port.connect(remote);
            }
            return port;
        }
        catch (final RuntimeException e)
        {
            SocketSetup.closeQuietly(state, fd);
            arena.close();
            throw e;
        }
    }

    /** Sets (or changes) the peer every frame goes to and the only source frames are accepted from. Control plane. */
    public void connect(final InetSocketAddress remote)
    {
        try (Arena temp = Arena.ofConfined())
        {
            final MemorySegment address = sockaddr(temp, remote, name);
            final int result = LinuxSocket.connect(callState, fd, address, (int)LinuxSocket.SOCKADDR_IN.byteSize());
            if (result < 0)
            {
                throw new PortSetupException(name + ": cannot connect to " + format(remote) + ": " +
                    Errno.describe(result));
            }
        }
    }

    /** The bound local address (with the port the kernel chose when asked for 0). */
    public InetSocketAddress localAddress()
    {
        return localAddress;
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
        if (rxNext == rxCount)
        {
            final int received = LinuxSocket.recvmmsgNow(
                callState, fd, rxMessagesAddress, Math.min(limit, receiveBatch), LinuxSocket.MSG_DONTWAIT);
            if (received <= 0)
            {
                if (received == 0 || received == -Errno.EAGAIN || received == -Errno.EINTR)
                {
                    return 0;
                }
                lastErrno.set(-received);
                counters.increment(PortCounter.ERRORS);
                return PortStatus.ERROR;
            }
            rxCount = received;
            rxNext = 0;
        }
        int delivered = 0;
        int examined = 0;
        while (rxNext < rxCount && examined < limit)
        {
            final int index = rxNext++;
            examined++;
            final int message = (int)(index * MMSGHDR_LENGTH);
            final int length = rxMessages.getInt(message + (int)LinuxSocket.MMSGHDR_LEN_OFFSET);
            final int flags = rxMessages.getInt(message + (int)LinuxSocket.MSGHDR_FLAGS_OFFSET);
            final int offset = index * rxSlotLength;
            if ((flags & LinuxSocket.MSG_TRUNC) != 0)
            {
                counters.increment(PortCounter.DROPS);
            }
            else if (length < ETHERNET_HEADER_LENGTH ||
                !options.accepts(rxData.getShort(offset + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF))
            {
                counters.increment(PortCounter.FILTERED);
            }
            else
            {
                counters.onReceived(length);
                delivered++;
                handler.onFrame(rxData, offset, length);
            }
        }
        return delivered;
    }

    public MutableDirectBuffer txBuffer()
    {
        return sender.buffer();
    }

    public int tryClaim(final int length)
    {
        return closed ? PortStatus.CLOSED : sender.tryClaim(length);
    }

    public int commit(final int length)
    {
        return closed ? PortStatus.CLOSED : sender.commit(length);
    }

    public int abort()
    {
        return closed ? PortStatus.CLOSED : sender.abort();
    }

    public int flush()
    {
        return closed ? PortStatus.CLOSED : sender.flush();
    }

    public int pendingFrames()
    {
        return closed ? 0 : sender.pendingFrames();
    }

    /** Adds the datagrams the kernel dropped since the last call ({@code SO_MEMINFO} drops) to {@code DROPS}. */
    public int updateCounters()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        meminfoLength.set(ValueLayout.JAVA_INT, 0, (int)meminfo.byteSize());
        final int result = LinuxSocket.getsockopt(
            callState, fd, LinuxSocket.SOL_SOCKET, LinuxSocket.SO_MEMINFO, meminfo, meminfoLength);
        if (result < 0)
        {
            lastErrno.set(-result);
            counters.increment(PortCounter.ERRORS);
            return PortStatus.ERROR;
        }
        final long drops = meminfo.get(ValueLayout.JAVA_INT, LinuxSocket.SK_MEMINFO_DROPS * 4L) & 0xFFFF_FFFFL;
        if (drops > kernelDrops)
        {
            counters.add(PortCounter.DROPS, drops - kernelDrops);
            kernelDrops = drops;
        }
        return 0;
    }

    public PortCounters counters()
    {
        return counters;
    }

    public int lastErrno()
    {
        return lastErrno.get();
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
            SocketSetup.closeQuietly(callState, fd);
            arena.close();
        }
    }

    public String toString()
    {
        return name;
    }

    private static MemorySegment sockaddr(final Arena arena, final InetSocketAddress address, final String portName)
    {
        final InetAddress ip = resolve(address, portName);
        if (!(ip instanceof Inet4Address))
        {
            throw new PortSetupException(portName + ": " + address + " is not an IPv4 address; UDP ports are IPv4 only");
        }
        final MemorySegment sin = arena.allocate(LinuxSocket.SOCKADDR_IN);
        sin.set(ValueLayout.JAVA_SHORT, 0, (short)LinuxSocket.AF_INET);
        sin.set(ValueLayout.JAVA_SHORT, 2, Ffm.htons(address.getPort()));
        MemorySegment.copy(ip.getAddress(), 0, sin, ValueLayout.JAVA_BYTE, 4, 4);
        return sin;
    }

    private static InetAddress resolve(final InetSocketAddress address, final String portName)
    {
        if (address.getAddress() != null)
        {
            return address.getAddress();
        }
        try
        {
            return InetAddress.getByName(address.getHostString());
        }
        catch (final UnknownHostException e)
        {
            throw new PortSetupException(portName + ": cannot resolve host '" + address.getHostString() + "'", e);
        }
    }

    private static InetSocketAddress fromSockaddr(final MemorySegment sin)
    {
        final byte[] ip = new byte[4];
        MemorySegment.copy(sin, ValueLayout.JAVA_BYTE, 4, ip, 0, 4);
        final int port = Short.reverseBytes(sin.get(ValueLayout.JAVA_SHORT, 2)) & 0xFFFF;
        try
        {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        }
        catch (final UnknownHostException e)
        {
            throw new IllegalStateException(e);
        }
    }

    private static String format(final InetSocketAddress address)
    {
        return address.getHostString() + ":" + address.getPort();
    }
}
