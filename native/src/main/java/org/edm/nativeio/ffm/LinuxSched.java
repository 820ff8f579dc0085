package org.edm.nativeio.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static org.edm.nativeio.ffm.Ffm.C_INT;
import static org.edm.nativeio.ffm.Ffm.C_LONG;
import static org.edm.nativeio.ffm.Ffm.C_POINTER;

/**
 * CPU affinity of the calling thread: {@code sched_setaffinity}, {@code sched_getaffinity} (pid 0 = the calling
 * thread), {@code sched_getcpu} and {@code gettid}. Only {@code sched_getcpu} and {@code gettid} are critical (vDSO
 * or trivial syscalls that never block).
 * <pre>
 *   cpu_set_t (128 bytes = 1024 bits): bit n of byte n/8 set = CPU n allowed
 * </pre>
 */
public final class LinuxSched
{
    /** {@code sizeof(cpu_set_t)}. */
    @CName("sizeof(cpu_set_t)")
    public static final int CPU_SET_SIZE = 128;

    private static final MethodHandle SCHED_SETAFFINITY = Ffm.downcall(
        "sched_setaffinity", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER), false);
    private static final MethodHandle SCHED_GETAFFINITY = Ffm.downcall(
        "sched_getaffinity", FunctionDescriptor.of(C_INT, C_INT, C_LONG, C_POINTER), false);
    private static final MethodHandle SCHED_GETCPU = Ffm.downcall(
        "sched_getcpu", FunctionDescriptor.of(C_INT), true);
    private static final MethodHandle GETTID = Ffm.downcall("gettid", FunctionDescriptor.of(C_INT), true);

    private LinuxSched()
    {
    }

    /** {@code sched_setaffinity(0, CPU_SET_SIZE, mask)} for the calling thread. */
    public static int setAffinity(final MemorySegment state, final MemorySegment mask)
    {
        try
        {
            return Ffm.result((int)SCHED_SETAFFINITY.invokeExact(state, 0, (long)CPU_SET_SIZE, mask), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code sched_getaffinity(0, CPU_SET_SIZE, mask)} for the calling thread. */
    public static int getAffinity(final MemorySegment state, final MemorySegment mask)
    {
        try
        {
            return Ffm.result((int)SCHED_GETAFFINITY.invokeExact(state, 0, (long)CPU_SET_SIZE, mask), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code sched_getcpu()}: the CPU the calling thread runs on now. */
    public static int currentCpu(final MemorySegment state)
    {
        try
        {
            return Ffm.result((int)SCHED_GETCPU.invokeExact(state), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }

    /** {@code gettid()}: the kernel id of the calling thread. */
    public static int threadId(final MemorySegment state)
    {
        try
        {
            return Ffm.result((int)GETTID.invokeExact(state), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }
}
