package org.edm.nativeio.packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

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
import org.edm.nativeio.ffm.LinuxMemory;
import org.edm.nativeio.ffm.LinuxPacket;
import org.edm.nativeio.ffm.LinuxSocket;
import org.edm.nativeio.socket.FrameSender;
import org.edm.nativeio.socket.LastErrno;
import org.edm.nativeio.socket.SendmmsgSender;
import org.edm.nativeio.socket.SocketSetup;

/**
 * A {@link FramePort} on a Linux interface through an AF_PACKET socket, with a TPACKET_V2 RX ring polled in user
 * space (no system call per frame, and none at all while nothing arrives) and one of two TX paths
 * ({@link PortOptions.TxMode}): frames staged in user memory and sent with one {@code sendmmsg} per flush (the
 * default, measured faster on veth here), or an mmap'd TX ring kicked with one {@code sendto} per flush.
 * <p>
 * Only frames of the port's EtherType reach the ring: the socket is created with protocol 0 (it receives nothing),
 * the rings are set up, and only then is it bound to the interface with {@code htons(etherType)}, so the kernel's
 * protocol demultiplexer does the filtering. With {@link PortOptions#ANY_ETHER_TYPE} it binds {@code ETH_P_ALL},
 * ignores its own outgoing frames ({@code PACKET_IGNORE_OUTGOING}) and skips any that still show up.
 * <p>
 * Receiving walks the RX ring from where it stopped; a slot belongs to user space while its status has
 * {@code TP_STATUS_USER}, its frame is handed to the handler in place, and the slot goes back to the kernel
 * ({@code TP_STATUS_KERNEL}, release store) when the handler returns. Frames the kernel dropped because the ring was
 * full are counted from {@code PACKET_STATISTICS} when a slot says {@code TP_STATUS_LOSING}, and by
 * {@link #updateCounters()}.
 * <p>
 * Memory: both rings are one shared mapping of the socket (RX first, then TX); staging memory and the call state
 * live in a shared arena. {@link #close()} unmaps, closes the socket and frees the arena.
 */
public final class PacketPort implements FramePort
{
    private final String name;
    private final PortOptions options;
    private final int mtu;
    private final Arena arena;
    private final MemorySegment callState;
    private final int fd;
    private final long mapAddress;
    private final long mapLength;
    private final UnsafeBuffer rxRing;
    private final int rxFrameSize;
    private final int rxFrameCount;
    private final FrameSender sender;
    private final MemorySegment stats;
    private final MemorySegment statsLength;
    private final PortCounters counters = new PortCounters();
    private final LastErrno lastErrno = new LastErrno();
    private final byte[] mac;
    private final int interfaceIndex;
    private int rxIndex;
    private boolean closed;

    private PacketPort(
        final String name,
        final PortOptions options,
        final Arena arena,
        final MemorySegment callState,
        final int fd,
        final long mapAddress,
        final RingGeometry rx,
        final RingGeometry tx,
        final byte[] mac,
        final int interfaceIndex)
    {
        this.name = name;
        this.options = options;
        this.mtu = options.mtu();
        this.arena = arena;
        this.callState = callState;
        this.fd = fd;
        this.mapAddress = mapAddress;
        this.mapLength = rx.byteSize() + (tx == null ? 0 : tx.byteSize());
        this.rxRing = new UnsafeBuffer(mapAddress, (int)rx.byteSize());
        this.rxFrameSize = rx.frameSize();
        this.rxFrameCount = rx.frameCount();
        this.mac = mac;
        this.interfaceIndex = interfaceIndex;
        this.stats = arena.allocate(LinuxPacket.TPACKET_STATS);
        this.statsLength = arena.allocate(ValueLayout.JAVA_INT);
        if (tx != null)
        {
            final UnsafeBuffer txRing = new UnsafeBuffer(mapAddress + rx.byteSize(), (int)tx.byteSize());
            sender = new TxRingSender(fd, callState, txRing, tx, mtu, counters, lastErrno);
        }
        else
        {
            sender = new SendmmsgSender(fd, callState, arena, mtu, options.txFrames(), counters, lastErrno);
        }
    }

    /**
     * Opens a port on {@code interfaceName} inside network namespace {@code namespace} ({@code null}: the calling
     * thread's own), from any thread.
     *
     * @throws PortSetupException naming what is missing (privilege, namespace, interface) and what to do.
     */
    public static PacketPort open(final String namespace, final String interfaceName, final PortOptions options)
    {
        final PortOptions checked = options.copy().validate();
        final String portName = "af_packet:" + interfaceName + (namespace == null ? "" : "@" + namespace);
        return NetworkNamespaces.callIn(namespace, () -> openHere(portName, namespace, interfaceName, checked));
    }

    private static PacketPort openHere(
        final String portName, final String namespace, final String interfaceName, final PortOptions options)
    {
        if (interfaceName.isEmpty() || interfaceName.length() >= LinuxSocket.IFNAMSIZ)
        {
            throw new PortSetupException(portName + ": interface name '" + interfaceName +
                "' must have 1 to 15 characters (IFNAMSIZ)");
        }
        final Arena arena = Arena.ofShared();
        final MemorySegment state = Ffm.newCallState(arena);
        int fd = -1;
        long mapAddress = 0;
        long mapLength = 0;
        try
        {
            fd = LinuxSocket.socket(state, LinuxSocket.AF_PACKET, LinuxSocket.SOCK_RAW | LinuxSocket.SOCK_CLOEXEC, 0);
            if (fd < 0)
            {
                if (fd == -Errno.EPERM || fd == -Errno.EACCES)
                {
                    throw new PortSetupException(portName + ": cannot open an AF_PACKET socket: " +
                        Errno.describe(fd) + ". " + PortSetupException.rawSocketAdvice());
                }
                throw new PortSetupException(portName + ": cannot open an AF_PACKET socket: " + Errno.describe(fd) +
                    (fd == -Errno.EAFNOSUPPORT ? "; this kernel has no AF_PACKET (CONFIG_PACKET)" : ""));
            }
            final int interfaceIndex = interfaceIndex(arena, state, portName, namespace, interfaceName);
            final int interfaceMtu = ioctlInt(arena, state, fd, interfaceName, LinuxSocket.SIOCGIFMTU,
                LinuxSocket.IFREQ_MTU_OFFSET, portName);
            if (options.mtu() > interfaceMtu + ETHERNET_HEADER_LENGTH)
            {
                throw new PortSetupException(portName + ": port mtu=" + options.mtu() + " needs interface MTU >= " +
                    (options.mtu() - ETHERNET_HEADER_LENGTH) + " but " + interfaceName + " has " + interfaceMtu +
                    "; raise it with 'ip link set " + interfaceName + " mtu " +
                    (options.mtu() - ETHERNET_HEADER_LENGTH) + "' or open the port with mtu <= " +
                    (interfaceMtu + ETHERNET_HEADER_LENGTH));
            }
            final byte[] mac = hardwareAddress(arena, state, fd, interfaceName, portName);

            SocketSetup.setInt(arena, state, fd, LinuxPacket.SOL_PACKET, LinuxPacket.PACKET_VERSION,
                LinuxPacket.TPACKET_V2, "PACKET_VERSION", portName);
            if (options.qdiscBypass())
            {
                SocketSetup.setInt(arena, state, fd, LinuxPacket.SOL_PACKET, LinuxPacket.PACKET_QDISC_BYPASS, 1,
                    "PACKET_QDISC_BYPASS", portName);
            }
            SocketSetup.setInt(arena, state, fd, LinuxPacket.SOL_PACKET, LinuxPacket.PACKET_IGNORE_OUTGOING, 1,
                "PACKET_IGNORE_OUTGOING", portName);

            final int pageSize = LinuxMemory.pageSize(state);
            final RingGeometry rx = RingGeometry.rx(options.rxFrames(), options.mtu(), pageSize);
            final RingGeometry tx = options.txMode() == PortOptions.TxMode.TX_RING ?
                RingGeometry.tx(options.txFrames(), options.mtu(), pageSize) : null;
            setRing(arena, state, fd, LinuxPacket.PACKET_RX_RING, rx, "PACKET_RX_RING", portName);
            if (tx != null)
            {
                setRing(arena, state, fd, LinuxPacket.PACKET_TX_RING, tx, "PACKET_TX_RING", portName);
            }
            mapLength = rx.byteSize() + (tx == null ? 0 : tx.byteSize());
            final int lockFlag = options.lockMemory() ? LinuxMemory.MAP_LOCKED : 0;
            final long address = LinuxMemory.mmap(state, mapLength, LinuxMemory.PROT_READ | LinuxMemory.PROT_WRITE,
                LinuxMemory.MAP_SHARED | LinuxMemory.MAP_POPULATE | lockFlag, fd);
            if (address < 0)
            {
                throw new PortSetupException(portName + ": cannot map the packet rings (" + mapLength + " bytes): " +
                    Errno.describe((int)address) + (options.lockMemory() ?
                    "; locking needs CAP_IPC_LOCK or a larger 'ulimit -l' (LimitMEMLOCK=)" : ""));
            }
            mapAddress = address;

            final MemorySegment sll = arena.allocate(LinuxPacket.SOCKADDR_LL);
            final int protocol = options.etherType() == PortOptions.ANY_ETHER_TYPE ?
                LinuxPacket.ETH_P_ALL : options.etherType();
            sll.set(ValueLayout.JAVA_SHORT, 0, (short)LinuxSocket.AF_PACKET);
            sll.set(ValueLayout.JAVA_SHORT, LinuxPacket.SLL_PROTOCOL_OFFSET, Ffm.htons(protocol));
            sll.set(ValueLayout.JAVA_INT, LinuxPacket.SLL_IFINDEX_OFFSET, interfaceIndex);
            final int bound = LinuxSocket.bind(state, fd, sll, (int)LinuxPacket.SOCKADDR_LL.byteSize());
            if (bound < 0)
            {
                throw new PortSetupException(portName + ": cannot bind to interface " + interfaceName + ": " +
                    Errno.describe(bound) + (bound == -Errno.ENETDOWN ? "; bring it up with 'ip link set " +
                    interfaceName + " up'" : ""));
            }
            return new PacketPort(portName, options, arena, state, fd, mapAddress, rx, tx, mac, interfaceIndex);
        }
        catch (final RuntimeException e)
        {
            if (mapAddress != 0)
            {
                LinuxMemory.munmap(state, mapAddress, mapLength);
            }
            SocketSetup.closeQuietly(state, fd);
            arena.close();
            throw e;
        }
    }

    public String name()
    {
        return name;
    }

    public int mtu()
    {
        return mtu;
    }

    /** The interface's MAC address (6 bytes, a copy). */
    public byte[] macAddress()
    {
        return mac.clone();
    }

    /** The interface's index in its namespace. */
    public int interfaceIndex()
    {
        return interfaceIndex;
    }

    public int poll(final FrameHandler handler, final int limit)
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        final UnsafeBuffer ring = rxRing;
        int delivered = 0;
        int examined = 0;
        while (examined < limit)
        {
            final int slot = rxIndex * rxFrameSize;
            final int status = ring.getIntVolatile(slot + LinuxPacket.TP_STATUS_OFFSET);
            if ((status & LinuxPacket.TP_STATUS_USER) == 0)
            {
                break;
            }
            examined++;
            try
            {
                if ((status & LinuxPacket.TP_STATUS_LOSING) != 0)
                {
                    updateCounters();
                }
                final int snapLength = ring.getInt(slot + LinuxPacket.TP_SNAPLEN_OFFSET);
                final int frameOffset = slot + (ring.getShort(slot + LinuxPacket.TP_MAC_OFFSET) & 0xFFFF);
                if (snapLength < ring.getInt(slot + LinuxPacket.TP_LEN_OFFSET) || snapLength > mtu)
                {
                    counters.increment(PortCounter.DROPS);
                }
                else if (ring.getByte(slot + LinuxPacket.RX_SOCKADDR_OFFSET + (int)LinuxPacket.SLL_PKTTYPE_OFFSET) ==
                    LinuxPacket.PACKET_OUTGOING)
                {
                    counters.increment(PortCounter.FILTERED);
                }
                else if (snapLength < ETHERNET_HEADER_LENGTH ||
                    !options.accepts(ring.getShort(frameOffset + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF))
                {
                    counters.increment(PortCounter.FILTERED);
                }
                else
                {
                    counters.onReceived(snapLength);
                    delivered++;
                    handler.onFrame(ring, frameOffset, snapLength);
                }
            }
            finally
            {
                ring.putIntRelease(slot + LinuxPacket.TP_STATUS_OFFSET, LinuxPacket.TP_STATUS_KERNEL);
                rxIndex = rxIndex + 1 == rxFrameCount ? 0 : rxIndex + 1;
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

    /** Reads (and so resets) the kernel's {@code PACKET_STATISTICS} and adds its drops to {@code DROPS}. */
    public int updateCounters()
    {
        if (closed)
        {
            return PortStatus.CLOSED;
        }
        statsLength.set(ValueLayout.JAVA_INT, 0, (int)LinuxPacket.TPACKET_STATS.byteSize());
        final int result = LinuxSocket.getsockopt(
            callState, fd, LinuxPacket.SOL_PACKET, LinuxPacket.PACKET_STATISTICS, stats, statsLength);
        if (result < 0)
        {
            lastErrno.set(-result);
            counters.increment(PortCounter.ERRORS);
            return PortStatus.ERROR;
        }
        final int drops = stats.get(ValueLayout.JAVA_INT, 4);
        if (drops != 0)
        {
            counters.add(PortCounter.DROPS, drops & 0xFFFF_FFFFL);
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
            LinuxMemory.munmap(callState, mapAddress, mapLength);
            SocketSetup.closeQuietly(callState, fd);
            arena.close();
        }
    }

    public String toString()
    {
        return name;
    }

    private static int interfaceIndex(
        final Arena arena, final MemorySegment state, final String portName, final String namespace,
        final String interfaceName)
    {
        final int index = LinuxSocket.ifNameToIndex(state, arena.allocateFrom(interfaceName));
        if (index <= 0)
        {
            throw new PortSetupException(portName + ": interface '" + interfaceName + "' not found in " +
                (namespace == null ? "this network namespace" : "network namespace '" + namespace + "'") +
                "; list the interfaces with 'ip " + (namespace == null ? "" : "-n " + namespace + " ") + "link'" +
                " (a local rack's names are in its description file: 'edm rack status')");
        }
        return index;
    }

    private static int ioctlInt(
        final Arena arena, final MemorySegment state, final int fd, final String interfaceName, final int request,
        final long offset, final String portName)
    {
        final MemorySegment ifreq = ifreq(arena, interfaceName);
        final int result = LinuxFile.ioctl(state, fd, request, ifreq);
        if (result < 0)
        {
            throw new PortSetupException(portName + ": ioctl(0x" + Integer.toHexString(request) + ") on " +
                interfaceName + " failed: " + Errno.describe(result));
        }
        return ifreq.get(ValueLayout.JAVA_INT, offset);
    }

    private static byte[] hardwareAddress(
        final Arena arena, final MemorySegment state, final int fd, final String interfaceName, final String portName)
    {
        final MemorySegment ifreq = ifreq(arena, interfaceName);
        final int result = LinuxFile.ioctl(state, fd, LinuxSocket.SIOCGIFHWADDR, ifreq);
        if (result < 0)
        {
            throw new PortSetupException(portName + ": cannot read the MAC address of " + interfaceName + ": " +
                Errno.describe(result));
        }
        return ifreq.asSlice(LinuxSocket.IFREQ_HWADDR_DATA_OFFSET, LinuxPacket.ETH_ALEN).toArray(ValueLayout.JAVA_BYTE);
    }

    private static MemorySegment ifreq(final Arena arena, final String interfaceName)
    {
        final MemorySegment ifreq = arena.allocate(LinuxSocket.IFREQ);
        ifreq.setString(0, interfaceName);
        return ifreq;
    }

    private static void setRing(
        final Arena arena, final MemorySegment state, final int fd, final int option, final RingGeometry geometry,
        final String optionName, final String portName)
    {
        final MemorySegment request = arena.allocate(LinuxPacket.TPACKET_REQ);
        request.set(ValueLayout.JAVA_INT, 0, geometry.blockSize());
        request.set(ValueLayout.JAVA_INT, 4, geometry.blockCount());
        request.set(ValueLayout.JAVA_INT, 8, geometry.frameSize());
        request.set(ValueLayout.JAVA_INT, 12, geometry.frameCount());
        final int result = LinuxSocket.setsockopt(
            state, fd, LinuxPacket.SOL_PACKET, option, request, (int)LinuxPacket.TPACKET_REQ.byteSize());
        if (result < 0)
        {
            throw new PortSetupException(portName + ": setsockopt(" + optionName + ", " + geometry + ") failed: " +
                Errno.describe(result) + (result == -Errno.ENOMEM ?
                "; the kernel could not allocate the ring: use fewer frames (rxFrames/txFrames)" : ""));
        }
    }
}
