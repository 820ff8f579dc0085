package org.edm.cli;

import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.rack.LocalRack;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** Test support for commands run against a real local rack of network namespaces (root only). */
public final class NamespaceRacks
{
    private NamespaceRacks()
    {
    }

    /**
     * Skips the calling test, saying so on stderr, unless this process may create namespaces and raw sockets (root)
     * and iproute2 is installed.
     *
     * @param what what is skipped, for the message: "edm verify on a namespace rack".
     */
    public static void assumeRoot(final String what)
    {
        final boolean capable = Capabilities.has(Capabilities.CAP_NET_ADMIN) &&
            Capabilities.has(Capabilities.CAP_SYS_ADMIN) && Capabilities.has(Capabilities.CAP_NET_RAW);
        if (!capable)
        {
            System.err.println("[edm deploy tests] " + what + " skipped: needs root " +
                "(CAP_NET_ADMIN, CAP_SYS_ADMIN, CAP_NET_RAW)");
        }
        Assumptions.assumeTrue(capable, "skipped: needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN, CAP_NET_RAW)");
        Assumptions.assumeTrue(IpCommand.isAvailable(), "skipped: iproute2's 'ip' is not installed");
    }

    /** A rack name of this test JVM ("ct" + pid + suffix), which CI's guard removes if a killed JVM left it up. */
    public static String rackName(final String suffix)
    {
        return "ct" + ProcessHandle.current().pid() % 1_000_000 + suffix;
    }

    /**
     * Runs a daemon command ({@code edm switch ...}, {@code edm host ...}) on a thread of its own, as its own process
     * would: 6 s, quiet, a small region without huge pages, then {@code extra}.
     */
    public static CompletableFuture<EdmCli.Result> daemon(final String[] extra, final String... args)
    {
        final CompletableFuture<EdmCli.Result> result = new CompletableFuture<>();
        final String[] common = concat(new String[] { "--seconds", "6", "--quiet", "--set",
            "edm.memory.region.bytes=1m", "--set", "edm.memory.huge.pages=false" }, extra);
        Thread.ofPlatform().name("daemon-" + args[0]).start(() -> result.complete(EdmCli.run(concat(args, common))));
        return result;
    }

    /** Takes a two-host rack down; if that fails, deletes its namespaces by name so that nothing is left behind. */
    public static void down(final Path file, final String name)
    {
        try
        {
            new LocalRack(line -> { }).down(file);
        }
        catch (final RuntimeException e)
        {
            IpCommand.tryRun("netns", "del", "edm-" + name + "-h0");
            IpCommand.tryRun("netns", "del", "edm-" + name + "-h1");
            IpCommand.tryRun("netns", "del", "edm-" + name + "-sw");
        }
    }

    public static String[] concat(final String[] a, final String[] b)
    {
        final String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    public static void sleep(final long millis)
    {
        try
        {
            Thread.sleep(millis);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
