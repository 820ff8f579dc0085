package org.edm.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * One class of traffic's latency, in microseconds, as the report tables print it: perftest's columns (min, max,
 * typical = median, average, standard deviation, 99th and 99.9th percentiles) plus the count.
 */
public record LatencySummary(
    long count,
    double minMicros,
    double maxMicros,
    double medianMicros,
    double averageMicros,
    double stdevMicros,
    double p99Micros,
    double p999Micros)
{
    /** Summarises a histogram of nanoseconds. */
    public static LatencySummary of(final Histogram nanos)
    {
        if (nanos.getTotalCount() == 0)
        {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
            nanos.getTotalCount(),
            nanos.getMinValue() / 1000.0,
            nanos.getMaxValue() / 1000.0,
            nanos.getValueAtPercentile(50) / 1000.0,
            nanos.getMean() / 1000.0,
            nanos.getStdDeviation() / 1000.0,
            nanos.getValueAtPercentile(99) / 1000.0,
            nanos.getValueAtPercentile(99.9) / 1000.0);
    }
}
