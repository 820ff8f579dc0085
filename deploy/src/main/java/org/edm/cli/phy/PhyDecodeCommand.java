package org.edm.cli.phy;

import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockDecoder;
import org.edm.phy.pcs.BlockTypes;
import org.edm.phy.pcs.Descrambler;
import org.edm.phy.pcs.Scrambler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code edm phy decode}: 66-bit blocks in, XGMII transfers out, through the optional descrambler and the clause 49
 * receive process ({@link BlockDecoder}). A block that is not a clause 49 block at all (sync header 00 or 11, or a
 * control type byte outside the standard's fifteen, such as an EDM memory block) is bad input; a known block type
 * with invalid content, and every sequence error, becomes /E/ characters as the standard says, counted on stderr.
 * The decoder's one-block lookahead is flushed at the end of the input as if the line went idle.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
        "Decodes 66-bit blocks into XGMII transfers (IEEE 802.3 clause 49 receive state machine), one transfer each.",
        "Input, one block per line: SH PAYLOAD (as edm phy encode writes them). Output: TXD TXC.",
        "Blank lines and # comments are ignored. Blocks with invalid content and sequence errors become /E/ "
            + "(FEFEFEFEFEFEFEFE FF); a sync header other than 01/10 or an unknown block type is an error.",
        "A terminate is checked against the block after it, so the last block is decided as if idle followed." })
final class PhyDecodeCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--descramble",
        description = "Descramble the payloads (x^58 + x^39 + 1) before decoding; off by default.")
    boolean descramble;

    private Long seed;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "Input file; standard input when absent or -.")
    Path file;

    @Option(names = "--seed", paramLabel = "HEX",
        description = "Descrambler state: the last 58 scrambled bits, oldest in bit 0 (default 3FFFFFFFFFFFFFF). "
            + "A wrong state spoils only the first 58 bits. Needs --descramble.")
    void seed(final String text)
    {
        try
        {
            seed = PhyText.seed(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), ex.getMessage());
        }
    }

    public Integer call()
    {
        if (seed != null && !descramble)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed needs --descramble");
        }
        final BlockDecoder decoder = new BlockDecoder();
        final Descrambler descrambler =
            descramble ? new Descrambler(seed == null ? Scrambler.POWER_UP_STATE : seed) : null;
        final String source = PhyText.sourceName(file);
        final PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                PhyText.expectFields(fields, "SH PAYLOAD", source, line);
                final int sync = Block.parseSyncText(fields[0]);
                if (sync < 0)
                {
                    throw new PhyInputException(source, line,
                        "SH '" + fields[0] + "' is not a sync header; expected 01 (data) or 10 (control)");
                }
                final long received = PhyText.hex(fields[1], 16, "PAYLOAD", source, line);
                final long payload = descrambler == null ? received : descrambler.descramble(received);
                checkKnownBlock(sync, payload, source, line);
                if (decoder.decode(sync, payload))
                {
                    PhyText.printTransfer(out, decoder.rxd(), decoder.rxc());
                }
            });
        }
        catch (final PhyInputException ex)
        {
            out.flush();
            spec.commandLine().getErr().println("edm phy decode: " + ex.getMessage());
            return PhyText.EXIT_BAD_INPUT;
        }
        if (decoder.flush())
        {
            PhyText.printTransfer(out, decoder.rxd(), decoder.rxc());
        }
        out.flush();
        if (decoder.errorTransfers() > 0)
        {
            spec.commandLine().getErr().println("edm phy decode: " + decoder.errorTransfers() +
                " transfer(s) of /E/ delivered for invalid blocks or sequence errors");
        }
        return 0;
    }

    private void checkKnownBlock(final int sync, final long payload, final String source, final long line)
    {
        if (!Block.isValidSync(sync))
        {
            throw new PhyInputException(source, line, "unknown block: sync header " + Block.syncText(sync) +
                " is not used by clause 49 (01 data, 10 control)");
        }
        if (sync == Block.SYNC_CONTROL && !BlockTypes.isClause49(Block.type(payload)))
        {
            throw new PhyInputException(source, line, String.format(
                "unknown block: type 0x%02X is not a clause 49 block type%s", Block.type(payload),
                descramble ? " (after descrambling)" : ""));
        }
    }
}
