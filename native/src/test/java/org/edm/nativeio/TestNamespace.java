package org.edm.nativeio;

import java.util.List;

import org.edm.nativeio.rack.IpCommand;

/**
 * Test support: a network namespace named {@code edm-ut-<pid>-<suffix>} holding veth pairs, deleted by
 * {@link #close()} and, as a backstop, by a shutdown hook. Namespaces of earlier test JVMs that died without cleaning
 * up (their pid is gone) are removed when a new one is made.
 */
public final class TestNamespace implements AutoCloseable
{
    private static final String PREFIX = "edm-ut-";

    private final String name;
    private final Thread hook;

    private TestNamespace(final String name)
    {
        this.name = name;
        this.hook = new Thread(() -> IpCommand.tryRun("netns", "del", name));
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Creates the namespace with loopback up and IPv6 off (no router solicitations on our links). */
    public static TestNamespace create(final String suffix)
    {
        removeStale();
        final String name = PREFIX + ProcessHandle.current().pid() + "-" + suffix;
        IpCommand.tryRun("netns", "del", name);
        IpCommand.run("netns", "add", name);
        final TestNamespace ns = new TestNamespace(name);
        try
        {
            IpCommand.run("-n", name, "link", "set", "lo", "up");
            IpCommand.tryRun("netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
            IpCommand.tryRun("netns", "exec", name, "sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
        }
        catch (final RuntimeException e)
        {
            ns.close();
            throw e;
        }
        return ns;
    }

    public String name()
    {
        return name;
    }

    /** Adds an up veth pair {@code a <-> b} inside this namespace. */
    public void addVethPair(final String a, final String b)
    {
        IpCommand.run("-n", name, "link", "add", a, "type", "veth", "peer", "name", b);
        IpCommand.run("-n", name, "link", "set", a, "up");
        IpCommand.run("-n", name, "link", "set", b, "up");
    }

    public void close()
    {
        IpCommand.tryRun("netns", "del", name);
        try
        {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (final IllegalStateException ignore)
        {
            // already shutting down: the hook runs anyway
        }
    }

    private static void removeStale()
    {
        final IpCommand.Result list = IpCommand.tryRun("netns", "list");
        for (final String line : list.output().split("\n"))
        {
            final String ns = line.split(" ")[0];
            if (ns.startsWith(PREFIX))
            {
                final List<String> parts = List.of(ns.substring(PREFIX.length()).split("-"));
                try
                {
                    final long pid = Long.parseLong(parts.get(0));
                    if (ProcessHandle.of(pid).isEmpty())
                    {
                        IpCommand.tryRun("netns", "del", ns);
                    }
                }
                catch (final NumberFormatException ignore)
                {
                    // not one of ours
                }
            }
        }
    }
}
