package org.edm.cli.phy;

import org.edm.phy.link.RxDemux;
import org.edm.phy.link.RxDropReason;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;

import java.util.function.Consumer;

/**
 * 66-bit blocks back to Ethernet frames, for {@code edm phy decode --frames}: the blocks go through the link layer's
 * receive demultiplexer ({@link RxDemux}), which takes memory blocks out, reassembles frames (also frames interrupted
 * by memory blocks), checks size, preamble and FCS, and strips the FCS. The demux only counts what it drops; this
 * class watches its counters block by block so that every drop is reported with the line of the block where it was
 * found, and the line where the frame it cost began.
 */
final class FrameBlockDecoder
{
    /** Receives one problem: the line of the block where it was found, and what it was. */
    @FunctionalInterface
    interface ProblemHandler
    {
        void problem(long line, String message);
    }

    private final RxDemux demux;
    private final ProblemHandler problems;
    private final long[] dropsBefore = new long[RxDropReason.COUNT];
    private long frameStartLine;
    private long lastLine;
    private long problemCount;

    /**
     * @param maxFrameLength the largest frame accepted, without FCS.
     * @param eightByteData  whether sync headers 00 and 11 are 8-byte memory data blocks (wire-8 framing).
     * @param frames         receives every good frame (destination MAC through payload, FCS stripped, padding kept).
     */
    FrameBlockDecoder(
        final int maxFrameLength, final boolean eightByteData, final Consumer<byte[]> frames,
        final ProblemHandler problems)
    {
        this.demux = new RxDemux((sync, payload) -> { }, (buffer, offset, length) ->
        {
            final byte[] frame = new byte[length];
            buffer.getBytes(offset, frame);
            frames.accept(frame);
        }, maxFrameLength, eightByteData);
        this.problems = problems;
    }

    /** Takes the next block, from input line {@code line}. */
    void accept(final int sync, final long payload, final long line)
    {
        final boolean inFrameBefore = demux.inFrame();
        for (int reason = 0; reason < RxDropReason.COUNT; reason++)
        {
            dropsBefore[reason] = demux.drops(reason);
        }
        demux.accept(sync, payload);
        lastLine = line;
        for (int reason = 0; reason < RxDropReason.COUNT; reason++)
        {
            if (demux.drops(reason) != dropsBefore[reason])
            {
                report(line, reason, inFrameBefore, payload);
            }
        }
        if (sync == Block.SYNC_CONTROL && BlockTypes.isStart(Block.type(payload)))
        {
            frameStartLine = line;
        }
    }

    /** Reports a frame the input ended in. */
    void finish()
    {
        if (demux.inFrame())
        {
            problem(lastLine, "the input ends inside the frame from line " + frameStartLine + ", which is dropped");
        }
    }

    /** Problems reported so far. */
    long problems()
    {
        return problemCount;
    }

    /** Memory blocks taken out of the stream (not frame content). */
    long memoryBlocks()
    {
        return demux.memoryBlocks();
    }

    private void report(final long line, final int reason, final boolean inFrameBefore, final long payload)
    {
        final String what = RxDropText.describe(reason, demux.maxFrameLength(), payload);
        final String consequence;
        if (inFrameBefore)
        {
            consequence = "; the frame from line " + frameStartLine + " is dropped";
        }
        else if (reason == RxDropReason.BAD_PREAMBLE)
        {
            consequence = "; the frame is dropped";
        }
        else
        {
            consequence = "; block skipped";
        }
        problem(line, what + consequence);
    }

    private void problem(final long line, final String message)
    {
        problemCount++;
        problems.problem(line, message);
    }
}
