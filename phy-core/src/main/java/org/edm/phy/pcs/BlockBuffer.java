package org.edm.phy.pcs;

/**
 * A fixed-capacity list of blocks held as primitives: one {@code long} payload per block and the 2-bit sync headers
 * packed 32 to a {@code long}. Not thread-safe; reused, never reallocated.
 * <pre>
 *   payloads:  [ p0 ][ p1 ][ p2 ] ... [ p(n-1) ]                       one long per block
 *   syncWords: [ s31 s30 ... s1 s0 ][ s63 ... s32 ] ...                 2 bits per block, block i at
 *                                                                        bits 2*(i%32)..2*(i%32)+1 of word i/32
 * </pre>
 */
public final class BlockBuffer
{
    private final long[] payloads;
    private final long[] syncWords;
    private int size;

    public BlockBuffer(final int capacity)
    {
        if (capacity <= 0)
        {
            throw new IllegalArgumentException("capacity=" + capacity + " must be > 0");
        }
        payloads = new long[capacity];
        syncWords = new long[(capacity + 31) >>> 5];
    }

    public int capacity()
    {
        return payloads.length;
    }

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public boolean isFull()
    {
        return size == payloads.length;
    }

    public int remaining()
    {
        return payloads.length - size;
    }

    public void clear()
    {
        size = 0;
    }

    /**
     * Appends a block.
     *
     * @return false, adding nothing, when the buffer is full.
     */
    public boolean add(final int sync, final long payload)
    {
        final int index = size;
        if (index == payloads.length)
        {
            return false;
        }
        payloads[index] = payload;
        setSync(index, sync);
        size = index + 1;
        return true;
    }

    public long payload(final int index)
    {
        return payloads[index];
    }

    public int sync(final int index)
    {
        return syncOf(syncWords, index);
    }

    /** Replaces the block at {@code index} (which must be below {@link #size()}). */
    public void set(final int index, final int sync, final long payload)
    {
        payloads[index] = payload;
        setSync(index, sync);
    }

    /** Sets the size after the arrays were filled directly, as a bulk decoder does. */
    public void size(final int size)
    {
        if (size < 0 || size > payloads.length)
        {
            throw new IllegalArgumentException("size=" + size + " outside 0.." + payloads.length);
        }
        this.size = size;
    }

    /** The payload array, for bulk codecs; blocks 0 to size()-1 are valid. */
    public long[] payloads()
    {
        return payloads;
    }

    /** The packed sync array, for bulk codecs; see the class comment for the packing. */
    public long[] syncWords()
    {
        return syncWords;
    }

    /** The sync header of block {@code index} in a packed sync array. */
    public static int syncOf(final long[] syncWords, final int index)
    {
        return (int)(syncWords[index >>> 5] >>> ((index & 31) << 1)) & 0b11;
    }

    /** Stores the sync header of block {@code index} in a packed sync array. */
    public static void setSync(final long[] syncWords, final int index, final int sync)
    {
        final int word = index >>> 5;
        final int shift = (index & 31) << 1;
        syncWords[word] = (syncWords[word] & ~(0b11L << shift)) | ((long)(sync & 0b11) << shift);
    }

    private void setSync(final int index, final int sync)
    {
        setSync(syncWords, index, sync);
    }
}
