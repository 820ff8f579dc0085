package org.edm.nativeio.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static org.edm.nativeio.ffm.Ffm.C_INT;

/**
 * {@code setns(2)}: moves the calling thread (only it) into the namespace an open file descriptor refers to, e.g.
 * {@code /run/netns/NAME} or {@code /proc/thread-self/ns/net}. Needs CAP_SYS_ADMIN. Not critical.
 */
public final class LinuxNamespace
{
    @CName public static final int CLONE_NEWNET = 0x40000000;

    private static final MethodHandle SETNS = Ffm.downcall("setns", FunctionDescriptor.of(C_INT, C_INT, C_INT), false);

    private LinuxNamespace()
    {
    }

    /** {@code setns(fd, nstype)}. */
    public static int setns(final MemorySegment state, final int fd, final int nstype)
    {
        try
        {
            return Ffm.result((int)SETNS.invokeExact(state, fd, nstype), state);
        }
        catch (final Throwable t)
        {
            throw Ffm.linkageBug(t);
        }
    }
}
