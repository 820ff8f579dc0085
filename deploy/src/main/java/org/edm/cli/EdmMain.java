package org.edm.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edm} command: one entry point for every tool of the project. Each subcommand lives in the module that
 * owns its subject (the simulator in benchmarks, the agents in their modules) and is registered here.
 */
@Command(
    name = "edm",
    mixinStandardHelpOptions = true,
    versionProvider = EdmVersion.class,
    description = "EDM fabric emulator: remote memory over Ethernet at the PHY layer.",
    subcommands = { CommandLine.HelpCommand.class })
public final class EdmMain implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(final String[] args)
    {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code; never calls {@code System.exit}, so tests can use it. */
    public static int run(final String... args)
    {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine()
    {
        final CommandLine commandLine = new CommandLine(new EdmMain());
        Subcommands.register(commandLine);
        commandLine.setExecutionExceptionHandler(new ControlPlaneExceptionHandler());
        return commandLine;
    }

    public void run()
    {
        spec.commandLine().usage(System.out);
    }
}
