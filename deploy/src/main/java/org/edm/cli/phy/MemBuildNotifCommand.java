package org.edm.cli.phy;

import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edm phy mem build notif}: the one block of a NOTIF. */
@Command(
    name = "notif",
    mixinStandardHelpOptions = true,
    description = "Writes a NOTIF: a host tells the switch's scheduler it has a write of --length bytes for --dst. "
        + "One block; the sender is the switch port it arrives on.",
    footerHeading = "%nExample:%n",
    footer = "  edm phy mem build notif --dst 2 --tag 8 --length 5",
    sortOptions = false)
final class MemBuildNotifCommand extends MemBuildCommand
{
    @Option(names = "--dst", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The receiver of the write (the memory node).")
    Long destination;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The WREQ's tag (default 0).")
    Long tag;

    @Option(names = "--length", required = true, paramLabel = "BYTES", converter = PhyNumber.class,
        description = "The bytes of the WREQ.")
    Long length;

    @CommandLine.Mixin
    MemBuildOptions common;

    protected MemBuildOptions common()
    {
        return common;
    }

    protected void build(final Segmenter segmenter)
    {
        final long payload = segmenter.notif(length("--length", length), tag(tag), 0, node("--dst", destination));
        emit(segmenter.sync(), payload);
    }
}
