package org.edm.cli.phy;

import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
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
 * The decoder's one-block lookahead is flushed at the end of the input as if the line went idle. With
 * {@code --frames} the blocks are read back into Ethernet frames instead, by the link layer's receive demultiplexer
 * ({@link FrameBlockDecoder}); memory blocks are allowed then, and skipped.
 */
@Command(
    name = "decode",
    mixinStandardHelpOptions = true,
    description = {
        "Decodes 66-bit blocks into XGMII transfers (IEEE 802.3 clause 49 receive state machine), one transfer each.",
        "Input, one block per line: SH PAYLOAD (as edm phy encode writes them). Output: TXD TXC.",
        "Blank lines and # comments are ignored. Blocks with invalid content and sequence errors become /E/ "
            + "(FEFEFEFEFEFEFEFE FF); a sync header other than 01/10 or an unknown block type is an error.",
        "A terminate is checked against the block after it, so the last block is decided as if idle followed.",
        "With --frames, the blocks are read back into Ethernet frames instead, printed in hex one per line, FCS "
            + "checked and stripped (a frame padded to 60 bytes by the sender stays padded). Memory blocks may be "
            + "mixed in, also inside frames, and are skipped. A bad FCS, a runt or broken framing is reported on "
            + "stderr with the line of the block where it was found; decoding goes on and the exit status is 1." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy encode transfers.txt | edm phy decode",
        "  edm phy decode --descramble scrambled-blocks.txt",
        "  edm phy encode --frames frames.txt | edm phy decode --frames",
        "  edm phy decode --frames --framing wire-8 link-blocks.txt" },
    sortOptions = false)
final class PhyDecodeCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--frames", description = "Decode the blocks into Ethernet frames (hex, one per line).")
    boolean frames;

    @Option(names = "--framing", paramLabel = "FRAMING", converter = FramingOption.class,
        description = "With --frames: which memory blocks to skip. " + FramingOption.DESCRIPTION)
    Framing framing;

    @Option(names = "--max-frame", paramLabel = "BYTES",
        description = "With --frames: the largest frame accepted, without FCS (default "
            + MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH + ").")
    Integer maxFrame;

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
        final Descrambler descrambler =
            descramble ? new Descrambler(seed == null ? Scrambler.POWER_UP_STATE : seed) : null;
        final PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        if (frames)
        {
            return decodeFrames(descrambler, out);
        }
        if (framing != null || maxFrame != null)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                (framing != null ? "--framing" : "--max-frame") + " needs --frames");
        }
        final BlockDecoder decoder = new BlockDecoder();
        final String source = PhyText.sourceName(file);
        final long[] received = new long[1];
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                final int sync = PhyText.parseBlock(fields, received, source, line);
                final long payload = descrambler == null ? received[0] : descrambler.descramble(received[0]);
                checkKnownBlock(sync, payload, false, source, line);
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

    private int decodeFrames(final Descrambler descrambler, final PrintWriter out)
    {
        final int maxFrameLength = maxFrame == null ? MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH : maxFrame;
        if (maxFrameLength < MacBlockFraming.MIN_FRAME_LENGTH || maxFrameLength > MacBlockFraming.MAX_MAX_FRAME_LENGTH)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-frame " + maxFrameLength +
                " is outside " + MacBlockFraming.MIN_FRAME_LENGTH + ".." + MacBlockFraming.MAX_MAX_FRAME_LENGTH);
        }
        final boolean eightByteData = framing != null && FramingOption.eightByteData(framing);
        final String source = PhyText.sourceName(file);
        final PrintWriter err = spec.commandLine().getErr();
        final FrameBlockDecoder decoder = new FrameBlockDecoder(maxFrameLength, eightByteData,
            frame -> out.println(PhyText.hex(frame)),
            (line, message) ->
            {
                out.flush();
                err.println("edm phy decode: " + source + ":" + line + ": " + message);
            });
        final long[] received = new long[1];
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                final int sync = PhyText.parseBlock(fields, received, source, line);
                final long payload = descrambler == null ? received[0] : descrambler.descramble(received[0]);
                if (!MemoryBlockTypes.isMemoryBlock(sync, payload, eightByteData))
                {
                    checkKnownBlock(sync, payload, true, source, line);
                }
                decoder.accept(sync, payload, line);
            });
        }
        catch (final PhyInputException ex)
        {
            out.flush();
            err.println("edm phy decode: " + ex.getMessage());
            return PhyText.EXIT_BAD_INPUT;
        }
        decoder.finish();
        out.flush();
        if (decoder.memoryBlocks() > 0)
        {
            err.println("edm phy decode: " + decoder.memoryBlocks() + " memory block(s) skipped " +
                "(edm phy mem parse reads them)");
        }
        return decoder.problems() > 0 ? PhyText.EXIT_BAD_INPUT : 0;
    }

    private void checkKnownBlock(
        final int sync, final long payload, final boolean memoryAllowed, final String source, final long line)
    {
        if (!Block.isValidSync(sync))
        {
            throw new PhyInputException(source, line, "unknown block: sync header " + Block.syncText(sync) +
                " is not used by clause 49 (01 data, 10 control)" +
                (memoryAllowed ? "; only --framing wire-8 uses it, for memory data" : ""));
        }
        if (sync == Block.SYNC_CONTROL && !BlockTypes.isClause49(Block.type(payload)))
        {
            throw new PhyInputException(source, line, String.format(
                "unknown block: type 0x%02X is not a clause 49 block type%s%s", Block.type(payload),
                memoryAllowed ? " or an EDM memory type" : "", descramble ? " (after descrambling)" : ""));
        }
    }
}
