package org.edm.cli.phy;

import org.edm.phy.mem.AddressBlock;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edm phy mem build rreq}: the blocks of a read request. */
@Command(
    name = "rreq",
    mixinStandardHelpOptions = true,
    description = "Writes the blocks of a read request (RREQ): header, tag and address (wire framing), or header and "
        + "one more block (netsim).",
    footerHeading = "%nExample:%n",
    footer = {
        "  edm phy mem build rreq --src 1 --dst 2 --tag 7 --key 0x2a --address 0x1000 \\",
        "      --length 64" },
    sortOptions = false)
final class MemBuildRreqCommand extends MemBuildCommand
{
    @Option(names = "--src", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The requester.")
    Long source;

    @Option(names = "--dst", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The memory node.")
    Long destination;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The request's tag, echoed by its response (default 0).")
    Long tag;

    @Option(names = "--key", paramLabel = "KEY", converter = PhyNumber.class,
        description = "The memory region key, 32 bits (default 0; wire framing only).")
    Long key;

    @Option(names = "--address", paramLabel = "ADDRESS", converter = PhyNumber.class,
        description = "The byte offset in the region, 56 bits (default 0; wire framing only).")
    Long address;

    @Option(names = "--length", required = true, paramLabel = "BYTES", converter = PhyNumber.class,
        description = "The bytes to read.")
    Long length;

    @CommandLine.Mixin
    MemBuildOptions common;

    protected MemBuildOptions common()
    {
        return common;
    }

    protected void build(final Segmenter segmenter)
    {
        requireCarried("--key", key);
        requireCarried("--address", address);
        final MessageDescriptor message = new MessageDescriptor().set(
            MemoryBlockTypes.CLASS_RREQ,
            length("--length", length),
            node("--src", source),
            node("--dst", destination),
            tag(tag),
            key == null ? 0 : (int)checked("--key", key, 0xFFFF_FFFFL),
            address == null ? 0 : checked("--address", address, AddressBlock.MAX_ADDRESS));
        emitMessage(segmenter, message);
    }
}
