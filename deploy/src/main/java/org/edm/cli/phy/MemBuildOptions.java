package org.edm.cli.phy;

import org.edm.phy.mem.Framing;
import picocli.CommandLine.Option;

/**
 * The options every {@code edm phy mem build} subcommand has, as a picocli mixin, so that each subcommand's help
 * lists its own options first and these after them.
 */
final class MemBuildOptions
{
    @Option(names = "--framing", paramLabel = "FRAMING", converter = FramingOption.class, defaultValue = "wire-7",
        description = FramingOption.DESCRIPTION)
    Framing framing;

    @Option(names = "--annotate",
        description = "Follow each block with a # comment saying what it is (the parsers ignore comments).")
    boolean annotate;
}
