package org.edm.phy.carrier;

import org.agrona.MutableDirectBuffer;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

import java.nio.ByteOrder;

/**
 * Builds carrier frames ({@link CarrierFrame}) for one link direction, in place in the caller's buffer (for example a
 * slot of a mapped transmit ring): no copy, no allocation. Owns the link sequence number of that direction.
 * <p>
 * Use:
 * <pre>
 *   packer.begin(buffer, offset, firstSlot);          // header written, sequence number assigned
 *   for each slot t:
 *       if (packer.isFull()) { send(packer.finish(t)); packer.begin(next, offset, t); }
 *       arbiter.emit(t, packer);                      // idle blocks are skipped, others appended
 *   send(packer.finish(endSlot));                     // count, span and the last sync word written
 * </pre>
 * Blocks are appended in order, in groups of 32 behind one sync word; the sync word of a group is written when the
 * group fills or the frame finishes, so a frame is complete and dense at any point it is finished. The frame never
 * grows beyond the configured maximum frame length or the buffer's capacity. The first frame carries
 * {@link CarrierFrame#RESTART_FLAG}; sequence numbers then count up by one per frame and wrap at 2^32.
 */
public final class CarrierPacker implements BlockSink
{
    private final long destinationMac;
    private final long sourceMac;
    private final int maxFrameLength;
    private int nextSequence;
    private boolean restartPending = true;

    private MutableDirectBuffer buffer;
    private int offset;
    private int capacity;
    private int count;
    private int position;
    private int groupOffset;
    private long syncWord;
    private long firstSlot;

    private long framesPacked;
    private long blocksPacked;
    private long idlesSkipped;
    private long rejectedWhenFull;

    /**
     * @param destinationMac 48-bit MAC address of the other end of the link.
     * @param sourceMac      48-bit MAC address of this end.
     * @param maxFrameLength largest frame built, without FCS ({@link CarrierFrame#DEFAULT_MAX_FRAME_LENGTH} for a
     *                       1500-byte MTU); must leave room for at least one block.
     */
    public CarrierPacker(final long destinationMac, final long sourceMac, final int maxFrameLength)
    {
        if ((destinationMac >>> 48) != 0)
        {
            throw new IllegalArgumentException("destinationMac=0x" + Long.toHexString(destinationMac) +
                " is wider than 48 bits");
        }
        if ((sourceMac >>> 48) != 0)
        {
            throw new IllegalArgumentException("sourceMac=0x" + Long.toHexString(sourceMac) + " is wider than 48 bits");
        }
        if (maxFrameLength < CarrierFrame.frameLength(1) || maxFrameLength > CarrierFrame.MAX_MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength=" + maxFrameLength + " outside " +
                CarrierFrame.frameLength(1) + ".." + CarrierFrame.MAX_MAX_FRAME_LENGTH);
        }
        this.destinationMac = destinationMac;
        this.sourceMac = sourceMac;
        this.maxFrameLength = maxFrameLength;
    }

    /**
     * Starts a frame at {@code buffer[offset]}: writes the header (count 0) and takes the next sequence number.
     * An unfinished frame is abandoned (its sequence number is then missing on the link).
     *
     * @param firstSlot the slot where this frame's interval begins.
     * @return the number of blocks the frame can take; 0, opening nothing, when the buffer has no room for a block.
     */
    public int begin(final MutableDirectBuffer buffer, final int offset, final long firstSlot)
    {
        final int capacity = CarrierFrame.maxBlocks(Math.min(maxFrameLength, buffer.capacity() - offset));
        if (capacity == 0 || offset < 0)
        {
            this.buffer = null;
            this.capacity = 0;
            this.count = 0;
            return 0;
        }
        final int flags = restartPending ? CarrierFrame.RESTART_FLAG : 0;
        restartPending = false;
        this.buffer = buffer;
        this.offset = offset;
        this.firstSlot = firstSlot;
        this.capacity = capacity;
        this.count = 0;
        this.position = offset + CarrierFrame.HEADER_LENGTH;
        this.groupOffset = position;
        this.syncWord = 0;
        CarrierFrame.putHeader(buffer, offset, destinationMac, sourceMac, flags, 0, nextSequence++, 0, firstSlot);
        return capacity;
    }

    /**
     * Appends a block; idle blocks are skipped (not carried).
     *
     * @return true when the block was consumed (appended or skipped), false when the frame is full or none was begun.
     */
    public boolean add(final int sync, final long payload)
    {
        if (payload == Block.IDLE_PAYLOAD && sync == Block.SYNC_CONTROL)
        {
            idlesSkipped++;
            return true;
        }
        final int index = count;
        if (index >= capacity)
        {
            return false;
        }
        final int inGroup = index & (CarrierFrame.GROUP_BLOCKS - 1);
        int position = this.position;
        if (inGroup == 0)
        {
            groupOffset = position;
            position += 8;
        }
        final MutableDirectBuffer buffer = this.buffer;
        buffer.putLong(position, payload, ByteOrder.LITTLE_ENDIAN);
        final long word = syncWord | ((long)(sync & 0b11) << (inGroup << 1));
        if (inGroup == CarrierFrame.GROUP_BLOCKS - 1)
        {
            buffer.putLong(groupOffset, word, ByteOrder.LITTLE_ENDIAN);
            syncWord = 0;
        }
        else
        {
            syncWord = word;
        }
        this.position = position + 8;
        count = index + 1;
        return true;
    }

    /** As {@link #add(int, long)}; a block that does not fit is counted ({@link #rejectedWhenFull()}) and lost. */
    @Override
    public void accept(final int sync, final long payload)
    {
        if (!add(sync, payload))
        {
            rejectedWhenFull++;
        }
    }

    /**
     * Completes the frame: block count, slot span and the last group's sync word.
     *
     * @param endSlot the first slot after this frame's interval; span = endSlot - firstSlot, clamped to 0..2^32-1.
     * @return the frame length in bytes (without FCS), or 0 when no frame was begun.
     */
    public int finish(final long endSlot)
    {
        final MutableDirectBuffer buffer = this.buffer;
        if (buffer == null)
        {
            return 0;
        }
        if ((count & (CarrierFrame.GROUP_BLOCKS - 1)) != 0)
        {
            buffer.putLong(groupOffset, syncWord, ByteOrder.LITTLE_ENDIAN);
        }
        final long span = Math.clamp(endSlot - firstSlot, 0L, 0xFFFF_FFFFL);
        CarrierFrame.putBlockCount(buffer, offset, count);
        CarrierFrame.putSlotSpan(buffer, offset, span);
        final int length = position - offset;
        framesPacked++;
        blocksPacked += count;
        this.buffer = null;
        capacity = 0;
        syncWord = 0;
        return length;
    }

    /** Whether a frame is begun and not yet finished. */
    public boolean isOpen()
    {
        return buffer != null;
    }

    /** Whether the open frame has no room for another block (also true when no frame is open). */
    public boolean isFull()
    {
        return count >= capacity;
    }

    /** Blocks in the open frame. */
    public int blockCount()
    {
        return count;
    }

    /** Blocks the open frame can take at most. */
    public int capacity()
    {
        return capacity;
    }

    /** Length the open frame would have if finished now. */
    public int frameLength()
    {
        return buffer == null ? 0 : position - offset;
    }

    /** The sequence number the next {@link #begin} will use. */
    public int nextSequence()
    {
        return nextSequence;
    }

    /** Marks the next frame with {@link CarrierFrame#RESTART_FLAG} and restarts the sequence at {@code sequence}. */
    public void restart(final int sequence)
    {
        nextSequence = sequence;
        restartPending = true;
    }

    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    public long framesPacked()
    {
        return framesPacked;
    }

    public long blocksPacked()
    {
        return blocksPacked;
    }

    public long idlesSkipped()
    {
        return idlesSkipped;
    }

    /** Blocks handed to {@link #accept(int, long)} with no room; they are lost, so callers check {@link #isFull()}. */
    public long rejectedWhenFull()
    {
        return rejectedWhenFull;
    }
}
