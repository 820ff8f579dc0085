package org.edm.cli.phy;

import org.edm.cli.phy.pcap.EtherTypes;
import org.edm.cli.phy.pcap.EthernetFrame;
import org.edm.phy.carrier.LinkSequenceTracker;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.RxDemux;
import org.edm.phy.link.RxDropReason;
import org.edm.phy.mem.Framing;

import java.util.ArrayList;
import java.util.List;

/**
 * The receive side of one link direction (one source MAC address) in {@code edm phy dump}, as an EDM receiver runs
 * it: the carrier frames' link sequence numbers are classified by a {@link LinkSequenceTracker}, and their blocks go
 * through an {@link RxDemux}, which hands memory blocks to a {@link MessageAssembler} and reassembles the MAC frames
 * carried between and around them. Each block comes back described, with the messages and frames it completed.
 */
final class DumpDirection
{
    /** What one block was, and what it completed or broke. */
    record BlockOutcome(String description, List<String> decoded, List<String> problems)
    {
    }

    private final LinkSequenceTracker tracker = new LinkSequenceTracker();
    private final MessageAssembler assembler;
    private final RxDemux demux;
    private final List<String> decoded = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final long[] dropsBefore = new long[RxDropReason.COUNT];
    private MessageAssembler.BlockReport memoryReport;
    private long packet;
    private boolean abortedFrame;
    private long messages;
    private long carriedFrames;

    DumpDirection(final Framing framing)
    {
        assembler = new MessageAssembler(framing, position -> "#" + position);
        demux = new RxDemux(
            (sync, payload) -> memoryReport = assembler.accept(sync, payload, packet),
            (buffer, offset, length) ->
            {
                final byte[] frame = new byte[length];
                buffer.getBytes(offset, frame);
                final EthernetFrame ethernet = new EthernetFrame(frame, true);
                decoded.add("frame " + length + " bytes " + EthernetFrame.macText(ethernet.source()) + " > " +
                    EthernetFrame.macText(ethernet.destination()) + " " + EtherTypes.name(ethernet.etherType()));
                carriedFrames++;
            },
            MacBlockFraming.MAX_MAX_FRAME_LENGTH, FramingOption.eightByteData(framing));
    }

    /**
     * Classifies a carrier frame's link sequence number; on a gap, a MAC frame that straddled the lost carrier
     * frames is aborted, as a receiver does (see {@link #abortedFrame()}).
     *
     * @return a {@link LinkSequenceTracker} result: negative means the frame must be skipped.
     */
    int track(final int sequence, final boolean restart)
    {
        final int result = tracker.track(sequence, restart);
        abortedFrame = result == LinkSequenceTracker.GAP && demux.abortFrame();
        return result;
    }

    /** Whether the last {@link #track} found a gap that cut a carried MAC frame, which was then dropped. */
    boolean abortedFrame()
    {
        return abortedFrame;
    }

    /** Frames lost in total, as the sequence numbers show. */
    long lostFrames()
    {
        return tracker.lostFrames();
    }

    /** Takes one block of the carrier frame that is packet {@code packet} of the capture. */
    BlockOutcome block(final int sync, final long payload, final long packet)
    {
        this.packet = packet;
        decoded.clear();
        problems.clear();
        memoryReport = null;
        for (int reason = 0; reason < RxDropReason.COUNT; reason++)
        {
            dropsBefore[reason] = demux.drops(reason);
        }
        final boolean inFrameBefore = demux.inFrame();
        demux.accept(sync, payload);
        final String description;
        if (memoryReport != null)
        {
            description = memoryReport.description();
            if (memoryReport.completed() != null)
            {
                decoded.add(0, memoryReport.completed().toString());
                messages++;
            }
            for (final MessageAssembler.Problem problem : memoryReport.problems())
            {
                problems.add(problem.text());
            }
        }
        else
        {
            description = BlockNames.describe(sync, payload);
        }
        for (int reason = 0; reason < RxDropReason.COUNT; reason++)
        {
            if (demux.drops(reason) != dropsBefore[reason])
            {
                problems.add((inFrameBefore ? "carried frame dropped: " : "frame stream: ") +
                    RxDropText.describe(reason, demux.maxFrameLength(), payload));
            }
        }
        return new BlockOutcome(description, List.copyOf(decoded), List.copyOf(problems));
    }

    MessageAssembler assembler()
    {
        return assembler;
    }

    long messages()
    {
        return messages;
    }

    long carriedFrames()
    {
        return carriedFrames;
    }

    /** Whether a carried MAC frame was still in progress at the end of the capture. */
    boolean inFrame()
    {
        return demux.inFrame();
    }
}
