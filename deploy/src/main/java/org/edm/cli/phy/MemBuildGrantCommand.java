package org.edm.cli.phy;

import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code edm phy mem build grant}: the one block of a GRANT. */
@Command(
    name = "grant",
    mixinStandardHelpOptions = true,
    description = "Writes a GRANT: the switch's scheduler lets a sender put --quota bytes of a message on the circuit "
        + "to --peer. One block, switch to sender; for the sender's own write unless --response is given.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build grant --peer 2 --tag 8 --quota 256",
        "  edm phy mem build grant --peer 1 --tag 7 --quota 64 --response" },
    sortOptions = false)
final class MemBuildGrantCommand extends MemBuildCommand
{
    @Option(names = "--peer", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The other end of the circuit: the memory node of a write, the requester of a read response.")
    Long peer;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The tag of the message granted (default 0).")
    Long tag;

    @Option(names = "--quota", required = true, paramLabel = "BYTES", converter = PhyNumber.class,
        description = "Bytes the sender may send now (at most one chunk).")
    Long quota;

    @Option(names = "--response", description = "The grant is for a read response (tag and peer name the RREQ).")
    boolean response;

    @CommandLine.Mixin
    MemBuildOptions common;

    protected MemBuildOptions common()
    {
        return common;
    }

    protected void build(final Segmenter segmenter)
    {
        final long payload = segmenter.grant(length("--quota", quota), tag(tag),
            response ? GrantBlock.FLAG_RESPONSE : 0, node("--peer", peer));
        emit(segmenter.sync(), payload);
    }
}
