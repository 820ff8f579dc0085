package org.edm.cli.phy;

import org.edm.phy.mem.Framing;
import org.edm.phy.pcs.Block;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code edm phy mem parse}: block lines back into memory messages. Memory blocks go through a
 * {@link MessageAssembler} (one link direction's {@code Reassembler}); every other clause 49 block (idles, MAC frame
 * blocks) is skipped, so the output of {@code edm phy encode --frames} mixed with memory blocks parses too. Each
 * message is printed when its last block arrives; malformed sequences and messages left incomplete are reported on
 * stderr with the lines where they were found, and make the exit status 1.
 */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
        "Reads 66-bit blocks and prints the memory messages they carry.",
        "Input: SH PAYLOAD, one block per line (as edm phy mem build and edm phy encode write them). Output: one line "
            + "per message when its last block arrives: class, source, destination, tag, key, address, length, data "
            + "(hex) and flags or completion status, then the input lines it came from.",
        "Messages may be interleaved, as a link carries them (a WREQ inside an RRESP, or two of one class with a "
            + "resume announcement). Idle and MAC frame blocks are skipped. Blank lines and # comments are ignored.",
        "Malformed sequences (a block with no message open, a length that disagrees with the blocks, a resume of an "
            + "unknown message, ...) and messages still incomplete at the end are reported on stderr with their line "
            + "numbers, with a summary; the exit status is then 1. Text that does not parse, or a block that is "
            + "neither clause 49 nor memory, stops the tool with exit status 1." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy mem build rreq --src 1 --dst 2 --length 64 | edm phy mem parse",
        "  edm phy mem parse --blocks --framing wire-8 link.txt",
        "  cat rresp.txt write.txt | edm phy mem parse -" },
    sortOptions = false)
final class PhyMemParseCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--framing", paramLabel = "FRAMING", converter = FramingOption.class, defaultValue = "wire-7",
        description = FramingOption.DESCRIPTION)
    Framing framing;

    @Option(names = "--blocks", description = "Also list every block with its line number and what it is.")
    boolean blocks;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "Input file; standard input when absent or -.")
    Path file;

    public Integer call()
    {
        final String source = PhyText.sourceName(file);
        final PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        final PrintWriter err = spec.commandLine().getErr();
        final MessageAssembler assembler = new MessageAssembler(framing, line -> "line " + line);
        final long[] received = new long[1];
        final long[] skipped = new long[1];
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                final int sync = PhyText.parseBlock(fields, received, source, line);
                final long payload = received[0];
                if (!assembler.isMemoryBlock(sync, payload))
                {
                    if (!BlockNames.isClause49(sync, payload))
                    {
                        throw new PhyInputException(source, line, unknownBlock(sync, payload));
                    }
                    if (!Block.isIdle(sync, payload))
                    {
                        skipped[0]++;
                    }
                    if (blocks)
                    {
                        out.printf("%6d  %s  %s%n", line, PhyText.blockText(sync, payload),
                            BlockNames.describe(sync, payload));
                    }
                    return;
                }
                final MessageAssembler.BlockReport report = assembler.accept(sync, payload, line);
                if (blocks)
                {
                    out.printf("%6d  %s  %s%n", line, PhyText.blockText(sync, payload), report.description());
                }
                if (report.completed() != null)
                {
                    out.println((blocks ? "=> " : "") + report.completed() + "  # " + lines(report.completed()));
                }
                for (final MessageAssembler.Problem problem : report.problems())
                {
                    out.flush();
                    err.println("edm phy mem parse: " + source + ":" + line + ": " + problem.text());
                }
            });
        }
        catch (final PhyInputException ex)
        {
            out.flush();
            err.println("edm phy mem parse: " + ex.getMessage());
            return PhyText.EXIT_BAD_INPUT;
        }
        out.flush();
        return summarise(assembler, source, skipped[0], err);
    }

    private int summarise(final MessageAssembler assembler, final String source, final long skipped, final PrintWriter err)
    {
        final List<String> incomplete = new ArrayList<>();
        for (final MemoryMessage message : assembler.incomplete())
        {
            final String what = "incomplete: " + message.identity() + ", " + message.blocks + " of " +
                assembler.blocksOf(message) + " blocks";
            err.println("edm phy mem parse: " + source + ":" + message.firstPosition + ": " + what);
            incomplete.add("line " + message.firstPosition);
        }
        for (final long line : assembler.headersWithoutTag())
        {
            err.println("edm phy mem parse: " + source + ":" + line + ": incomplete: a header whose tag block never came");
            incomplete.add("line " + line);
        }
        final List<MessageAssembler.Problem> problems = assembler.problems();
        if (!problems.isEmpty() || !incomplete.isEmpty())
        {
            final StringBuilder summary = new StringBuilder("edm phy mem parse: ")
                .append(assembler.messagesCompleted()).append(" message(s); ")
                .append(problems.size()).append(" malformed");
            if (!problems.isEmpty())
            {
                summary.append(" (").append(ProblemSummary.byReason(problems, "line ", "lines ")).append(')');
            }
            summary.append(", ").append(incomplete.size()).append(" incomplete");
            if (!incomplete.isEmpty())
            {
                summary.append(" (").append(ProblemSummary.list(incomplete)).append(')');
            }
            err.println(summary);
        }
        if (skipped > 0)
        {
            err.println("edm phy mem parse: " + skipped + " MAC frame block(s) skipped (edm phy decode --frames " +
                "reads them)");
        }
        return problems.isEmpty() && incomplete.isEmpty() ? 0 : PhyText.EXIT_BAD_INPUT;
    }

    private String unknownBlock(final int sync, final long payload)
    {
        if (sync == Block.SYNC_CONTROL)
        {
            return String.format("unknown block: type 0x%02X is neither a clause 49 nor an EDM memory block type",
                Block.type(payload));
        }
        return "unknown block: sync header " + Block.syncText(sync) + " is used neither by clause 49 nor by the " +
            framing.name() + " framing (only wire-8 uses 00 and 11, for memory data)";
    }

    private static String lines(final MemoryMessage message)
    {
        return message.firstPosition == message.lastPosition ? "line " + message.firstPosition :
            "lines " + message.firstPosition + "-" + message.lastPosition;
    }
}
