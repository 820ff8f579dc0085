package org.edm.cli.phy;

import org.edm.phy.mem.AddressBlock;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edm phy mem build wreq}: the blocks of a write request. */
@Command(
    name = "wreq",
    mixinStandardHelpOptions = true,
    description = "Writes the blocks of a write request (WREQ): header, tag, address and data blocks (wire framing). "
        + "Give the data with --data, or only a length with --length (the data is then zeros).",
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build wreq --src 1 --dst 2 --tag 8 --key 0x2a --address 0x1000 \\",
        "      --data 48656c6c6f",
        "  edm phy mem build wreq --src 1 --dst 2 --tag 9 --length 64 --framing wire-8" },
    sortOptions = false)
final class MemBuildWreqCommand extends MemBuildCommand
{
    @Option(names = "--src", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The requester (the writer).")
    Long source;

    @Option(names = "--dst", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The memory node.")
    Long destination;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The request's tag (default 0).")
    Long tag;

    @Option(names = "--key", paramLabel = "KEY", converter = PhyNumber.class,
        description = "The memory region key, 32 bits (default 0; wire framing only).")
    Long key;

    @Option(names = "--address", paramLabel = "ADDRESS", converter = PhyNumber.class,
        description = "The byte offset in the region, 56 bits (default 0; wire framing only).")
    Long address;

    @Option(names = "--data", paramLabel = "HEX", description = "The bytes to write, as hex digit pairs.")
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
        requireCarried("--key", key);
        requireCarried("--address", address);
        requireCarried("--data", data);
        final MessageDescriptor message = new MessageDescriptor().set(
            MemoryBlockTypes.CLASS_WREQ,
            0,
            node("--src", source),
            node("--dst", destination),
            tag(tag),
            key == null ? 0 : (int)checked("--key", key, 0xFFFF_FFFFL),
            address == null ? 0 : checked("--address", address, AddressBlock.MAX_ADDRESS));
        emitMessage(segmenter, withPayload(message, data, length));
    }
}
