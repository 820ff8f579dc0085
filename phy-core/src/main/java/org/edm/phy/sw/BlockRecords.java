package org.edm.phy.sw;

import java.util.Arrays;

/**
 * A FIFO of blocks crossing the switch, each with what the switch knows about its message: where it goes, which
 * message it belongs to, and its scheduler entry (a block with an entry accounts for one quota block of it when it
 * leaves toward the receiver). Parallel primitive arrays in a power-of-two ring that doubles when full (only when more
 * blocks wait than ever before).
 */
final class BlockRecords
{
    private int mask;
    private long head;
    private long tail;

    int[] sync;
    long[] payload;
    int[] egress;
    int[] messageClass;
    int[] index;
    int[] requester;
    int[] tag;
    int[] length;
    int[] source;
    int[] destination;
    int[] entry;
    /** The scheduler's registration number of {@code entry}, to tell a reused entry id from this message's. */
    long[] entrySequence;
    boolean[] last;
    /** First slot in which the block may leave (a block accepted in slot t leaves at t+1 at the earliest). */
    long[] readySlot;

    BlockRecords(final int initialCapacity)
    {
        final int size = Integer.highestOneBit(Math.max(2, initialCapacity) - 1) << 1;
        allocate(size);
        mask = size - 1;
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /** Slot of the oldest record; the FIFO must not be empty. */
    int headSlot()
    {
        return (int)head & mask;
    }

    void removeHead()
    {
        head++;
    }

    void clear()
    {
        head = tail;
    }

    /** Appends a record and returns its slot for the caller to fill the remaining fields. */
    int append(final int blockSync, final long blockPayload, final int messageClassValue)
    {
        if (tail - head == sync.length)
        {
            grow();
        }
        final int at = (int)tail & mask;
        tail++;
        sync[at] = blockSync;
        payload[at] = blockPayload;
        messageClass[at] = messageClassValue;
        egress[at] = -1;
        index[at] = -1;
        entry[at] = -1;
        last[at] = false;
        readySlot[at] = 0;
        return at;
    }

    /**
     * Appends a data block of a per-message lane, writing only what a lane reads (the lane knows its class, egress and
     * message key): once per field, without append's defaults.
     */
    void appendLaneBlock(
        final int blockSync,
        final long blockPayload,
        final int indexValue,
        final boolean lastValue,
        final int entryValue,
        final long entrySequenceValue,
        final long readySlotValue,
        final int tagValue,
        final int lengthValue,
        final int sourceValue,
        final int destinationValue)
    {
        if (tail - head == sync.length)
        {
            grow();
        }
        final int at = (int)tail & mask;
        tail++;
        sync[at] = blockSync;
        payload[at] = blockPayload;
        index[at] = indexValue;
        last[at] = lastValue;
        entry[at] = entryValue;
        entrySequence[at] = entrySequenceValue;
        readySlot[at] = readySlotValue;
        tag[at] = tagValue;
        length[at] = lengthValue;
        source[at] = sourceValue;
        destination[at] = destinationValue;
    }

    /** Appends a copy of record {@code from} of {@code other}. */
    void appendCopy(final BlockRecords other, final int from)
    {
        final int at = append(other.sync[from], other.payload[from], other.messageClass[from]);
        egress[at] = other.egress[from];
        index[at] = other.index[from];
        requester[at] = other.requester[from];
        tag[at] = other.tag[from];
        length[at] = other.length[from];
        source[at] = other.source[from];
        destination[at] = other.destination[from];
        entry[at] = other.entry[from];
        entrySequence[at] = other.entrySequence[from];
        last[at] = other.last[from];
        readySlot[at] = other.readySlot[from];
    }

    private void grow()
    {
        final int size = sync.length;
        final int[] s = new int[size << 1];
        final long[] p = new long[size << 1];
        final int[] e = new int[size << 1];
        final int[] c = new int[size << 1];
        final int[] i = new int[size << 1];
        final int[] r = new int[size << 1];
        final int[] t = new int[size << 1];
        final int[] l = new int[size << 1];
        final int[] so = new int[size << 1];
        final int[] d = new int[size << 1];
        final int[] en = new int[size << 1];
        final long[] es = new long[size << 1];
        final boolean[] la = new boolean[size << 1];
        final long[] rs = new long[size << 1];
        for (int k = 0; k < size; k++)
        {
            final int from = (int)(head + k) & mask;
            s[k] = sync[from];
            p[k] = payload[from];
            e[k] = egress[from];
            c[k] = messageClass[from];
            i[k] = index[from];
            r[k] = requester[from];
            t[k] = tag[from];
            l[k] = length[from];
            so[k] = source[from];
            d[k] = destination[from];
            en[k] = entry[from];
            es[k] = entrySequence[from];
            la[k] = last[from];
            rs[k] = readySlot[from];
        }
        sync = s;
        payload = p;
        egress = e;
        messageClass = c;
        index = i;
        requester = r;
        tag = t;
        length = l;
        source = so;
        destination = d;
        entry = en;
        entrySequence = es;
        last = la;
        readySlot = rs;
        head = 0;
        tail = size;
        mask = (size << 1) - 1;
    }

    private void allocate(final int size)
    {
        sync = new int[size];
        payload = new long[size];
        egress = new int[size];
        messageClass = new int[size];
        index = new int[size];
        requester = new int[size];
        tag = new int[size];
        length = new int[size];
        source = new int[size];
        destination = new int[size];
        entry = new int[size];
        entrySequence = new long[size];
        last = new boolean[size];
        readySlot = new long[size];
        Arrays.fill(entry, -1);
    }
}
