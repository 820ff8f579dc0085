package org.edm.cli.phy;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code edm phy}: the parent of the PHY-layer tools. It does nothing itself but print its usage; each tool is a
 * subcommand listed here.
 */
@Command(
    name = "phy",
    mixinStandardHelpOptions = true,
    description = {
        "PHY-layer tools: 64b/66b blocks (IEEE 802.3 clause 49) as text, EDM memory messages as blocks, and the "
            + "carrier frames of a packet capture." },
    subcommands = { PhyEncodeCommand.class, PhyDecodeCommand.class, PhyMemCommand.class, PhyDumpCommand.class })
public final class PhyCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
