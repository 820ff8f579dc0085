package org.edm.bench.floor;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edm floor}: the raw-frame floor of this machine, measured through the project's own ports. */
@Command(name = "floor", mixinStandardHelpOptions = true,
    description = "Measure the raw-frame floor through the project's ports: ping-pong latency and frame rate.",
    subcommands = { PingPongCommand.class, TxRateCommand.class, CommandLine.HelpCommand.class })
public final class FloorCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
