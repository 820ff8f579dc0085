package org.edm.cli.rack;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.edm.cli.agents.RackRunCommand;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.LocalRack;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edm rack up|status|down}: a local rack of network namespaces joined by veth pairs, and the rack description
 * file every other command accepts. The work is done by {@link LocalRack} in the native module.
 */
@Command(
    name = "rack",
    mixinStandardHelpOptions = true,
    description = "Bring a local rack of network namespaces up or down, show a rack (local or lab), or run a " +
        "whole local rack in one process.",
    subcommands = { RackCommand.Up.class, RackCommand.Status.class, RackCommand.Down.class, RackRunCommand.class,
        CommandLine.HelpCommand.class })
public final class RackCommand implements Runnable
{
    private static final String ALTERNATIVES = "run as root, or use a rack of in-memory ports (one process, no " +
        "privileges) or UDP ports";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which rack a command means: --file, else the default file of --name. */
    static final class Which
    {
        @Option(names = "--name", description = "Rack name (default: ${DEFAULT-VALUE}).", defaultValue = "r0")
        String name;

        @Option(names = { "--file", "--rack" }, description = "Rack description file (default: /run/edm/racks/NAME.yaml).")
        Path file;

        Path file()
        {
            return file != null ? file : LocalRackLayout.defaultFile(LocalRackLayout.checkName(name));
        }
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
        description = "Create N host namespaces and one switch namespace joined by veth pairs (switch port i to " +
            "host i), with stable names and MACs, and write the rack description file.")
    static final class Up implements Runnable
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--hosts", required = true, description = "Number of hosts (1..256).")
        int hosts;

        @CommandLine.Mixin
        Which which = new Which();

        public void run()
        {
            Capabilities.require(Capabilities.CAP_NET_ADMIN, "'edm rack up' (creating veth pairs)", ALTERNATIVES);
            Capabilities.require(Capabilities.CAP_SYS_ADMIN, "'edm rack up' (creating network namespaces)",
                ALTERNATIVES);
            final PrintWriter out = spec.commandLine().getOut();
            new LocalRack(line -> out.println(line)).up(LocalRackLayout.checkName(which.name), hosts, which.file());
            out.flush();
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show a rack: its hosts, node ids, roles, interfaces, MACs and (local rack) whether each " +
            "namespace and link is there and up.")
    static final class Status implements Runnable
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Which which = new Which();

        public void run()
        {
            final Path file = which.file();
            final RackDescription rack = RackFile.read(file);
            final PrintWriter out = spec.commandLine().getOut();
            out.println("file " + file);
            new LocalRack(line -> { }).status(rack).forEach(out::println);
            out.flush();
        }
    }

    @Command(name = "down", mixinStandardHelpOptions = true,
        description = "Remove exactly the namespaces 'up' made for this rack, then its description file.")
    static final class Down implements Runnable
    {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Which which = new Which();

        public void run()
        {
            Capabilities.require(Capabilities.CAP_SYS_ADMIN, "'edm rack down' (deleting network namespaces)",
                ALTERNATIVES);
            final PrintWriter out = spec.commandLine().getOut();
            new LocalRack(line -> out.println(line)).down(which.file());
            out.flush();
        }
    }
}
