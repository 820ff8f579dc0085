package org.edm.phy.util;

import java.util.Arrays;

/**
 * A min-heap over the ids 0..capacity-1, each present at most once, with a {@code long} key that can be changed in
 * place. Used per receiver to order the senders that have demand for it, and for the per-slot candidate list.
 * Fixed capacity unless {@link #ensureCapacity} grows it; no allocation otherwise.
 */
public final class IndexedMinHeap
{
    private int[] heap;
    private int[] position;
    private long[] keys;
    private int size;

    public IndexedMinHeap(final int capacity)
    {
        heap = new int[capacity];
        position = new int[capacity];
        keys = new long[capacity];
        Arrays.fill(position, -1);
    }

    /** Ids this heap can hold (0..capacity-1). */
    public int capacity()
    {
        return heap.length;
    }

    /** Lets the heap hold ids up to {@code capacity - 1}; allocates only when it grows. */
    public void ensureCapacity(final int capacity)
    {
        if (capacity <= heap.length)
        {
            return;
        }
        final int old = heap.length;
        heap = Arrays.copyOf(heap, capacity);
        keys = Arrays.copyOf(keys, capacity);
        position = Arrays.copyOf(position, capacity);
        Arrays.fill(position, old, capacity, -1);
    }

    public int size()
    {
        return size;
    }

    public boolean isEmpty()
    {
        return size == 0;
    }

    public boolean contains(final int id)
    {
        return position[id] >= 0;
    }

    public int peek()
    {
        return heap[0];
    }

    public long key(final int id)
    {
        return keys[id];
    }

    /** Inserts {@code id} or changes its key. */
    public void put(final int id, final long key)
    {
        final int at = position[id];
        keys[id] = key;
        if (at < 0)
        {
            heap[size] = id;
            position[id] = size;
            siftUp(size++);
        }
        else
        {
            siftUp(at);
            siftDown(position[id]);
        }
    }

    /**
     * Lowers the key of {@code id}, which must be in the heap with a key no smaller than {@code key}: only moves it up,
     * so it costs nothing when {@code id} is the top (a host sending the next block of its best message).
     */
    public void decreaseKey(final int id, final long key)
    {
        keys[id] = key;
        siftUp(position[id]);
    }

    public void remove(final int id)
    {
        final int at = position[id];
        if (at < 0)
        {
            return;
        }
        final int last = --size;
        position[id] = -1;
        if (at != last)
        {
            final int moved = heap[last];
            heap[at] = moved;
            position[moved] = at;
            siftUp(at);
            siftDown(position[moved]);
        }
    }

    /** Removes and returns the id with the smallest key; the heap must not be empty. */
    public int poll()
    {
        final int id = heap[0];
        remove(id);
        return id;
    }

    public void clear()
    {
        for (int i = 0; i < size; i++)
        {
            position[heap[i]] = -1;
        }
        size = 0;
    }

    private void siftUp(final int from)
    {
        int i = from;
        final int id = heap[i];
        final long key = keys[id];
        while (i > 0)
        {
            final int parent = (i - 1) >>> 1;
            final int parentId = heap[parent];
            if (keys[parentId] <= key)
            {
                break;
            }
            heap[i] = parentId;
            position[parentId] = i;
            i = parent;
        }
        heap[i] = id;
        position[id] = i;
    }

    private void siftDown(final int from)
    {
        int i = from;
        final int id = heap[i];
        final long key = keys[id];
        while (true)
        {
            int child = (i << 1) + 1;
            if (child >= size)
            {
                break;
            }
            if (child + 1 < size && keys[heap[child + 1]] < keys[heap[child]])
            {
                child++;
            }
            final int childId = heap[child];
            if (keys[childId] >= key)
            {
                break;
            }
            heap[i] = childId;
            position[childId] = i;
            i = child;
        }
        heap[i] = id;
        position[id] = i;
    }
}
