package org.edm.bench.report;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;

import java.util.List;

/**
 * Runs with hand-made histograms whose percentiles are known exactly. HdrHistogram (3 significant digits) keeps
 * values below 2048 ns exact and reports a value v in [2048, 4096) as v + 1, so the latencies here are chosen to
 * print as round microseconds.
 */
final class SyntheticRuns
{
    static final ReportHeader HEADER = new ReportHeader("testhost (2 cpus)", "2025-06-01T12:00:00Z");
    static final String TRANSPORT = "in-memory cables";

    private SyntheticRuns()
    {
    }

    /** {@code counts[i]} samples of {@code nanos[i]}. */
    static Histogram histogram(final long[] nanos, final long[] counts)
    {
        final Histogram histogram = new Histogram(3);
        for (int i = 0; i < nanos.length; i++)
        {
            histogram.recordValueWithCount(nanos[i], counts[i]);
        }
        return histogram;
    }

    /** 1000 samples: 980 at {@code body}, 10 at {@code p99}, 10 at {@code p999} nanoseconds. */
    static Histogram thousand(final long body, final long p99, final long p999)
    {
        return histogram(new long[] {body, p99, p999}, new long[] {980, 10, 10});
    }

    /** A class of {@code operations} operations of {@code size} bytes over {@code seconds}. */
    static ClassResult result(final String trafficClass, final Histogram latency, final long operations,
        final int size, final double seconds, final long wireBytesPerOperation)
    {
        return new ClassResult(trafficClass, latency, operations, 0, operations * size, seconds,
            operations * wireBytesPerOperation);
    }

    static RunResult run(final String baseline, final String test, final String load, final int size,
        final ClassResult... classes)
    {
        return new RunResult(baseline, test, load, 0, size, 10, TRANSPORT, List.of(classes));
    }

    /** EDM's 64-byte unloaded reads: median 1.00, p99 1.50, p99.9 2.00 usec; 1000 ops in 1 ms; 48 wire B/op. */
    static RunResult edmRead()
    {
        return run("edm", "read_lat", "unloaded", 64, result("read", thousand(1000, 1500, 2000), 1000, 64, 0.001, 48));
    }

    /** RoCE's: median 3.10, p99 3.60, p99.9 4.00 usec; 1000 ops in 3 ms; 132 wire B/op. */
    static RunResult roceRead()
    {
        return run("roce", "read_lat", "unloaded", 64,
            result("read", thousand(3100, 3600, 4000), 1000, 64, 0.003, 132));
    }
}
