package org.edm.nativeio.socket;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import org.edm.nativeio.PortSetupException;
import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.LinuxFile;
import org.edm.nativeio.ffm.LinuxSocket;

/** Set-up helpers shared by the socket ports: options that must succeed, with messages that name the port. */
public final class SocketSetup
{
    private SocketSetup()
    {
    }

    /** Sets an {@code int} socket option or throws naming the option and the port. */
    public static void setInt(
        final Arena arena, final MemorySegment state, final int fd, final int level, final int option,
        final int value, final String optionName, final String portName)
    {
        final MemorySegment v = arena.allocateFrom(ValueLayout.JAVA_INT, value);
        final int result = LinuxSocket.setsockopt(state, fd, level, option, v, 4);
        if (result < 0)
        {
            throw new PortSetupException(
                portName + ": setsockopt(" + optionName + "=" + value + ") failed: " + Errno.describe(result));
        }
    }

    /** Reads an {@code int} socket option, or returns minus errno. */
    public static int getInt(final Arena arena, final MemorySegment state, final int fd, final int level, final int option)
    {
        final MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
        final MemorySegment length = arena.allocateFrom(ValueLayout.JAVA_INT, 4);
        final int result = LinuxSocket.getsockopt(state, fd, level, option, v, length);
        return result < 0 ? result : v.get(ValueLayout.JAVA_INT, 0);
    }

    /** Closes a descriptor, ignoring failure (used on the way out of a failed set-up and in close). */
    public static void closeQuietly(final MemorySegment state, final int fd)
    {
        if (fd >= 0)
        {
            LinuxFile.close(state, fd);
        }
    }
}
