package org.edm.nativeio.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static org.edm.nativeio.ffm.Ffm.C_INT;
import static org.edm.nativeio.ffm.Ffm.C_LONG;
import static org.edm.nativeio.ffm.Ffm.C_POINTER;

/**
 * Memory mappings: {@code mmap}, {@code munmap}, {@code mlock}, {@code munlock}, {@code madvise}. Set-up calls, none
 * critical ({@code mmap} of a ring and {@code mlock} may fault in many pages). {@link #mmap} returns the address, or
 * minus errno.
 */
public final class LinuxMemory
{
    @CName public static final int PROT_READ = 0x1;
    @CName public static final int PROT_WRITE = 0x2;
    @CName public static final int MAP_SHARED = 0x1;
    @CName public static final int MAP_PRIVATE = 0x2;
    @CName public static final int MAP_ANONYMOUS = 0x20;
    @CName public static final int MAP_LOCKED = 0x2000;
    @CName public static final int MAP_POPULATE = 0x8000;
    @CName public static final int MAP_HUGETLB = 0x40000;
    @CName public static final int MADV_HUGEPAGE = 14;

    private static final MethodHandle GETPAGESIZE = Ffm.downcall("getpagesize", FunctionDescriptor.of(C_INT), false);
    private static final MethodHandle MMAP = Ffm.downcall(
        "mmap", FunctionDescriptor.of(C_LONG, C_POINTER, C_LONG, C_INT, C_INT, C_INT, C_LONG), false);
    private static final MethodHandle MUNMAP = Ffm.downcall(
        "munmap", FunctionDescriptor.of(C_INT, C_LONG, C_LONG), false);
    private static final MethodHandle MLOCK = Ffm.downcall(
        "mlock", FunctionDescriptor.of(C_INT, C_LONG, C_LONG), false);
    private static final MethodHandle MUNLOCK = Ffm.downcall(
        "munlock", FunctionDescriptor.of(C_INT, C_LONG, C_LONG), false);
    private static final MethodHandle MADVISE = Ffm.downcall(
        "madvise", FunctionDescriptor.of(C_INT, C_LONG, C_LONG, C_INT), false);

    private LinuxMemory()
    {
    }

    /** {@code getpagesize()}: the base page size in bytes. */
    public static int pageSize(final MemorySegment state)
    {
        try
        {
            return (int)GETPAGESIZE.invokeExact(state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code mmap(NULL, length, prot, flags, fd, 0)}; the address, or minus errno ({@code MAP_FAILED} is -1). */
    public static long mmap(
        final MemorySegment state, final long length, final int prot, final int flags, final int fd)
    {
        try
        {
            final long address = (long)MMAP.invokeExact(state, MemorySegment.NULL, length, prot, flags, fd, 0L);
            return address == -1L ? -Ffm.errno(state) : address;
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code munmap(address, length)}. */
    public static int munmap(final MemorySegment state, final long address, final long length)
    {
        try
        {
            return Ffm.result((int)MUNMAP.invokeExact(state, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code mlock(address, length)}. */
    public static int mlock(final MemorySegment state, final long address, final long length)
    {
        try
        {
            return Ffm.result((int)MLOCK.invokeExact(state, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code munlock(address, length)}. */
    public static int munlock(final MemorySegment state, final long address, final long length)
    {
        try
        {
            return Ffm.result((int)MUNLOCK.invokeExact(state, address, length), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code madvise(address, length, advice)}. */
    public static int madvise(final MemorySegment state, final long address, final long length, final int advice)
    {
        try
        {
            return Ffm.result((int)MADVISE.invokeExact(state, address, length, advice), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }
}
