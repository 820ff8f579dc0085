package org.edm.bench.perftest;

import java.util.List;
import java.util.Map;

/**
 * What one run of a perftest program reported: its title ("RDMA_Read Latency Test"), its banner settings ("Device" ->
 * "mlx5_0", "Link type" -> "Ethernet", ...) and a row per message size; with {@code -H}, a latency row also holds
 * every sample. perftest prints the full time of a READ but half the round trip of a WRITE or SEND ping-pong
 * ({@link #halvesRoundTrips()}).
 *
 * @param title    the test's title line, "" when absent (JSON reports carry it as "test").
 * @param settings the banner's (or JSON test_info's) key/value pairs, keys as printed.
 * @param rows     one per message size, in order.
 */
public record PerftestReport(String title, Map<String, String> settings, List<Row> rows)
{
    public PerftestReport
    {
        settings = Map.copyOf(settings);
        rows = List.copyOf(rows);
    }

    /** One table row. */
    public sealed interface Row permits LatencyRow, DurationLatencyRow, BandwidthRow
    {
        /** Message size in bytes. */
        long bytes();

        /** Iterations (operations) measured. */
        long iterations();
    }

    /**
     * A latency row ({@code ib_*_lat}, iterations mode), microseconds.
     *
     * @param typicalMicros perftest's t_typical: the median.
     * @param samples       every sample of a {@code -H} run, as printed before the row (sorted unless -U); else empty.
     */
    public record LatencyRow(long bytes, long iterations, double minMicros, double maxMicros, double typicalMicros,
        double averageMicros, double stdevMicros, double p99Micros, double p999Micros, List<Double> samples)
        implements Row
    {
        public LatencyRow
        {
            samples = List.copyOf(samples);
        }
    }

    /** A latency row of a duration run ({@code -D}): only the average and the transactions per second. */
    public record DurationLatencyRow(long bytes, long iterations, double averageMicros, double transactionsPerSecond)
        implements Row
    {
    }

    /**
     * A bandwidth row ({@code ib_*_bw}).
     *
     * @param peak    BW peak in {@code unit}.
     * @param average BW average in {@code unit}.
     * @param messageRateMpps MsgRate in millions of messages per second.
     */
    public record BandwidthRow(long bytes, long iterations, double peak, double average, double messageRateMpps,
        BandwidthUnit unit) implements Row
    {
        /** The average as bytes per second. */
        public double averageBytesPerSecond()
        {
            return unit.bytesPerSecond(average);
        }
    }

    /** perftest's bandwidth units. */
    public enum BandwidthUnit
    {
        /** "MB/sec": perftest's megabyte is 2^20 bytes. */
        MB_PER_SEC
        {
            double bytesPerSecond(final double value)
            {
                return value * (1 << 20);
            }
        },
        /** "Gb/sec" ({@code --report_gbits}): 10^9 bits. */
        GB_PER_SEC
        {
            double bytesPerSecond(final double value)
            {
                return value * 1e9 / 8;
            }
        };

        abstract double bytesPerSecond(double value);
    }

    /** Whether the latencies are half a ping-pong round trip (WRITE and SEND tests) rather than whole (READ). */
    public boolean halvesRoundTrips()
    {
        final String test = title.isEmpty() ? settings.getOrDefault("test", "") : title;
        return !test.contains("Read") && !test.contains("Atomic") && !test.contains("ATOMIC");
    }
}
