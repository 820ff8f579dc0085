package org.edm.cli;

import picocli.CommandLine;

/** The list of {@code edm} subcommands, in the order {@code edm --help} shows them. */
final class Subcommands
{
    private Subcommands()
    {
    }

    static void register(final CommandLine edm)
    {
        edm.addSubcommand(new org.edm.cli.rack.RackCommand());
        edm.addSubcommand(new org.edm.bench.floor.FloorCommand());
    }
}
