package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;

import java.util.Locale;

/**
 * A row of the side-by-side table: what is read off each baseline's class result, and how it is printed. A value
 * that does not exist (no samples, no interval, not measured) is NaN and printed as "-".
 */
enum Metric
{
    MEDIAN("median", "usec", latency(50)),
    P99("p99", "usec", latency(99)),
    P999("p99.9", "usec", latency(99.9)),
    /** In the report's {@link ThroughputUnit}. */
    BANDWIDTH("BW", null, (result, unit) -> unit.bandwidth(result)),
    MSG_RATE("MsgRate", "Mpps", (result, unit) -> result.seconds() <= 0 ? Double.NaN : result.megaOpsPerSecond()),
    WIRE_BYTES("wire", "B/op", (result, unit) -> result.wireBytes() <= 0 || result.operations() == 0 ?
        Double.NaN : result.wireBytesPerOperation()),
    ERRORS("errors", null, (result, unit) -> result.errors());

    /** Reads a metric off a class result. */
    @FunctionalInterface
    private interface Reader
    {
        double read(ClassResult result, ThroughputUnit throughputUnit);
    }

    private final String name;
    private final String unit;
    private final Reader reader;

    Metric(final String name, final String unit, final Reader reader)
    {
        this.name = name;
        this.unit = unit;
        this.reader = reader;
    }

    /** "median [usec]", "BW [MB/sec]", "errors". */
    String label(final ThroughputUnit throughputUnit)
    {
        final String shownUnit = this == BANDWIDTH ? throughputUnit.label() : unit;
        return shownUnit == null ? name : name + " [" + shownUnit + "]";
    }

    double value(final ClassResult result, final ThroughputUnit throughputUnit)
    {
        return reader.read(result, throughputUnit);
    }

    /** Whether a ratio of two baselines' values means something (not for error counts). */
    boolean hasRatio()
    {
        return this != ERRORS;
    }

    /** Whether a smaller value is the better one: latencies, wire bytes and errors; not throughput. */
    boolean lowerIsBetter()
    {
        return this != BANDWIDTH && this != MSG_RATE;
    }

    /** The value as the tables print it; "-" when missing. */
    String format(final double value)
    {
        if (Double.isNaN(value))
        {
            return "-";
        }
        return switch (this)
        {
            case MEDIAN, P99, P999 -> formatMicros(value);
            case BANDWIDTH -> String.format(Locale.ROOT, "%.2f", value);
            case MSG_RATE -> String.format(Locale.ROOT, "%.3f", value);
            case WIRE_BYTES -> String.format(Locale.ROOT, "%.1f", value);
            case ERRORS -> String.format(Locale.ROOT, "%.0f", value);
        };
    }

    /** "3.10x"; fewer decimals as the ratio grows; "-" when either side is missing or the reference is 0. */
    static String formatRatio(final double ratio)
    {
        if (!Double.isFinite(ratio))
        {
            return "-";
        }
        final String digits = ratio < 10 ? "%.2fx" : ratio < 100 ? "%.1fx" : "%.0fx";
        return String.format(Locale.ROOT, digits, ratio);
    }

    /** Two decimals, as perftest prints microseconds, until the number gets wide. */
    static String formatMicros(final double micros)
    {
        final String digits = micros < 1e4 ? "%.2f" : micros < 1e5 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, digits, micros);
    }

    private static Reader latency(final double percentile)
    {
        return (result, unit) -> result.latencyNanos().getTotalCount() == 0 ?
            Double.NaN : result.latencyNanos().getValueAtPercentile(percentile) / 1000.0;
    }
}
