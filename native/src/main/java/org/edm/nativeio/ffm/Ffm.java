package org.edm.nativeio.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * What every binding class shares: the native linker, libc's symbols, errno capture and a few helpers.
 * <p>
 * Every downcall is linked with {@code captureCallState("errno")}, so each binding takes a call-state segment as its
 * first argument (allocate one per thread that calls, with {@link #newCallState(Arena)}, once, outside the data path)
 * and returns {@code result >= 0 ? result : -errno}. Nothing here throws on a failed call; only linking can fail, at
 * class initialisation, when the platform is not Linux/glibc.
 */
public final class Ffm
{
    /** The C linker of this platform. */
    public static final Linker LINKER = Linker.nativeLinker();

    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CALL_STATE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** C {@code int}. */
    public static final ValueLayout.OfInt C_INT = ValueLayout.JAVA_INT;
    /** C {@code long}, {@code size_t}, {@code ssize_t}, {@code off_t} on LP64. */
    public static final ValueLayout.OfLong C_LONG = ValueLayout.JAVA_LONG;
    /** A C pointer. */
    public static final ValueLayout C_POINTER = ValueLayout.ADDRESS;

    private Ffm()
    {
    }

    /**
     * Links a libc function with errno capture.
     *
     * @param critical true only for calls that never block and return quickly (no thread-state transition).
     * @param firstVariadicArg index of the first variadic parameter of a variadic function, or -1.
     */
    static MethodHandle downcall(
        final String name, final FunctionDescriptor descriptor, final boolean critical, final int firstVariadicArg)
    {
        final MemorySegment symbol = LIBC.find(name).orElseThrow(
            () -> new UnsatisfiedLinkError("libc has no symbol '" + name + "': EDM's native ports need Linux with glibc"));
        Linker.Option[] options = { CAPTURE_ERRNO };
        if (critical)
        {
            options = append(options, Linker.Option.critical(false));
        }
        if (firstVariadicArg >= 0)
        {
            options = append(options, Linker.Option.firstVariadicArg(firstVariadicArg));
        }
        return LINKER.downcallHandle(symbol, descriptor, options);
    }

    static MethodHandle downcall(final String name, final FunctionDescriptor descriptor, final boolean critical)
    {
        return downcall(name, descriptor, critical, -1);
    }

    /** A call-state segment for the calling thread's bindings; allocate once and reuse. */
    public static MemorySegment newCallState(final Arena arena)
    {
        return arena.allocate(CALL_STATE_LAYOUT);
    }

    /** The errno captured by the last call that used {@code callState}. */
    public static int errno(final MemorySegment callState)
    {
        return (int)ERRNO.get(callState, 0L);
    }

    /** {@code result} if non-negative, else minus the captured errno. */
    static long result(final long result, final MemorySegment callState)
    {
        return result >= 0 ? result : -errno(callState);
    }

    /** {@code result} if non-negative, else minus the captured errno. */
    static int result(final int result, final MemorySegment callState)
    {
        return result >= 0 ? result : -errno(callState);
    }

    /** Rethrows a {@code Throwable} from {@code invokeExact}; only a binding bug gets here. */
    static AssertionError linkageBug(final Throwable t)
    {
        return new AssertionError("FFM binding called with the wrong signature", t);
    }

    /** Host-to-network order of a 16-bit value (x86 and ARM Linux are little-endian). */
    public static short htons(final int value)
    {
        return Short.reverseBytes((short)value);
    }

    private static Linker.Option[] append(final Linker.Option[] options, final Linker.Option option)
    {
        final Linker.Option[] result = Arrays.copyOf(options, options.length + 1);
        result[options.length] = option;
        return result;
    }
}
