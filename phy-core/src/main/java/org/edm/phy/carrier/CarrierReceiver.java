package org.edm.phy.carrier;

import org.agrona.DirectBuffer;
import org.edm.phy.pcs.BlockSink;

/**
 * The receive side of one link direction's carrier frames: validate ({@link CarrierUnpacker}), classify the link
 * sequence number ({@link LinkSequenceTracker}), then deliver the blocks in order to the link's sink, or count the
 * frame under its {@link CarrierStatus} and drop it. Duplicates, late (reordered) and stale frames are dropped, so
 * the block stream handed on never goes backwards; a gap is delivered and reported, so the caller can abort a MAC
 * frame that straddled the lost carrier frames (see {@code RxDemux.abortFrame()}).
 */
public final class CarrierReceiver
{
    private final CarrierUnpacker unpacker;
    private final LinkSequenceTracker tracker = new LinkSequenceTracker();
    private final long[] rejected = new long[CarrierStatus.COUNT];
    private int lastTrackResult;
    private long framesDelivered;
    private long blocksDelivered;

    /** @param maxFrameLength the largest frame accepted, without FCS. */
    public CarrierReceiver(final int maxFrameLength)
    {
        this.unpacker = new CarrierUnpacker(maxFrameLength);
    }

    /**
     * Handles one received frame.
     *
     * @param length bytes received, FCS excluded.
     * @return blocks delivered to {@code sink} (zero or more), or a negative {@link CarrierStatus} (frame dropped).
     */
    public int onFrame(final DirectBuffer buffer, final int offset, final int length, final BlockSink sink)
    {
        final int status = unpacker.validate(buffer, offset, length);
        if (status < 0)
        {
            rejected[CarrierStatus.index(status)]++;
            return status;
        }
        final int result = tracker.track(
            CarrierFrame.linkSequence(buffer, offset),
            (CarrierFrame.flags(buffer, offset) & CarrierFrame.RESTART_FLAG) != 0);
        lastTrackResult = result;
        if (result < 0)
        {
            rejected[CarrierStatus.index(result)]++;
            return result;
        }
        final int blocks = CarrierUnpacker.deliver(buffer, offset, sink);
        framesDelivered++;
        blocksDelivered += blocks;
        return blocks;
    }

    /** The tracker's result for the last frame that passed validation ({@link LinkSequenceTracker} constants). */
    public int lastTrackResult()
    {
        return lastTrackResult;
    }

    /** Whether the last validated frame came after a gap in sequence numbers (frames were lost before it). */
    public boolean lastFrameFollowedGap()
    {
        return lastTrackResult == LinkSequenceTracker.GAP || lastTrackResult == LinkSequenceTracker.RESYNC;
    }

    public LinkSequenceTracker tracker()
    {
        return tracker;
    }

    /** Frames dropped with {@code status} (a negative {@link CarrierStatus}). */
    public long rejected(final int status)
    {
        return rejected[CarrierStatus.index(status)];
    }

    /** Frames dropped for any reason. */
    public long totalRejected()
    {
        long total = 0;
        for (final long count : rejected)
        {
            total += count;
        }
        return total;
    }

    public long framesDelivered()
    {
        return framesDelivered;
    }

    public long blocksDelivered()
    {
        return blocksDelivered;
    }
}
