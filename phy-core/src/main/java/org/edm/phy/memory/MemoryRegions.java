package org.edm.phy.memory;

import org.agrona.MutableDirectBuffer;
import org.agrona.collections.Int2IntHashMap;
import org.edm.phy.mem.CompletionStatus;

import java.util.Arrays;

/**
 * The regions a memory node serves, each with a key (like an RDMA rkey) and a size. A request is checked here before
 * any byte is touched: the key must name a region, the length must be 1..maxLength, and [address, address + length)
 * must lie inside the region. A region may have no backing buffer ("virtual", for the simulator, which moves no
 * data): it is checked the same way and reads as zeros.
 * <p>
 * Registration is control plane (may allocate, may throw); {@link #check} and {@link #buffer} are data path.
 */
public final class MemoryRegions
{
    private final Int2IntHashMap indexByKey = new Int2IntHashMap(-1);
    private final int maxLength;
    private MutableDirectBuffer[] buffers = new MutableDirectBuffer[4];
    private long[] sizes = new long[4];
    private int[] keys = new int[4];
    private int count;

    /** @param maxLength the longest request this node serves (at most what the framing's header can express). */
    public MemoryRegions(final int maxLength)
    {
        if (maxLength <= 0)
        {
            throw new IllegalArgumentException("maxLength=" + maxLength + " must be > 0");
        }
        this.maxLength = maxLength;
    }

    /**
     * Registers a region.
     *
     * @param buffer the memory, or null for a virtual region of {@code size} bytes.
     */
    public void register(final int key, final MutableDirectBuffer buffer, final long size)
    {
        if (indexByKey.containsKey(key))
        {
            throw new IllegalArgumentException("region key " + Integer.toUnsignedString(key) + " is already registered");
        }
        if (size <= 0 || (buffer != null && size > buffer.capacity()))
        {
            throw new IllegalArgumentException("region size=" + size + " must be > 0 and within its buffer (" +
                (buffer == null ? "virtual" : buffer.capacity() + " bytes") + ")");
        }
        if (count == keys.length)
        {
            buffers = Arrays.copyOf(buffers, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
            keys = Arrays.copyOf(keys, count * 2);
        }
        buffers[count] = buffer;
        sizes[count] = size;
        keys[count] = key;
        indexByKey.put(key, count);
        count++;
    }

    public int count()
    {
        return count;
    }

    public int maxLength()
    {
        return maxLength;
    }

    /** Key of region {@code index} (0..count-1). */
    public int key(final int index)
    {
        return keys[index];
    }

    /** Size of region {@code index}. */
    public long size(final int index)
    {
        return sizes[index];
    }

    /** The region index for a key, or -1. */
    public int indexOf(final int key)
    {
        return indexByKey.get(key);
    }

    /**
     * Whether a request may touch [address, address + length) of the region with {@code key}.
     *
     * @return SUCCESS, BAD_KEY, BAD_LENGTH or OUT_OF_BOUNDS.
     */
    public int check(final int key, final long address, final int length)
    {
        final int index = indexByKey.get(key);
        if (index < 0)
        {
            return CompletionStatus.BAD_KEY;
        }
        if (length <= 0 || length > maxLength)
        {
            return CompletionStatus.BAD_LENGTH;
        }
        if (address < 0 || address > sizes[index] - length)
        {
            return CompletionStatus.OUT_OF_BOUNDS;
        }
        return CompletionStatus.SUCCESS;
    }

    /** The buffer of a region (null when virtual); the caller checked the request first. */
    public MutableDirectBuffer buffer(final int index)
    {
        return buffers[index];
    }
}
