package org.edm.nativeio;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.edm.nativeio.ffm.Errno;
import org.edm.nativeio.ffm.Ffm;
import org.edm.nativeio.ffm.LinuxFile;
import org.edm.nativeio.ffm.LinuxNamespace;

/**
 * Runs set-up code inside a named network namespace (the {@code ip netns} kind, {@code /run/netns/NAME}) and returns:
 * the calling thread enters the namespace with {@code setns(2)}, runs the action, then goes back to the namespace it
 * was in. A socket opened inside keeps its namespace for life, so one JVM, even one thread, can own the ports of a
 * whole rack.
 * <p>
 * {@code setns} moves only the calling platform thread. A virtual thread could change carriers in the middle, so a call
 * from a virtual thread runs the action on a short-lived platform thread and waits for it. Needs CAP_SYS_ADMIN.
 */
public final class NetworkNamespaces
{
    /** Where iproute2 keeps its named network namespaces. */
    public static final Path NETNS_DIR = Path.of("/run/netns");

    private NetworkNamespaces()
    {
    }

    /**
     * Runs {@code action} inside namespace {@code name}; {@code null} or empty means the caller's own namespace.
     *
     * @throws PortSetupException when the namespace does not exist or cannot be entered (and whatever the action
     * throws, unchanged if unchecked).
     */
    public static <T> T callIn(final String name, final Callable<T> action)
    {
        if (name == null || name.isEmpty())
        {
            return callUnchecked(action);
        }
        if (Thread.currentThread().isVirtual())
        {
            return callOnPlatformThread(name, action);
        }
        final Path path = NETNS_DIR.resolve(name);
        if (name.contains("/") || !Files.exists(path))
        {
            throw new PortSetupException("network namespace '" + name + "' not found: " + path +
                " does not exist; create it with 'ip netns add " + name + "' or bring the rack up with 'edm rack up'");
        }
        try (Arena arena = Arena.ofConfined())
        {
            final MemorySegment state = Ffm.newCallState(arena);
            final int target = LinuxFile.open(
                state, arena.allocateFrom(path.toString()), LinuxFile.O_RDONLY | LinuxFile.O_CLOEXEC, 0);
            if (target < 0)
            {
                throw new PortSetupException("cannot open network namespace '" + name + "' (" + path + "): " +
                    Errno.describe(target) + "; run as root");
            }
            final int home = LinuxFile.open(
                state, arena.allocateFrom("/proc/thread-self/ns/net"), LinuxFile.O_RDONLY | LinuxFile.O_CLOEXEC, 0);
            if (home < 0)
            {
                LinuxFile.close(state, target);
                throw new PortSetupException("cannot open this thread's network namespace " +
                    "(/proc/thread-self/ns/net): " + Errno.describe(home) + "; is /proc mounted?");
            }
            try
            {
                final int entered = LinuxNamespace.setns(state, target, LinuxNamespace.CLONE_NEWNET);
                if (entered < 0)
                {
                    throw new PortSetupException("cannot enter network namespace '" + name + "': " +
                        Errno.describe(entered) + "; entering a namespace needs CAP_SYS_ADMIN (run as root), or " +
                        "use UDP or in-memory ports");
                }
                try
                {
                    return callUnchecked(action);
                }
                finally
                {
                    final int back = LinuxNamespace.setns(state, home, LinuxNamespace.CLONE_NEWNET);
                    if (back < 0)
                    {
                        throw new Error("thread '" + Thread.currentThread().getName() + "' could not return from " +
                            "network namespace '" + name + "': " + Errno.describe(back));
                    }
                }
            }
            finally
            {
                LinuxFile.close(state, home);
                LinuxFile.close(state, target);
            }
        }
    }

    /** True when a named namespace exists. */
    public static boolean exists(final String name)
    {
        return Files.exists(NETNS_DIR.resolve(name));
    }

    private static <T> T callOnPlatformThread(final String name, final Callable<T> action)
    {
        final AtomicReference<T> result = new AtomicReference<>();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Thread thread = Thread.ofPlatform().name("edm-netns-" + name).start(() ->
        {
            try
            {
                result.set(callIn(name, action));
            }
            catch (final RuntimeException e)
            {
                failure.set(e);
            }
        });
        try
        {
            thread.join();
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            throw new PortSetupException("interrupted while opening a port in network namespace '" + name + "'", e);
        }
        if (failure.get() != null)
        {
            throw failure.get();
        }
        return result.get();
    }

    private static <T> T callUnchecked(final Callable<T> action)
    {
        try
        {
            return action.call();
        }
        catch (final RuntimeException e)
        {
            throw e;
        }
        catch (final Exception e)
        {
            throw new PortSetupException(e.getMessage(), e);
        }
    }
}
