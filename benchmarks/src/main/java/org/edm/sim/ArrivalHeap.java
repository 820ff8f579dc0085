package org.edm.sim;

/**
 * A binary min-heap of (time, pair) entries on primitive arrays, ordered by time and then by pair index so that the
 * order of equal times is deterministic. The generator keeps one entry per ordered host pair: the pair's next
 * arrival. Fixed capacity; not thread safe.
 */
final class ArrivalHeap
{
    private final double[] time;
    private final int[] pair;
    private int size;

    ArrivalHeap(final int capacity)
    {
        time = new double[capacity];
        pair = new int[capacity];
    }

    int size()
    {
        return size;
    }

    void add(final double entryTime, final int entryPair)
    {
        int at = size++;
        while (at > 0)
        {
            final int parent = (at - 1) >>> 1;
            if (!before(entryTime, entryPair, time[parent], pair[parent]))
            {
                break;
            }
            time[at] = time[parent];
            pair[at] = pair[parent];
            at = parent;
        }
        time[at] = entryTime;
        pair[at] = entryPair;
    }

    /** Time of the earliest entry; the heap must not be empty. */
    double topTime()
    {
        return time[0];
    }

    /** Pair of the earliest entry; the heap must not be empty. */
    int topPair()
    {
        return pair[0];
    }

    /** Gives the earliest entry the later time {@code newTime} and restores the order. */
    void replaceTopTime(final double newTime)
    {
        final int entryPair = pair[0];
        int at = 0;
        while (true)
        {
            final int left = (at << 1) + 1;
            if (left >= size)
            {
                break;
            }
            final int right = left + 1;
            final int child = right < size && before(time[right], pair[right], time[left], pair[left]) ? right : left;
            if (!before(time[child], pair[child], newTime, entryPair))
            {
                break;
            }
            time[at] = time[child];
            pair[at] = pair[child];
            at = child;
        }
        time[at] = newTime;
        pair[at] = entryPair;
    }

    private static boolean before(final double t1, final int p1, final double t2, final int p2)
    {
        return t1 < t2 || (t1 == t2 && p1 < p2);
    }
}
