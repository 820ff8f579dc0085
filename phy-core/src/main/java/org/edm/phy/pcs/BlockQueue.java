package org.edm.phy.pcs;

/**
 * A single-threaded FIFO of blocks in a power-of-two ring of primitives: one {@code long} payload and one sync header
 * per slot. Used for the per-class transmit queues of a link; offering to a full queue returns false (the caller
 * counts it), nothing is allocated after construction.
 */
public final class BlockQueue
{
    private final long[] payloads;
    private final byte[] syncs;
    private final int mask;
    private long head;
    private long tail;

    /** @param capacity rounded up to a power of two. */
    public BlockQueue(final int capacity)
    {
        if (capacity <= 0 || capacity > (1 << 30))
        {
            throw new IllegalArgumentException("capacity=" + capacity + " outside 1.." + (1 << 30));
        }
        final int ringSize = 1 << (32 - Integer.numberOfLeadingZeros(capacity - 1));
        payloads = new long[ringSize];
        syncs = new byte[ringSize];
        mask = ringSize - 1;
    }

    public int capacity()
    {
        return payloads.length;
    }

    public int size()
    {
        return (int)(tail - head);
    }

    public boolean isEmpty()
    {
        return head == tail;
    }

    public int remaining()
    {
        return payloads.length - size();
    }

    /** Appends a block; false when full. */
    public boolean offer(final int sync, final long payload)
    {
        final long t = tail;
        if (t - head == payloads.length)
        {
            return false;
        }
        final int index = (int)t & mask;
        payloads[index] = payload;
        syncs[index] = (byte)sync;
        tail = t + 1;
        return true;
    }

    /** Sync header of the oldest block; the queue must not be empty. */
    public int peekSync()
    {
        return syncs[(int)head & mask];
    }

    /** Payload of the oldest block; the queue must not be empty. */
    public long peekPayload()
    {
        return payloads[(int)head & mask];
    }

    /** Sync header of the block {@code offset} places behind the oldest; {@code offset < size()}. */
    public int syncAt(final int offset)
    {
        return syncs[(int)(head + offset) & mask];
    }

    /** Payload of the block {@code offset} places behind the oldest; {@code offset < size()}. */
    public long payloadAt(final int offset)
    {
        return payloads[(int)(head + offset) & mask];
    }

    /** Drops the oldest block; the queue must not be empty. */
    public void remove()
    {
        head++;
    }

    public void clear()
    {
        head = tail;
    }
}
