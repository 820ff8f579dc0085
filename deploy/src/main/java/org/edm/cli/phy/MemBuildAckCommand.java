package org.edm.cli.phy;

import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code edm phy mem build ack}: the one block of an ACK. */
@Command(
    name = "ack",
    mixinStandardHelpOptions = true,
    description = "Writes an ACK: a memory node acknowledges a write, or completes a failed read or write with an "
        + "error status. One block, routed to the requester.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build ack --requester 1 --tag 8 --length 5",
        "  edm phy mem build ack --requester 1 --tag 7 --status bad-key" },
    sortOptions = false)
final class MemBuildAckCommand extends MemBuildCommand
{
    @Option(names = "--requester", required = true, paramLabel = "NODE", converter = PhyNumber.class,
        description = "The node that issued the request.")
    Long requester;

    @Option(names = "--tag", paramLabel = "TAG", converter = PhyNumber.class, defaultValue = "0",
        description = "The request's tag (default 0).")
    Long tag;

    @Option(names = "--status", paramLabel = "STATUS", defaultValue = "success",
        description = "How the request ended: success, bad-key, out-of-bounds, bad-length, unknown-node, malformed, "
            + "no-resources, or a number 0-15 (default success).")
    String status;

    @Option(names = "--length", paramLabel = "BYTES", converter = PhyNumber.class, defaultValue = "0",
        description = "Bytes written (default 0, as for an error).")
    Long length;

    @CommandLine.Mixin
    MemBuildOptions common;

    protected MemBuildOptions common()
    {
        return common;
    }

    protected void build(final Segmenter segmenter)
    {
        final long payload = segmenter.ack(length("--length", length), tag(tag), status(), node("--requester",
            requester));
        emit(segmenter.sync(), payload);
    }

    private int status()
    {
        final List<String> names = new ArrayList<>();
        for (int code = 0; CompletionStatus.isWireCode(code); code++)
        {
            final String name = CompletionStatus.name(code);
            if (name.equals(status))
            {
                return code;
            }
            if (!name.startsWith("status-"))
            {
                names.add(name);
            }
        }
        try
        {
            final long code = PhyNumber.parse(status);
            if (code < 16)
            {
                return (int)code;
            }
        }
        catch (final IllegalArgumentException ex)
        {
            // not a number either: fall through to the usage error
        }
        throw usage("--status '" + status + "' is not one of " + String.join(", ", names) + " or a number 0-15");
    }
}
