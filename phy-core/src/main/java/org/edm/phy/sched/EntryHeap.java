package org.edm.phy.sched;

import java.util.Arrays;

/**
 * A binary min-heap of demand entries ordered by a {@code long} key, keys stored beside the ids so that the heap needs
 * nothing else. Grows by doubling (only when more messages are live than ever before); no allocation otherwise.
 */
final class EntryHeap
{
    private long[] keys;
    private int[] ids;
    private int size;

    EntryHeap(final int initialCapacity)
    {
        keys = new long[Math.max(2, initialCapacity)];
        ids = new int[keys.length];
    }

    int size()
    {
        return size;
    }

    boolean isEmpty()
    {
        return size == 0;
    }

    int peekId()
    {
        return ids[0];
    }

    long peekKey()
    {
        return keys[0];
    }

    void push(final long key, final int id)
    {
        if (size == keys.length)
        {
            keys = Arrays.copyOf(keys, size << 1);
            ids = Arrays.copyOf(ids, size << 1);
        }
        int i = size++;
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            if (keys[parent] <= key)
            {
                break;
            }
            keys[i] = keys[parent];
            ids[i] = ids[parent];
            i = parent;
        }
        keys[i] = key;
        ids[i] = id;
    }

    /** Removes the smallest; the heap must not be empty. */
    void pop()
    {
        final int last = --size;
        if (last == 0)
        {
            return;
        }
        final long key = keys[last];
        final int id = ids[last];
        int i = 0;
        while (true)
        {
            int child = (i << 1) + 1;
            if (child >= last)
            {
                break;
            }
            if (child + 1 < last && keys[child + 1] < keys[child])
            {
                child++;
            }
            if (keys[child] >= key)
            {
                break;
            }
            keys[i] = keys[child];
            ids[i] = ids[child];
            i = child;
        }
        keys[i] = key;
        ids[i] = id;
    }
}
