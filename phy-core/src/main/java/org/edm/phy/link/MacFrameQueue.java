package org.edm.phy.link;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * A bounded FIFO of MAC frames waiting to be sent, doing the MAC's share of the work at queueing time: pad to
 * {@link MacBlockFraming#MIN_FRAME_LENGTH} bytes with zeros and append the CRC-32 FCS. Frames are given as Linux
 * AF_PACKET shows them, destination MAC through payload without FCS. Frames longer than the configured maximum are
 * rejected here with a return code, so the per-slot path never sees them.
 * <p>
 * Storage is one preallocated slab of fixed-size entries; every entry begins with the last four preamble bytes so the
 * encoder can start a frame in lane 0 or lane 4 by reading the entry from offset 4 or 0:
 * <pre>
 *   entry i, at i * entryLength in the slab:
 *   +----+----+----+----+---------------------------------+--------+-----------+
 *   | 55 | 55 | 55 | D5 | frame bytes, zero-padded to 60  |  FCS   |  unused   |
 *   +----+----+----+----+---------------------------------+--------+-----------+
 *   0                   4                                   4+n      4+n+4        entryLength (multiple of 8)
 *   the slab ends with 8 spare bytes, so an 8-byte read at the end of the last entry stays inside it
 * </pre>
 * Each entry also carries the first slot it may start leaving ({@link #offer(DirectBuffer, int, int, long)}): a switch
 * models its L2 pipeline latency this way, without a second buffer. {@link MacFrameSource} does not start the head
 * frame before that slot, and frames behind it wait too (a FIFO, as a switch's output queue is).
 * <p>
 * Single-threaded; no allocation after construction.
 */
public final class MacFrameQueue
{
    /** The frame was queued. */
    public static final int OK = 0;
    /** The frame is longer than the configured maximum; not queued. */
    public static final int TOO_LONG = -1;
    /** The queue is full; not queued, try again later. */
    public static final int FULL = -2;
    /** The frame has no bytes; not queued. */
    public static final int EMPTY = -3;

    /** Offset of the frame's first byte in an entry (after the preamble tail). */
    public static final int FRAME_OFFSET = MacBlockFraming.PREAMBLE_TAIL_LENGTH;

    private final int maxFrameLength;
    private final int entryLength;
    private final int mask;
    private final int[] wireLengths;
    private final long[] readySlots;
    private final byte[] slabArray;
    private final UnsafeBuffer slab;
    private final CRC32 crc = new CRC32();
    private long head;
    private long tail;
    private long framesQueued;
    private long rejectedTooLong;
    private long rejectedFull;
    private long rejectedEmpty;

    /**
     * @param capacity       frames held at most; rounded up to a power of two.
     * @param maxFrameLength largest frame accepted, without FCS ({@link MacBlockFraming#DEFAULT_MAX_FRAME_LENGTH} for
     *                       a standard MTU); from {@link MacBlockFraming#MIN_FRAME_LENGTH} to
     *                       {@link MacBlockFraming#MAX_MAX_FRAME_LENGTH}.
     */
    public MacFrameQueue(final int capacity, final int maxFrameLength)
    {
        if (capacity <= 0 || capacity > (1 << 16))
        {
            throw new IllegalArgumentException("capacity=" + capacity + " outside 1.." + (1 << 16));
        }
        if (maxFrameLength < MacBlockFraming.MIN_FRAME_LENGTH || maxFrameLength > MacBlockFraming.MAX_MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength=" + maxFrameLength + " outside " +
                MacBlockFraming.MIN_FRAME_LENGTH + ".." + MacBlockFraming.MAX_MAX_FRAME_LENGTH);
        }
        final int entries = 1 << (32 - Integer.numberOfLeadingZeros(capacity - 1));
        final int entryLength = (FRAME_OFFSET + maxFrameLength + MacBlockFraming.FCS_LENGTH + 7) & ~7;
        if ((long)entries * entryLength + 8 > Integer.MAX_VALUE - 8)
        {
            throw new IllegalArgumentException("capacity=" + capacity + " x maxFrameLength=" + maxFrameLength +
                " is too large for one slab");
        }
        this.maxFrameLength = maxFrameLength;
        this.entryLength = entryLength;
        this.mask = entries - 1;
        this.wireLengths = new int[entries];
        this.readySlots = new long[entries];
        this.slabArray = new byte[entries * entryLength + 8];
        this.slab = new UnsafeBuffer(slabArray);
        for (int i = 0; i < entries; i++)
        {
            slab.putInt(i * entryLength, MacBlockFraming.PREAMBLE_TAIL, ByteOrder.LITTLE_ENDIAN);
        }
    }

    /**
     * Queues a copy of a frame, padded and with its FCS.
     *
     * @param buffer holds the frame: destination MAC through payload, no FCS.
     * @return {@link #OK}, or {@link #TOO_LONG}, {@link #FULL} or {@link #EMPTY} (counted; nothing queued).
     */
    public int offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return offer(buffer, offset, length, Long.MIN_VALUE);
    }

    /**
     * Queues a copy of a frame that may not start leaving before slot {@code readySlot}.
     *
     * @param buffer    holds the frame: destination MAC through payload, no FCS.
     * @param readySlot the first slot in which the frame may start; frames queued behind it wait for it too.
     * @return {@link #OK}, or {@link #TOO_LONG}, {@link #FULL} or {@link #EMPTY} (counted; nothing queued).
     */
    public int offer(final DirectBuffer buffer, final int offset, final int length, final long readySlot)
    {
        if (length <= 0)
        {
            rejectedEmpty++;
            return EMPTY;
        }
        if (length > maxFrameLength)
        {
            rejectedTooLong++;
            return TOO_LONG;
        }
        final long t = tail;
        if (t - head > mask)
        {
            rejectedFull++;
            return FULL;
        }
        final int index = (int)t & mask;
        final int frameStart = index * entryLength + FRAME_OFFSET;
        slab.putBytes(frameStart, buffer, offset, length);
        final int padded = Math.max(length, MacBlockFraming.MIN_FRAME_LENGTH);
        if (padded > length)
        {
            slab.setMemory(frameStart + length, padded - length, (byte)0);
        }
        crc.reset();
        crc.update(slabArray, frameStart, padded);
        slab.putInt(frameStart + padded, (int)crc.getValue(), ByteOrder.LITTLE_ENDIAN);
        wireLengths[index] = padded + MacBlockFraming.FCS_LENGTH;
        readySlots[index] = readySlot;
        tail = t + 1;
        framesQueued++;
        return OK;
    }

    public boolean isEmpty()
    {
        return head == tail;
    }

    public int size()
    {
        return (int)(tail - head);
    }

    /** Frames the queue holds at most. */
    public int capacity()
    {
        return mask + 1;
    }

    /** Largest frame accepted, without FCS. */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /** The slab that holds every entry; see the class comment for the entry layout. */
    public UnsafeBuffer slab()
    {
        return slab;
    }

    /** Slab offset of the oldest entry (its preamble tail); the queue must not be empty. */
    public int headEntryOffset()
    {
        return ((int)head & mask) * entryLength;
    }

    /** Bytes of the oldest frame on the wire, padding and FCS included (at least 64); the queue must not be empty. */
    public int headWireLength()
    {
        return wireLengths[(int)head & mask];
    }

    /** The first slot the oldest frame may start in; the queue must not be empty. */
    public long headReadySlot()
    {
        return readySlots[(int)head & mask];
    }

    /** Whether the queue holds frames and the oldest may start in {@code slot}. */
    public boolean headReady(final long slot)
    {
        return head != tail && readySlots[(int)head & mask] <= slot;
    }

    /** Frames that can still be queued now. */
    public int remaining()
    {
        return mask + 1 - (int)(tail - head);
    }

    /** Releases the oldest entry; the queue must not be empty. */
    public void remove()
    {
        head++;
    }

    public long framesQueued()
    {
        return framesQueued;
    }

    public long rejectedTooLong()
    {
        return rejectedTooLong;
    }

    public long rejectedFull()
    {
        return rejectedFull;
    }

    public long rejectedEmpty()
    {
        return rejectedEmpty;
    }
}
