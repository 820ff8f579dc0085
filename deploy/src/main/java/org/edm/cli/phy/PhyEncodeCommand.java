package org.edm.cli.phy;

import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.pcs.BlockEncoder;
import org.edm.phy.pcs.BlockSink;
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
 * {@code edm phy encode}: XGMII transfers in, 66-bit blocks out, through the clause 49 transmit process
 * ({@link BlockEncoder}) and optionally the scrambler. Invalid transfers and sequence errors become error blocks, as
 * the standard says, and are counted on stderr; only text that does not parse is an error. With {@code --frames} the
 * input is Ethernet frames instead, sent through the link layer's MAC frame encoder ({@link FrameBlockEncoder}).
 */
@Command(
    name = "encode",
    mixinStandardHelpOptions = true,
    description = {
        "Encodes XGMII transfers into 66-bit blocks (IEEE 802.3 clause 49 transmit state machine), one block each.",
        "Input, one transfer per line: TXD TXC. TXD is 16 hex digits, lane 0 (the first byte on the wire) is the "
            + "least significant byte; TXC is 2 hex digits, bit i set when lane i is a control character.",
        "Output, one block per line: SH PAYLOAD. SH is the sync header in transmission order (01 data, 10 control); "
            + "PAYLOAD is 16 hex digits, bit 0 sent first, so a control block's type is the last two digits.",
        "Blank lines and # comments are ignored. Invalid transfers become error blocks (type 1E, all /E/).",
        "With --frames, each input line is one Ethernet frame in hex instead, destination MAC through payload "
            + "without FCS (as Linux shows frames). The MAC pads it to 60 bytes and appends the FCS; the frame goes "
            + "out as start, data and terminate blocks, with idle blocks for the minimum 12-byte gap between frames." },
    footerHeading = "%nExamples:%n",
    footer = {
        "  edm phy encode transfers.txt",
        "  edm phy encode --scramble --seed 123456789ABCDEF transfers.txt",
        "  echo ffffffffffff02000000000108060001 | edm phy encode --frames",
        "  edm phy encode --frames frames.txt | edm phy decode --frames" },
    sortOptions = false)
final class PhyEncodeCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--frames",
        description = "Read Ethernet frames (hex, one per line, no FCS) instead of XGMII transfers.")
    boolean frames;

    @Option(names = "--max-frame", paramLabel = "BYTES", defaultValue = "" + MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH,
        description = "With --frames: the largest frame accepted, without FCS (default ${DEFAULT-VALUE}: a 1500-byte "
            + "MTU plus the Ethernet header; up to " + MacBlockFraming.MAX_MAX_FRAME_LENGTH + " for jumbo frames).")
    int maxFrame;

    @Option(names = "--scramble",
        description = "Scramble the payloads with x^58 + x^39 + 1 (off by default, as in the EDM prototype).")
    boolean scramble;

    private Long seed;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "Input file; standard input when absent or -.")
    Path file;

    @Option(names = "--seed", paramLabel = "HEX",
        description = "Scrambler state: the last 58 scrambled bits, oldest in bit 0 (default 3FFFFFFFFFFFFFF, all ones "
            + "as at power-up). Needs --scramble.")
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
        if (seed != null && !scramble)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seed needs --scramble");
        }
        final Scrambler scrambler = scramble ? new Scrambler(seed == null ? Scrambler.POWER_UP_STATE : seed) : null;
        final PrintWriter out = new PrintWriter(new BufferedWriter(spec.commandLine().getOut()), false);
        return frames ? encodeFrames(scrambler, out) : encodeTransfers(scrambler, out);
    }

    private int encodeTransfers(final Scrambler scrambler, final PrintWriter out)
    {
        if (maxFrame != MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-frame needs --frames");
        }
        final BlockEncoder encoder = new BlockEncoder();
        final String source = PhyText.sourceName(file);
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                PhyText.expectFields(fields, "TXD TXC", source, line);
                final long txd = PhyText.hex(fields[0], 16, "TXD", source, line);
                final int txc = (int)PhyText.hex(fields[1], 2, "TXC", source, line);
                final long payload = encoder.encode(txd, txc);
                PhyText.printBlock(out, encoder.sync(), scrambler == null ? payload : scrambler.scramble(payload));
            });
        }
        catch (final PhyInputException ex)
        {
            out.flush();
            spec.commandLine().getErr().println("edm phy encode: " + ex.getMessage());
            return PhyText.EXIT_BAD_INPUT;
        }
        out.flush();
        if (encoder.errorBlocks() > 0)
        {
            spec.commandLine().getErr().println("edm phy encode: " + encoder.errorBlocks() +
                " error block(s) sent for invalid transfers or sequence errors");
        }
        return 0;
    }

    private int encodeFrames(final Scrambler scrambler, final PrintWriter out)
    {
        if (maxFrame < MacBlockFraming.MIN_FRAME_LENGTH || maxFrame > MacBlockFraming.MAX_MAX_FRAME_LENGTH)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-frame " + maxFrame + " is outside " +
                MacBlockFraming.MIN_FRAME_LENGTH + ".." + MacBlockFraming.MAX_MAX_FRAME_LENGTH);
        }
        final BlockSink printer = (sync, payload) ->
            PhyText.printBlock(out, sync, scrambler == null ? payload : scrambler.scramble(payload));
        final FrameBlockEncoder encoder = new FrameBlockEncoder(maxFrame, printer);
        final String source = PhyText.sourceName(file);
        try
        {
            PhyText.forEachLine(file, System.in, (fields, line) ->
            {
                PhyText.expectFields(fields, "FRAME", source, line);
                final byte[] frame = PhyText.hexBytes(fields[0], "FRAME", source, line);
                if (encoder.encode(frame) == MacFrameQueue.TOO_LONG)
                {
                    throw new PhyInputException(source, line, "frame of " + frame.length +
                        " bytes is longer than the maximum of " + encoder.maxFrameLength() + " (without FCS; see " +
                        "--max-frame)");
                }
            });
        }
        catch (final PhyInputException ex)
        {
            out.flush();
            spec.commandLine().getErr().println("edm phy encode: " + ex.getMessage());
            return PhyText.EXIT_BAD_INPUT;
        }
        out.flush();
        return 0;
    }
}
