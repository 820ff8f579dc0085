package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.link.TxSlotArbiter;
import org.edm.phy.pcs.BlockSink;

/**
 * Ethernet frames to 66-bit blocks, for {@code edm phy encode --frames}. It runs the link layer's own MAC path rather
 * than a second encoder: the {@link MacFrameQueue} pads each frame to 60 bytes and appends the FCS, the
 * {@link MacFrameSource} turns it into start, data and terminate blocks and declines slots until the minimum
 * inter-frame gap has passed, and a {@link TxSlotArbiter} with that source alone fills the declined slots with idle
 * blocks. The text tool therefore writes exactly what an EDM link sends for the same frames with no memory traffic.
 */
final class FrameBlockEncoder
{
    private final MacFrameSource frames;
    private final TxSlotArbiter arbiter;
    private final BlockSink out;
    private long slot;

    /**
     * @param maxFrameLength the largest frame accepted, without FCS.
     * @param out            receives every block, one per slot.
     */
    FrameBlockEncoder(final int maxFrameLength, final BlockSink out)
    {
        this.frames = new MacFrameSource(1, maxFrameLength);
        this.arbiter = new TxSlotArbiter(frames);
        this.out = out;
    }

    /**
     * Sends one frame: the idle blocks the gap after the previous frame still needs, then the frame's blocks.
     *
     * @param frame destination MAC through payload, no FCS.
     * @return {@link MacFrameQueue#OK}, or {@link MacFrameQueue#TOO_LONG} or {@link MacFrameQueue#EMPTY} (nothing sent).
     */
    int encode(final byte[] frame)
    {
        final int result = frames.offer(new UnsafeBuffer(frame), 0, frame.length);
        if (result != MacFrameQueue.OK)
        {
            return result;
        }
        while (frames.hasWork())
        {
            arbiter.emit(slot++, out);
        }
        return MacFrameQueue.OK;
    }

    /** The largest frame accepted, without FCS. */
    int maxFrameLength()
    {
        return frames.queue().maxFrameLength();
    }
}
