package org.edm.phy.carrier;

import org.agrona.DirectBuffer;
import org.edm.phy.pcs.BlockSink;

import java.nio.ByteOrder;

/**
 * Reads carrier frames ({@link CarrierFrame}) in place: validates one and hands its blocks, in order, to a
 * {@link BlockSink}. Nothing is copied or allocated; a malformed frame is a negative {@link CarrierStatus} for the
 * caller to count, whatever its bytes. Stateless apart from its configuration; link sequence numbers are the
 * business of {@link LinkSequenceTracker} (or use {@link CarrierReceiver}, which does both).
 */
public final class CarrierUnpacker
{
    private final int maxFrameLength;

    /**
     * @param maxFrameLength the largest frame accepted, without FCS (the link MTU plus 14).
     */
    public CarrierUnpacker(final int maxFrameLength)
    {
        if (maxFrameLength < CarrierFrame.HEADER_LENGTH || maxFrameLength > CarrierFrame.MAX_MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength=" + maxFrameLength + " outside " +
                CarrierFrame.HEADER_LENGTH + ".." + CarrierFrame.MAX_MAX_FRAME_LENGTH);
        }
        this.maxFrameLength = maxFrameLength;
    }

    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /**
     * Checks a received frame; see {@link CarrierFrame#validate(DirectBuffer, int, int, int)}.
     *
     * @return 0 when well formed, else a negative {@link CarrierStatus}.
     */
    public int validate(final DirectBuffer buffer, final int offset, final int length)
    {
        return CarrierFrame.validate(buffer, offset, length, maxFrameLength);
    }

    /**
     * Validates a frame and, when it is well formed, delivers all its blocks to {@code sink}.
     *
     * @param length bytes received, FCS excluded.
     * @return the number of blocks delivered, or a negative {@link CarrierStatus} (nothing delivered).
     */
    public int unpack(final DirectBuffer buffer, final int offset, final int length, final BlockSink sink)
    {
        final int status = validate(buffer, offset, length);
        return status < 0 ? status : deliver(buffer, offset, sink);
    }

    /**
     * Delivers the blocks of a frame that {@link #validate} accepted.
     *
     * @return the number of blocks delivered.
     */
    public static int deliver(final DirectBuffer buffer, final int offset, final BlockSink sink)
    {
        final int count = CarrierFrame.blockCount(buffer, offset);
        int position = offset + CarrierFrame.HEADER_LENGTH;
        int remaining = count;
        while (remaining > 0)
        {
            final long syncWord = buffer.getLong(position, ByteOrder.LITTLE_ENDIAN);
            position += 8;
            final int inGroup = Math.min(remaining, CarrierFrame.GROUP_BLOCKS);
            for (int j = 0; j < inGroup; j++)
            {
                sink.accept((int)(syncWord >>> (j << 1)) & 0b11, buffer.getLong(position, ByteOrder.LITTLE_ENDIAN));
                position += 8;
            }
            remaining -= inGroup;
        }
        return count;
    }
}
