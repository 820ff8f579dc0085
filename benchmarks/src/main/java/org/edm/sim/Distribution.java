package org.edm.sim;

import java.util.Arrays;

/**
 * Mean and exact percentiles of a sample. Percentiles use the nearest-rank definition: the p-th percentile of
 * {@code n} sorted values {@code x[1] <= ... <= x[n]} is {@code x[k]} with {@code k = ceil(p / 100 * n)} (at least 1),
 * computed in integer per-mille arithmetic so that, for example, p99.9 of 1000 values is exactly {@code x[999]}.
 * Every statistic is thus one of the sample's values except the mean. An empty sample has no statistics
 * ({@link #EMPTY}, {@code count == 0}; its fields are 0 and must not be reported as values).
 *
 * @param count number of values.
 * @param mean  arithmetic mean.
 * @param p50   median (nearest rank).
 * @param p99   99th percentile (nearest rank).
 * @param p999  99.9th percentile (nearest rank).
 */
public record Distribution(int count, double mean, double p50, double p99, double p999)
{
    /** The distribution of no values. */
    public static final Distribution EMPTY = new Distribution(0, 0, 0, 0, 0);

    /** Statistics of {@code values[0..n-1]}; sorts that range in place. */
    public static Distribution ofLongs(final long[] values, final int n)
    {
        if (n == 0)
        {
            return EMPTY;
        }
        Arrays.sort(values, 0, n);
        long sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += values[i];
        }
        return new Distribution(n, (double)sum / n, values[rankIndex(500, n)], values[rankIndex(990, n)],
            values[rankIndex(999, n)]);
    }

    /** Statistics of {@code values[0..n-1]}; sorts that range in place. The values must be finite. */
    public static Distribution ofDoubles(final double[] values, final int n)
    {
        if (n == 0)
        {
            return EMPTY;
        }
        Arrays.sort(values, 0, n);
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += values[i];
        }
        return new Distribution(n, sum / n, values[rankIndex(500, n)], values[rankIndex(990, n)],
            values[rankIndex(999, n)]);
    }

    /** The same distribution with every statistic multiplied by {@code factor} (slots to nanoseconds). */
    public Distribution scaled(final double factor)
    {
        return scaled(factor, 0);
    }

    /**
     * The same distribution with every statistic multiplied by {@code factor} and {@code offset} added (slots to
     * nanoseconds plus the timing model's fixed cost; adding a constant moves every percentile by the same amount).
     */
    public Distribution scaled(final double factor, final double offset)
    {
        return count == 0 ? EMPTY : new Distribution(count, mean * factor + offset, p50 * factor + offset,
            p99 * factor + offset, p999 * factor + offset);
    }

    /**
     * The 0-based index of the nearest-rank {@code perMille / 10} percentile of {@code n} sorted values:
     * {@code ceil(perMille * n / 1000) - 1}, at least 0.
     */
    static int rankIndex(final int perMille, final int n)
    {
        final long rank = ((long)perMille * n + 999) / 1000;
        return (int)Math.max(1, rank) - 1;
    }
}
