package org.edm.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * The outcome for one class of traffic within a run (the measured reads, or the background writes, the ordinary
 * frames, one incast client...): its latency histogram in nanoseconds, its throughput and its errors.
 *
 * @param trafficClass   "read", "write", "background-write", "frames", ... as the report labels it.
 * @param latencyNanos   every completed operation's latency (from the intended start time in open-loop mode).
 * @param operations     operations completed successfully.
 * @param errors         operations completed with an error status.
 * @param bytes          payload bytes moved by the successful operations.
 * @param seconds        the measured interval.
 * @param wireBytes      bytes the class's links put on the wire in the interval (0 when not measured).
 */
public record ClassResult(
    String trafficClass,
    Histogram latencyNanos,
    long operations,
    long errors,
    long bytes,
    double seconds,
    long wireBytes)
{
    public LatencySummary latency()
    {
        return LatencySummary.of(latencyNanos);
    }

    /** Payload throughput in perftest's MB/sec, which counts 2^20 bytes to the MB ({@code format_factor 0x100000}). */
    public double megabytesPerSecond()
    {
        return seconds <= 0 ? 0 : bytes / seconds / (1 << 20);
    }

    /** Payload throughput in perftest's Gb/sec ({@code --report_gbits}: 125,000,000 bytes per Gb/s). */
    public double gigabitsPerSecond()
    {
        return seconds <= 0 ? 0 : bytes / seconds / 125e6;
    }

    /** Operations per second in millions (perftest's MsgRate[Mpps]). */
    public double megaOpsPerSecond()
    {
        return seconds <= 0 ? 0 : operations / seconds / 1e6;
    }

    /** Wire bytes per successful operation, or 0 when not measured. */
    public double wireBytesPerOperation()
    {
        return operations == 0 ? 0 : (double)wireBytes / operations;
    }
}
