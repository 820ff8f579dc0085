package org.edm.bench.perftest;

import org.HdrHistogram.Histogram;
import org.edm.bench.perftest.PerftestReport.LatencyRow;

import java.util.concurrent.TimeUnit;

/**
 * perftest's latencies as the bench's histograms (nanoseconds). With every sample ({@code -H}) the histogram is
 * exact. From the summary alone it is rebuilt so that its minimum, median, 99th and 99.9th percentiles and maximum are
 * perftest's, with {@code n} values in all: 1 at t_min, the rest up to 99% at t_typical, up to 99.9% at the 99th
 * percentile, one at the 99.9th and what is left at t_max. Its mean and standard deviation are then not perftest's;
 * the percentiles, which the report compares, are.
 */
final class LatencyHistograms
{
    private static final long HIGHEST = TimeUnit.SECONDS.toNanos(10);

    private LatencyHistograms()
    {
    }

    /** The row's latencies times {@code factor} (2 turns perftest's half round trips into whole ones). */
    static Histogram of(final LatencyRow row, final double factor)
    {
        final Histogram histogram = new Histogram(HIGHEST, 3);
        if (!row.samples().isEmpty())
        {
            for (final double micros : row.samples())
            {
                record(histogram, micros * factor, 1);
            }
            return histogram;
        }
        final long n = Math.max(1, row.iterations());
        final long c99 = (long)Math.ceil(0.99 * n);
        final long c999 = (long)Math.ceil(0.999 * n);
        long left = n;
        left -= record(histogram, row.minMicros() * factor, Math.min(left, 1));
        left -= record(histogram, row.typicalMicros() * factor, Math.min(left, Math.max(0, c99 - 2)));
        left -= record(histogram, row.p99Micros() * factor, Math.min(left, Math.max(1, c999 - c99)));
        left -= record(histogram, row.p999Micros() * factor, Math.min(left, 1));
        record(histogram, row.maxMicros() * factor, left);
        return histogram;
    }

    /** {@code count} operations of {@code micros} each (a duration run reports only the average). */
    static Histogram constant(final double micros, final long count)
    {
        final Histogram histogram = new Histogram(HIGHEST, 3);
        record(histogram, micros, count);
        return histogram;
    }

    private static long record(final Histogram histogram, final double micros, final long count)
    {
        if (count > 0)
        {
            histogram.recordValueWithCount(Math.min(HIGHEST, Math.max(1, Math.round(micros * 1000))), count);
        }
        return count;
    }
}
