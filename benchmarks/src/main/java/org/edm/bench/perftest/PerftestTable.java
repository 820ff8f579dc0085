package org.edm.bench.perftest;

import org.edm.bench.harness.LatencySummary;

import java.util.Locale;

/**
 * The result table of perftest 4.5 ({@code ib_read_lat}, {@code ib_write_bw}, ...), byte for byte: the separator line,
 * the column headers and the row layouts, so that the scripts people already run on perftest output (most split rows
 * on whitespace and take {@code $1..$9}) work on {@code edm bench} unchanged. The row layouts keep perftest's tabs and
 * padding; latencies are in microseconds, bandwidth in MB/sec (2^20 bytes, as perftest counts them) or Gb/sec (10^9
 * bits) with {@code --report_gbits}, message rate in Mpps (10^6 operations per second).
 * <pre>
 *   ---------------------------------------------------------------------------------------   (LINE)
 *    #bytes #iterations    t_min[usec]    t_max[usec]  t_typical[usec] ...                      (LATENCY_HEADER)
 *    2       1000          1.76           6.12         1.79     ...                             (latencyRow)
 *   ---------------------------------------------------------------------------------------
 * </pre>
 */
public final class PerftestTable
{
    /** The line above and below every table (87 dashes). */
    public static final String LINE = "-".repeat(87);

    /** Header of the latency tests ({@code t_typical} is the median). Ends with a space, as perftest's does. */
    public static final String LATENCY_HEADER = " #bytes #iterations    t_min[usec]    t_max[usec]  t_typical[usec]    " +
        "t_avg[usec]    t_stdev[usec]   99% percentile[usec]   99.9% percentile[usec] ";

    /** Header of the latency tests in duration mode ({@code -D}). */
    public static final String DURATION_HEADER = " #bytes        #iterations       t_avg[usec]    tps average";

    /** Header of the bandwidth tests. */
    public static final String BANDWIDTH_HEADER = " #bytes     #iterations    BW peak[MB/sec]    BW average[MB/sec]   " +
        "MsgRate[Mpps]";

    /** Header of the bandwidth tests with {@code --report_gbits}. */
    public static final String BANDWIDTH_HEADER_GBITS = " #bytes     #iterations    BW peak[Gb/sec]    " +
        "BW average[Gb/sec]   MsgRate[Mpps]";

    /** perftest's MB: 2^20 bytes. */
    public static final double BYTES_PER_MB = 1 << 20;

    /** perftest's Gb: 10^9 bits. */
    public static final double BYTES_PER_GBIT = 125_000_000;

    // perftest's REPORT_FMT_LAT, REPORT_FMT_LAT_DUR and REPORT_FMT in Java's syntax (%lu becomes %d)
    private static final String LATENCY_ROW = " %-7d %d          %-7.2f        %-7.2f      %-7.2f  \t       %-7.2f     " +
        "\t%-7.2f\t\t%-7.2f \t\t%-7.2f";
    private static final String DURATION_ROW = " %-7d       %d            %-7.2f        %-7.2f";
    private static final String BANDWIDTH_ROW = " %-7d    %-10d       %-7.2f            %-7.2f\t\t   %-7.6f";

    private PerftestTable()
    {
    }

    /** The bandwidth header for the unit chosen. */
    public static String bandwidthHeader(final boolean gbits)
    {
        return gbits ? BANDWIDTH_HEADER_GBITS : BANDWIDTH_HEADER;
    }

    /** One latency row: size, iterations, then min, max, typical (median), average, stdev, p99, p99.9 in us. */
    public static String latencyRow(final long size, final long iterations, final LatencySummary latency)
    {
        return String.format(Locale.ROOT, LATENCY_ROW, size, iterations, latency.minMicros(), latency.maxMicros(),
            latency.medianMicros(), latency.averageMicros(), latency.stdevMicros(), latency.p99Micros(),
            latency.p999Micros());
    }

    /** One duration-mode latency row: size, iterations, average latency in us, transactions per second. */
    public static String durationRow(
        final long size, final long iterations, final double averageMicros, final double transactionsPerSecond)
    {
        return String.format(Locale.ROOT, DURATION_ROW, size, iterations, averageMicros, transactionsPerSecond);
    }

    /**
     * One bandwidth row.
     *
     * @param peakBytesPerSecond    the best rate over a short window.
     * @param averageBytesPerSecond bytes over the whole measured interval.
     * @param operationsPerSecond   completed operations per second.
     * @param gbits                 Gb/sec instead of MB/sec.
     */
    public static String bandwidthRow(
        final long size, final long iterations, final double peakBytesPerSecond, final double averageBytesPerSecond,
        final double operationsPerSecond, final boolean gbits)
    {
        final double unit = gbits ? BYTES_PER_GBIT : BYTES_PER_MB;
        return String.format(Locale.ROOT, BANDWIDTH_ROW, size, iterations, peakBytesPerSecond / unit,
            averageBytesPerSecond / unit, operationsPerSecond / 1e6);
    }
}
