package org.edm.bench.run;

import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;

import java.util.List;

/**
 * What {@code edm bench} (or a program such as the demo) asks {@link BenchRunner} to run: one test at one or several
 * message sizes, for each baseline, under one load, on one rack.
 *
 * @param test             read_lat, write_lat, read_bw or write_bw.
 * @param sizes            message sizes in bytes, in order.
 * @param allSizes         the sizes are {@code -a}'s sweep: those the run cannot carry are skipped (and said so)
 *                         instead of refused.
 * @param iterations       measured operations per client (ignored in duration mode).
 * @param durationSeconds  measure for this long instead of counting iterations; 0 for iteration mode.
 * @param warmupIterations operations per client before measuring, not recorded.
 * @param warmupSeconds    warm up for at least this long too (the JIT compiles the data path in the first second or
 *                         so; a count alone is too short for small messages and too long for large ones).
 * @param txDepth          operations in flight per client (1 for the closed-loop latency tests).
 * @param rate             operations per second each client offers in open-loop mode; 0 for the closed loop.
 * @param load             incast, background writes, frames, read/write mix.
 * @param baselines        what to measure, in order ("edm", "raw", ...).
 * @param rack             where.
 * @param settings         the fabric's protocol settings (line rate, framing, region, timeout).
 * @param options          the agents' limits and port options (each baseline adds its frame endpoints).
 * @param seed             seeds the read/write mix.
 * @param maxSeconds       a bound on each phase of each run (warm-up, measurement, drain); a run that takes longer
 *                         is stopped with an error.
 */
public record BenchPlan(
    BenchTest test,
    List<Integer> sizes,
    boolean allSizes,
    long iterations,
    double durationSeconds,
    int warmupIterations,
    double warmupSeconds,
    int txDepth,
    double rate,
    LoadSpec load,
    List<String> baselines,
    RackChoice rack,
    FabricSettings settings,
    FabricOptions options,
    long seed,
    double maxSeconds)
{
    /** Warm-up time by default, besides the warm-up iterations. */
    public static final double DEFAULT_WARMUP_SECONDS = 1;
    /** perftest's largest message with {@code -a}: 2^23 bytes. */
    public static final int MAX_MESSAGE = 1 << 23;
    /** Most operations in flight per client. */
    public static final int MAX_DEPTH = 4096;

    public BenchPlan
    {
        sizes = List.copyOf(sizes);
        baselines = List.copyOf(baselines);
        check(!sizes.isEmpty(), "no message size");
        for (final int size : sizes)
        {
            check(size >= 1 && size <= MAX_MESSAGE, "--size=" + size + " outside [1, " + MAX_MESSAGE + "]");
        }
        check(durationSeconds >= 0 && durationSeconds <= 86_400, "--duration=" + durationSeconds +
            " outside [0, 86400] seconds");
        check(durationSeconds > 0 || (iterations >= 1 && iterations <= 100_000_000), "--iters=" + iterations +
            " outside [1, 100000000]");
        check(warmupIterations >= 0 && warmupIterations <= 100_000_000, "--warmup=" + warmupIterations +
            " outside [0, 100000000]");
        check(warmupSeconds >= 0 && warmupSeconds <= 3600, "--warmup-seconds=" + warmupSeconds +
            " outside [0, 3600]");
        check(txDepth >= 1 && txDepth <= MAX_DEPTH, "--tx-depth=" + txDepth + " outside [1, " + MAX_DEPTH + "]");
        check(rate >= 0 && rate <= 1e9, "--rate=" + rate + " outside [0, 1e9] operations per second");
        check(!baselines.isEmpty(), "no baseline");
        check(maxSeconds > 0, "max seconds must be > 0");
    }

    /** True in duration mode ({@code -D}). */
    public boolean durationMode()
    {
        return durationSeconds > 0;
    }

    /** True in open-loop mode ({@code --rate}). */
    public boolean openLoop()
    {
        return rate > 0;
    }

    /** The default warm-up: a tenth of the iterations, at least 16 and twice the depth, at most 1000 plus the depth. */
    public static int defaultWarmup(final long iterations, final int depth)
    {
        final long tenth = Math.min(1000, iterations / 10);
        return (int)Math.max(Math.max(16, 2L * depth), tenth);
    }

    /** Sizes of {@code -a}: 2, 4, ... 2^23. */
    public static List<Integer> sweepSizes()
    {
        final java.util.ArrayList<Integer> sizes = new java.util.ArrayList<>();
        for (int size = 2; size <= MAX_MESSAGE; size <<= 1)
        {
            sizes.add(size);
        }
        return sizes;
    }

    private static void check(final boolean ok, final String problem)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(problem);
        }
    }
}
