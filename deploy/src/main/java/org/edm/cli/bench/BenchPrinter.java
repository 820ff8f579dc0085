package org.edm.cli.bench;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.LatencySummary;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.Banner;
import org.edm.bench.perftest.PerftestTable;
import org.edm.bench.run.BenchListener;
import org.edm.bench.run.BenchTest;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints a bench run as perftest does, on standard output: per baseline the banner, the table header, one row per
 * size as it finishes, and the closing line; then, for loaded runs, one line per class of traffic (read, write,
 * background-write, frames) after the table (size: the run's message size), so that table parsers see only
 * perftest's rows. Skipped baselines, notes (each once) and failed operations go to standard error, as does the progress bar.
 */
final class BenchPrinter implements BenchListener
{
    /** Header of the per-class block (after the table, loaded runs only). */
    static final String CLASS_HEADER = " class              size     #ops        errors    t_typical[usec]   " +
        "99% [usec]    99.9% [usec]   MB/sec      Mpps";

    private final PrintWriter out;
    private final PrintWriter err;
    private final ProgressBar bar;
    private final BenchTest test;
    private final boolean durationMode;
    private final boolean gbits;
    private final String prefix;
    private final List<RunResult> baselineResults = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final Set<String> notes = new HashSet<>();
    private long failedOperations;

    BenchPrinter(
        final PrintWriter out, final PrintWriter err, final ProgressBar bar, final BenchTest test,
        final boolean durationMode, final boolean gbits, final String prefix)
    {
        this.out = out;
        this.err = err;
        this.bar = bar;
        this.test = test;
        this.durationMode = durationMode;
        this.gbits = gbits;
        this.prefix = prefix;
    }

    public void baselineSkipped(final String baseline, final String reason)
    {
        bar.clear();
        skipped.add(baseline);
        err.println(prefix + "baseline " + baseline + " skipped: " + reason);
        err.flush();
    }

    public void baselineStarted(final String baseline, final Banner banner)
    {
        bar.clear();
        baselineResults.clear();
        banner.lines().forEach(out::println);
        out.println(PerftestTable.LINE);
        out.println(test.isLatency() ? (durationMode ? PerftestTable.DURATION_HEADER : PerftestTable.LATENCY_HEADER) :
            PerftestTable.bandwidthHeader(gbits));
        out.flush();
    }

    public void result(final RunResult result)
    {
        bar.clear();
        baselineResults.add(result);
        out.println(row(result));
        out.flush();
        final ClassResult measured = result.measured();
        if (measured.errors() > 0)
        {
            failedOperations += measured.errors();
            err.println(prefix + result.baseline() + " " + result.test() + " " + result.size() + " B: " +
                measured.errors() + " operation(s) failed (error status, e.g. TIMEOUT); they are left out of the " +
                "rates and kept in the latencies");
            err.flush();
        }
    }

    public void baselineFinished(final String baseline)
    {
        bar.clear();
        out.println(PerftestTable.LINE);
        final boolean loaded = baselineResults.stream().anyMatch(r -> r.classes().size() > 1);
        if (loaded)
        {
            out.println(" Per class of traffic (" + baseline + ", load " + baselineResults.getFirst().load() + "):");
            out.println(CLASS_HEADER);
            for (final RunResult result : baselineResults)
            {
                for (final ClassResult trafficClass : result.classes())
                {
                    out.println(classRow(result.size(), trafficClass));
                }
            }
            out.println(PerftestTable.LINE);
        }
        out.flush();
    }

    public void note(final String line)
    {
        if (!notes.add(line))
        {
            return;
        }
        bar.clear();
        err.println(prefix + line);
        err.flush();
    }

    public void progress(final double fraction, final long elapsedNanos, final String what)
    {
        bar.update(fraction, elapsedNanos, what);
    }

    /** Operations of the measured classes that ended with an error status. */
    long failedOperations()
    {
        return failedOperations;
    }

    /** Baselines that could not run. */
    List<String> skipped()
    {
        return skipped;
    }

    /** The table row of a result, in the layout of the test's table. */
    String row(final RunResult result)
    {
        final ClassResult measured = result.measured();
        if (test.isLatency())
        {
            if (durationMode)
            {
                final double tps = measured.seconds() <= 0 ? 0 : measured.operations() / measured.seconds();
                return PerftestTable.durationRow(result.size(), measured.operations(),
                    measured.latency().averageMicros(), tps);
            }
            return PerftestTable.latencyRow(result.size(), measured.operations(), measured.latency());
        }
        final double average = measured.seconds() <= 0 ? 0 : measured.bytes() / measured.seconds();
        final double rate = measured.seconds() <= 0 ? 0 : measured.operations() / measured.seconds();
        return PerftestTable.bandwidthRow(result.size(), measured.operations(), measured.peakBytesPerSecond(), average,
            rate, gbits);
    }

    private static String classRow(final int size, final ClassResult trafficClass)
    {
        final LatencySummary latency = trafficClass.latency();
        final double seconds = trafficClass.seconds();
        return String.format(Locale.ROOT, " %-18s %-8d %-11d %-9d %-17.2f %-13.2f %-14.2f %-11.2f %.6f",
            trafficClass.trafficClass(), size, trafficClass.operations(), trafficClass.errors(),
            latency.medianMicros(), latency.p99Micros(), latency.p999Micros(),
            seconds <= 0 ? 0 : trafficClass.bytes() / seconds / PerftestTable.BYTES_PER_MB,
            seconds <= 0 ? 0 : trafficClass.operations() / seconds / 1e6);
    }
}
