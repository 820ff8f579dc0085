package org.edm.sim;

/**
 * Stable sorting of row indices by a {@code long} key, on primitive arrays only, so that tables of millions of flows
 * can be ordered without an object per row. Bottom-up merge sort: O(n log n) time, two {@code int[n]} buffers.
 */
final class IndexSort
{
    private IndexSort()
    {
    }

    /**
     * The indices 0..n-1 ordered by {@code keys[index]} ascending; equal keys keep their index order.
     *
     * @param keys the key of each index; only the first {@code n} are read.
     * @param n    how many indices to order.
     * @return a new array of length n.
     */
    static int[] stableOrder(final long[] keys, final int n)
    {
        int[] from = new int[n];
        for (int i = 0; i < n; i++)
        {
            from[i] = i;
        }
        if (isSorted(keys, n))
        {
            return from;
        }
        int[] to = new int[n];
        for (int width = 1; width < n; width <<= 1)
        {
            for (int lo = 0; lo < n; lo += width << 1)
            {
                final int mid = Math.min(lo + width, n);
                final int hi = Math.min(lo + (width << 1), n);
                merge(keys, from, to, lo, mid, hi);
            }
            final int[] swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    /** Whether keys[0..n-1] is already in ascending order. */
    static boolean isSorted(final long[] keys, final int n)
    {
        for (int i = 1; i < n; i++)
        {
            if (keys[i] < keys[i - 1])
            {
                return false;
            }
        }
        return true;
    }

    private static void merge(
        final long[] keys, final int[] from, final int[] to, final int lo, final int mid, final int hi)
    {
        int left = lo;
        int right = mid;
        for (int out = lo; out < hi; out++)
        {
            // "<=" takes the left run first on ties: that is what makes the sort stable.
            if (right >= hi || (left < mid && keys[from[left]] <= keys[from[right]]))
            {
                to[out] = from[left++];
            }
            else
            {
                to[out] = from[right++];
            }
        }
    }
}
