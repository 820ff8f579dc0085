package org.edm.phy.host;

import org.agrona.MutableDirectBuffer;

/**
 * The requester's outstanding requests, indexed by tag. A tag is an index in the table plus a generation in the bits
 * above it, so a late block carrying the tag of a request that already ended (timed out) never matches the request
 * that reuses the slot.
 * <pre>
 *   tag = (generation << log2(capacity) | index) & maxTag
 * </pre>
 * Indexes are reused first-in first-out, so a tag value comes back only after every index has been used through all
 * generations (65,536 requests with 16-bit tags), not after a few requests on the same index: the switch may still
 * hold demand for a request that timed out here, and a recycled tag would collide with it.
 */
final class RequestTable
{
    static final int READ = 0;
    static final int WRITE = 1;

    private final int capacity;
    private final int indexMask;
    private final int maxTag;
    private final int[] freeIndexes;
    private int freeCount;
    private int freeHead;

    final int[] tag;
    final boolean[] live;
    final long[] requestId;
    final int[] kind;
    final int[] node;
    final int[] length;
    final MutableDirectBuffer[] destination;
    final int[] destinationOffset;
    final long[] submitSlot;
    final long[] deadline;
    final int[] bytesReceived;
    final int[] outbound;
    private final int[] generation;

    RequestTable(final int capacity, final int maxTag)
    {
        if (Integer.bitCount(capacity) != 1 || capacity > maxTag + 1)
        {
            throw new IllegalArgumentException(
                "maxOutstanding=" + capacity + " must be a power of two and at most " + (maxTag + 1));
        }
        this.capacity = capacity;
        this.indexMask = capacity - 1;
        this.maxTag = maxTag;
        freeIndexes = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeIndexes[i] = i;
        }
        freeCount = capacity;
        tag = new int[capacity];
        live = new boolean[capacity];
        requestId = new long[capacity];
        kind = new int[capacity];
        node = new int[capacity];
        length = new int[capacity];
        destination = new MutableDirectBuffer[capacity];
        destinationOffset = new int[capacity];
        submitSlot = new long[capacity];
        deadline = new long[capacity];
        bytesReceived = new int[capacity];
        outbound = new int[capacity];
        generation = new int[capacity];
    }

    int capacity()
    {
        return capacity;
    }

    int outstanding()
    {
        return capacity - freeCount;
    }

    boolean isFull()
    {
        return freeCount == 0;
    }

    /** Takes the longest-free index and gives it a fresh tag; the table must not be full. */
    int allocate()
    {
        final int index = freeIndexes[freeHead];
        freeHead = (freeHead + 1) & indexMask;
        freeCount--;
        final int shift = Integer.numberOfTrailingZeros(capacity);
        generation[index]++;
        tag[index] = ((generation[index] << shift) | index) & maxTag;
        live[index] = true;
        bytesReceived[index] = 0;
        outbound[index] = -1;
        return index;
    }

    void release(final int index)
    {
        live[index] = false;
        destination[index] = null;
        freeIndexes[(freeHead + freeCount) & indexMask] = index;
        freeCount++;
    }

    /** The index of the live request with {@code tagValue}, or -1. */
    int indexOf(final int tagValue)
    {
        final int index = tagValue & indexMask;
        return live[index] && tag[index] == tagValue ? index : -1;
    }
}
