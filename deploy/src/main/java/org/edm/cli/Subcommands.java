package org.edm.cli;

import org.edm.bench.JmhCommand;
import org.edm.bench.floor.FloorCommand;
import org.edm.cli.agents.HostCommand;
import org.edm.cli.bench.BenchCommand;
import org.edm.cli.bench.DemoCommand;
import org.edm.cli.agents.SwitchCommand;
import org.edm.cli.rack.RackCommand;
import org.edm.cli.verify.VerifyCommand;
import org.edm.cli.phy.PhyCommand;
import org.edm.sim.RackSimulationRunner;
import org.edm.sim.SimCommand;
import picocli.CommandLine;

/** The list of {@code edm} subcommands, in the order {@code edm --help} shows them. */
final class Subcommands
{
    private Subcommands()
    {
    }

    static void register(final CommandLine edm)
    {
        edm.addSubcommand(new DemoCommand());
        edm.addSubcommand(new PhyCommand());
        edm.addSubcommand(new SimCommand(new RackSimulationRunner()));
        final CommandLine jmh = new CommandLine(new JmhCommand());
        jmh.setUnmatchedArgumentsAllowed(true);
        jmh.setUnmatchedOptionsArePositionalParams(true);
        edm.addSubcommand(jmh);
        edm.addSubcommand(new RackCommand());
        edm.addSubcommand(new SwitchCommand());
        edm.addSubcommand(new HostCommand());
        edm.addSubcommand(new VerifyCommand());
        edm.addSubcommand(new FloorCommand());
        edm.addSubcommand(new BenchCommand());
    }
}
