package org.edm.nativeio.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.edm.nativeio.ffm.Ffm.C_INT;
import static org.edm.nativeio.ffm.Ffm.C_LONG;
import static org.edm.nativeio.ffm.Ffm.C_POINTER;

/**
 * BSD sockets: the calls, constants and structs the AF_PACKET and UDP ports use. Every call returns its result, or
 * minus errno on failure.
 * <p>
 * Critical (no thread-state transition) are only the calls meant for the data path, which callers must make with
 * {@link #MSG_DONTWAIT}: {@link #sendtoNow}, {@link #sendmmsgNow}, {@link #recvmmsgNow}. They never block and return
 * within microseconds (on veth the peer's receive path runs inside the send, about 1 us per frame). They take raw
 * addresses ({@code long}; a pointer and a {@code long} travel in the same register on LP64) so that the data path
 * can point into its preallocated arrays without creating segment objects. The set-up calls ({@code socket},
 * {@code bind}, {@code setsockopt}, ...) are ordinary downcalls.
 * <pre>
 *   struct iovec   (16)  0: void *iov_base   8: size_t iov_len
 *   struct msghdr  (56)  0: void *msg_name   8: socklen_t msg_namelen   16: struct iovec *msg_iov
 *                       24: size_t msg_iovlen  32: void *msg_control  40: size_t msg_controllen  48: int msg_flags
 *   struct mmsghdr (64)  0: struct msghdr msg_hdr   56: unsigned int msg_len
 *   struct cmsghdr (16)  0: size_t cmsg_len   8: int cmsg_level   12: int cmsg_type   16: data...
 *   struct sockaddr_in (16)  0: sa_family_t sin_family  2: __be16 sin_port  4: __be32 sin_addr  8: zero[8]
 *   struct ifreq   (40)  0: char ifr_name[16]  16: union { struct sockaddr ifr_hwaddr; int ifr_mtu; ... }
 * </pre>
 */
public final class LinuxSocket
{
    @CName public static final int AF_INET = 2;
    @CName public static final int AF_PACKET = 17;
    @CName public static final int SOCK_DGRAM = 2;
    @CName public static final int SOCK_RAW = 3;
    @CName public static final int SOCK_NONBLOCK = 0x800;
    @CName public static final int SOCK_CLOEXEC = 0x80000;
    @CName public static final int SOL_SOCKET = 1;
    @CName public static final int SO_SNDBUF = 7;
    @CName public static final int SO_RCVBUF = 8;
    @CName public static final int SO_SNDBUFFORCE = 32;
    @CName public static final int SO_RCVBUFFORCE = 33;
    @CName public static final int SO_RXQ_OVFL = 40;
    @CName public static final int SO_MEMINFO = 55;
    /** Index of the drop count in the {@code u32} array {@code SO_MEMINFO} returns. */
    @CName public static final int SK_MEMINFO_DROPS = 8;
    @CName public static final int SK_MEMINFO_VARS = 9;
    @CName public static final int IPPROTO_UDP = 17;
    @CName public static final int MSG_DONTWAIT = 0x40;
    @CName public static final int MSG_TRUNC = 0x20;
    @CName public static final int SIOCGIFMTU = 0x8921;
    @CName public static final int SIOCGIFHWADDR = 0x8927;
    @CName public static final int IFNAMSIZ = 16;

    @CName("struct iovec")
    public static final StructLayout IOVEC = MemoryLayout.structLayout(
        C_POINTER.withName("iov_base"),
        C_LONG.withName("iov_len"));

    @CName("struct msghdr")
    public static final StructLayout MSGHDR = MemoryLayout.structLayout(
        C_POINTER.withName("msg_name"),
        C_INT.withName("msg_namelen"),
        MemoryLayout.paddingLayout(4),
        C_POINTER.withName("msg_iov"),
        C_LONG.withName("msg_iovlen"),
        C_POINTER.withName("msg_control"),
        C_LONG.withName("msg_controllen"),
        C_INT.withName("msg_flags"),
        MemoryLayout.paddingLayout(4));

    @CName("struct mmsghdr")
    public static final StructLayout MMSGHDR = MemoryLayout.structLayout(
        MSGHDR.withName("msg_hdr"),
        C_INT.withName("msg_len"),
        MemoryLayout.paddingLayout(4));

    @CName("struct cmsghdr")
    public static final StructLayout CMSGHDR = MemoryLayout.structLayout(
        C_LONG.withName("cmsg_len"),
        C_INT.withName("cmsg_level"),
        C_INT.withName("cmsg_type"));

    @CName("struct sockaddr_in")
    public static final StructLayout SOCKADDR_IN = MemoryLayout.structLayout(
        JAVA_SHORT.withName("sin_family"),
        JAVA_SHORT.withName("sin_port"),
        C_INT.withName("sin_addr"),
        MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sin_zero"));

    @CName("struct ifreq")
    public static final StructLayout IFREQ = MemoryLayout.structLayout(
        MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("ifr_name"),
        MemoryLayout.sequenceLayout(24, JAVA_BYTE).withName("ifr_ifru"));

    /** Offset of {@code iov_len} in {@code struct iovec}. */
    @CName("offsetof(struct iovec, iov_len)")
    public static final long IOVEC_LEN_OFFSET = IOVEC.byteOffset(groupElement("iov_len"));
    @CName("offsetof(struct msghdr, msg_iov)")
    public static final long MSGHDR_IOV_OFFSET = MSGHDR.byteOffset(groupElement("msg_iov"));
    @CName("offsetof(struct msghdr, msg_iovlen)")
    public static final long MSGHDR_IOVLEN_OFFSET = MSGHDR.byteOffset(groupElement("msg_iovlen"));
    @CName("offsetof(struct msghdr, msg_control)")
    public static final long MSGHDR_CONTROL_OFFSET = MSGHDR.byteOffset(groupElement("msg_control"));
    @CName("offsetof(struct msghdr, msg_controllen)")
    public static final long MSGHDR_CONTROLLEN_OFFSET = MSGHDR.byteOffset(groupElement("msg_controllen"));
    @CName("offsetof(struct msghdr, msg_flags)")
    public static final long MSGHDR_FLAGS_OFFSET = MSGHDR.byteOffset(groupElement("msg_flags"));
    @CName("offsetof(struct mmsghdr, msg_len)")
    public static final long MMSGHDR_LEN_OFFSET = MMSGHDR.byteOffset(groupElement("msg_len"));
    /** Offset of the data after a {@code cmsghdr}: {@code CMSG_DATA} - {@code cmsg}. */
    @CName("CMSG_LEN(0)")
    public static final long CMSG_DATA_OFFSET = CMSGHDR.byteSize();
    /** Offset of {@code ifr_hwaddr.sa_data} (the MAC) in {@code struct ifreq}. */
    @CName("offsetof(struct ifreq, ifr_hwaddr.sa_data)")
    public static final long IFREQ_HWADDR_DATA_OFFSET = 18;
    @CName("offsetof(struct ifreq, ifr_mtu)")
    public static final long IFREQ_MTU_OFFSET = 16;

    private static final MethodHandle SOCKET = Ffm.downcall(
        "socket", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT), false);
    private static final MethodHandle BIND = Ffm.downcall(
        "bind", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), false);
    private static final MethodHandle CONNECT = Ffm.downcall(
        "connect", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_INT), false);
    private static final MethodHandle GETSOCKNAME = Ffm.downcall(
        "getsockname", FunctionDescriptor.of(C_INT, C_INT, C_POINTER, C_POINTER), false);
    private static final MethodHandle SETSOCKOPT = Ffm.downcall(
        "setsockopt", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_INT), false);
    private static final MethodHandle GETSOCKOPT = Ffm.downcall(
        "getsockopt", FunctionDescriptor.of(C_INT, C_INT, C_INT, C_INT, C_POINTER, C_POINTER), false);
    private static final MethodHandle IF_NAMETOINDEX = Ffm.downcall(
        "if_nametoindex", FunctionDescriptor.of(C_INT, C_POINTER), false);
    private static final MethodHandle SENDTO = Ffm.downcall(
        "sendto", FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_LONG, C_INT, C_LONG, C_INT), true);
    private static final MethodHandle SENDMMSG = Ffm.downcall(
        "sendmmsg", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_INT, C_INT), true);
    private static final MethodHandle RECVMMSG = Ffm.downcall(
        "recvmmsg", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_INT, C_INT, C_LONG), true);

    private LinuxSocket()
    {
    }

    /** {@code socket(domain, type, protocol)}. */
    public static int socket(final MemorySegment state, final int domain, final int type, final int protocol)
    {
        try
        {
            return Ffm.result((int)SOCKET.invokeExact(state, domain, type, protocol), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code bind(fd, address, length)}. */
    public static int bind(final MemorySegment state, final int fd, final MemorySegment address, final int length)
    {
        try
        {
            return Ffm.result((int)BIND.invokeExact(state, fd, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code connect(fd, address, length)}. */
    public static int connect(final MemorySegment state, final int fd, final MemorySegment address, final int length)
    {
        try
        {
            return Ffm.result((int)CONNECT.invokeExact(state, fd, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code getsockname(fd, address, &length)}; {@code length} is an in/out {@code socklen_t}. */
    public static int getsockname(
        final MemorySegment state, final int fd, final MemorySegment address, final MemorySegment length)
    {
        try
        {
            return Ffm.result((int)GETSOCKNAME.invokeExact(state, fd, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code setsockopt(fd, level, name, value, length)}. */
    public static int setsockopt(
        final MemorySegment state, final int fd, final int level, final int name, final MemorySegment value,
        final int length)
    {
        try
        {
            return Ffm.result((int)SETSOCKOPT.invokeExact(state, fd, level, name, value, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code getsockopt(fd, level, name, value, &length)}; {@code length} is an in/out {@code socklen_t}. */
    public static int getsockopt(
        final MemorySegment state, final int fd, final int level, final int name, final MemorySegment value,
        final MemorySegment length)
    {
        try
        {
            return Ffm.result((int)GETSOCKOPT.invokeExact(state, fd, level, name, value, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code if_nametoindex(name)} in the calling thread's network namespace; 0 (with errno) when absent. */
    public static int ifNameToIndex(final MemorySegment state, final MemorySegment name)
    {
        try
        {
            final int index = (int)IF_NAMETOINDEX.invokeExact(state, name);
            return index > 0 ? index : -Ffm.errno(state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code sendto(fd, buffer, length, flags, address, addressLength)}; critical, so flags must hold MSG_DONTWAIT. */
    public static long sendtoNow(
        final MemorySegment state, final int fd, final long buffer, final long length, final int flags,
        final long address, final int addressLength)
    {
        try
        {
            return Ffm.result((long)SENDTO.invokeExact(state, fd, buffer, length, flags, address, addressLength), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code sendmmsg(fd, messages, count, flags)}; critical, so flags must hold MSG_DONTWAIT. */
    public static int sendmmsgNow(
        final MemorySegment state, final int fd, final long messages, final int count, final int flags)
    {
        try
        {
            return Ffm.result((int)SENDMMSG.invokeExact(state, fd, messages, count, flags), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code recvmmsg(fd, messages, count, flags, NULL)}; critical, so flags must hold MSG_DONTWAIT. */
    public static int recvmmsgNow(
        final MemorySegment state, final int fd, final long messages, final int count, final int flags)
    {
        try
        {
            return Ffm.result((int)RECVMMSG.invokeExact(state, fd, messages, count, flags, 0L), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }
}
