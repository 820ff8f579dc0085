package org.edm.nativeio.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

import static org.edm.nativeio.ffm.Ffm.C_INT;
import static org.edm.nativeio.ffm.Ffm.C_LONG;
import static org.edm.nativeio.ffm.Ffm.C_POINTER;

/**
 * File descriptors: {@code open}, {@code close}, {@code ioctl}, {@code poll}, {@code read}, {@code write}. Every call
 * returns its result, or minus errno on failure. Only {@code read}/{@code write} are critical, for non-blocking
 * descriptors (a TAP device); {@code open} and {@code poll} may block, and {@code ioctl}'s cost depends on the request.
 */
public final class LinuxFile
{
    @CName public static final int O_RDONLY = 0;
    @CName public static final int O_RDWR = 2;
    @CName public static final int O_NONBLOCK = 0x800;
    @CName public static final int O_CLOEXEC = 0x80000;

    @CName public static final short POLLIN = 0x1;
    @CName public static final short POLLOUT = 0x4;

    /** {@code struct pollfd}: {@code int fd; short events; short revents;}. */
    @CName("struct pollfd")
    public static final StructLayout POLLFD = MemoryLayout.structLayout(
        C_INT.withName("fd"),
        ValueLayout.JAVA_SHORT.withName("events"),
        ValueLayout.JAVA_SHORT.withName("revents"));

    private static final MethodHandle OPEN = Ffm.downcall(
        "open", FunctionDescriptor.of(C_INT, C_POINTER, C_INT, C_INT), false, 2);
    private static final MethodHandle CLOSE = Ffm.downcall("close", FunctionDescriptor.of(C_INT, C_INT), false);
    private static final MethodHandle IOCTL = Ffm.downcall(
        "ioctl", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER), false, 2);
    private static final MethodHandle POLL = Ffm.downcall(
        "poll", FunctionDescriptor.of(C_INT, C_POINTER, C_LONG, C_INT), false);

    private static final MethodHandle READ = Ffm.downcall(
        "read", FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_LONG), true);
    private static final MethodHandle WRITE = Ffm.downcall(
        "write", FunctionDescriptor.of(C_LONG, C_INT, C_LONG, C_LONG), true);

    private LinuxFile()
    {
    }

    /** {@code open(path, flags, mode)}; {@code path} is a NUL-terminated string. */
    public static int open(final MemorySegment state, final MemorySegment path, final int flags, final int mode)
    {
        try
        {
            return Ffm.result((int)OPEN.invokeExact(state, path, flags, mode), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code close(fd)}. */
    public static int close(final MemorySegment state, final int fd)
    {
        try
        {
            return Ffm.result((int)CLOSE.invokeExact(state, fd), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code ioctl(fd, request, arg)} with a pointer argument. */
    public static int ioctl(final MemorySegment state, final int fd, final long request, final MemorySegment arg)
    {
        try
        {
            return Ffm.result((int)IOCTL.invokeExact(state, fd, request, arg), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /**
     * {@code read(fd, buffer, length)} on a descriptor opened with {@link #O_NONBLOCK}; critical, so never use it on a
     * blocking descriptor. {@code buffer} is a raw address.
     */
    public static long readNow(final MemorySegment state, final int fd, final long buffer, final long length)
    {
        try
        {
            return Ffm.result((long)READ.invokeExact(state, fd, buffer, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code write(fd, buffer, length)} on a descriptor opened with {@link #O_NONBLOCK}; critical, like {@link #readNow}. */
    public static long writeNow(final MemorySegment state, final int fd, final long buffer, final long length)
    {
        try
        {
            return Ffm.result((long)WRITE.invokeExact(state, fd, buffer, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code poll(fds, nfds, timeoutMs)}; blocks up to the timeout. */
    public static int poll(final MemorySegment state, final MemorySegment fds, final long count, final int timeoutMs)
    {
        try
        {
            return Ffm.result((int)POLL.invokeExact(state, fds, count, timeoutMs), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }
}
