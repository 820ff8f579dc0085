package org.edm.cli.bench;

import org.edm.bench.run.RackChoice;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.rack.LocalRack;
import org.edm.nativeio.rack.RackDescription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The demo's rack: a local rack of two hosts in network namespaces when this process may make one (root, iproute2),
 * else in-memory cables. A namespace rack it brought up is taken down on {@link #close()}, and by a shutdown hook if
 * the JVM ends first (Ctrl-C, SIGTERM), so a demo never leaves namespaces behind.
 */
final class DemoRack implements AutoCloseable
{
    /** The default name of the demo's namespace rack: its namespaces are edm-demo-h0, edm-demo-h1 and edm-demo-sw. */
    static final String RACK_NAME = "demo";

    private final String name;
    private final RackChoice choice;
    private final Path file;
    private final Path directory;
    private final Thread hook;
    private final Consumer<String> say;
    private boolean down;

    private DemoRack(
        final String name, final RackChoice choice, final Path file, final Path directory, final Consumer<String> say)
    {
        this.name = name;
        this.choice = choice;
        this.file = file;
        this.directory = directory;
        this.say = say;
        this.hook = file == null ? null : Thread.ofPlatform().name("edm-demo-teardown").unstarted(this::takeDown);
    }

    /**
     * @param name     the namespace rack's name.
     * @param inMemory in-memory cables even when a namespace rack could be made.
     * @param say      receives one line per step.
     */
    static DemoRack open(final String name, final boolean inMemory, final Consumer<String> say)
    {
        final String cannot = inMemory ? "--in-memory asked for it" : whyNoNamespaces();
        if (cannot != null)
        {
            say.accept("rack: 2 hosts and the switch over in-memory cables in this process (" + cannot + ")");
            return new DemoRack(name, RackChoice.generated(), null, null, say);
        }
        final Path directory;
        try
        {
            directory = Files.createTempDirectory("edm-demo");
        }
        catch (final IOException e)
        {
            throw new IllegalStateException("cannot make a temporary directory for the rack file: " + e.getMessage(), e);
        }
        final Path file = directory.resolve(name + ".yaml");
        final DemoRack rack;
        say.accept("rack: bringing up local rack '" + name + "': 2 host namespaces and a switch namespace " +
            "joined by veth pairs (as root; --in-memory skips this)");
        final RackDescription description = new LocalRack(line -> { }).up(name, 2, file);
        rack = new DemoRack(name, new RackChoice(description, file.toString(), false, null, null), file, directory,
            say);
        Runtime.getRuntime().addShutdownHook(rack.hook);
        say.accept("rack: up; the agents run in this process over AF_PACKET ports in its namespaces");
        return rack;
    }

    /** Why a namespace rack cannot be made here, or null when it can. */
    private static String whyNoNamespaces()
    {
        if (!(Capabilities.has(Capabilities.CAP_NET_ADMIN) && Capabilities.has(Capabilities.CAP_SYS_ADMIN) &&
            Capabilities.has(Capabilities.CAP_NET_RAW)))
        {
            return "not root: network namespaces need CAP_NET_ADMIN, CAP_SYS_ADMIN and CAP_NET_RAW; run it with sudo " +
                "for a namespace rack";
        }
        if (!IpCommand.isAvailable())
        {
            return "iproute2's 'ip' is not installed";
        }
        return null;
    }

    RackChoice choice()
    {
        return choice;
    }

    public void close()
    {
        if (hook != null)
        {
            takeDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the JVM is exiting: the hook runs (or ran) takeDown, which is idempotent
            }
        }
    }

    private synchronized void takeDown()
    {
        if (down)
        {
            return;
        }
        down = true;
        try
        {
            new LocalRack(line -> { }).down(file);
            say.accept("rack: '" + name + "' taken down");
        }
        catch (final RuntimeException e)
        {
            say.accept("rack: could not take '" + name + "' down (" + e.getMessage() + "); 'edm rack down " +
                "--file " + file + "' removes it");
            return;
        }
        try
        {
            Files.deleteIfExists(directory);
        }
        catch (final IOException ignored)
        {
            // a temporary directory left behind is harmless
        }
    }
}
