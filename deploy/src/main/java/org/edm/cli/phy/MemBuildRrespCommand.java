package org.edm.cli.phy;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edm phy mem build rresp}: the blocks of a read response. */
@Command(
    name = "rresp",
    mixinStandardHelpOptions = true,
    description = "Writes the blocks of a read response (RRESP): header, tag and data blocks (wire framing). It goes "
        + "from the memory node (--src) to the requester (--dst) and echoes the RREQ's tag. Give the data with "
        + "--data, or only a length with --length (the data is then zeros).",
    footerHeading = "%nExample:%n",
    footer = "  edm phy mem build rresp --src 2 --dst 1 --tag 7 --data 0102030405060708090a",
    sortOptions = false)
final class MemBuildRrespCommand extends MemBuildCommand
{
    @Option(names = "--src", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The memory node.")
    Long source;

    @Option(names = "--dst", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The requester.")
    Long destination;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The tag of the RREQ this answers (default 0).")
    Long tag;

    @Option(names = "--data", paramLabel = "HEX", description = "The bytes read, as hex digit pairs.")
    String data;

    @Option(names = "--length", paramLabel = "BYTES", converter = PhyNumber.class,
        description = "Instead of --data: the number of bytes, all zero (the only choice with netsim).")
    Long length;

    @CommandLine.Mixin
    MemBuildOptions common;

    protected MemBuildOptions common()
    {
        return common;
    }

    protected void build(final Segmenter segmenter)
    {
        requireCarried("--data", data);
        final MessageDescriptor message = new MessageDescriptor().set(
            MemoryBlockTypes.CLASS_RRESP, 0, node("--src", source), node("--dst", destination), tag(tag), 0, 0);
        emitMessage(segmenter, withPayload(message, data, length));
    }
}
