package org.edm.bench.perftest;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * HdrHistogram's percentile distribution text (the {@code .hgrm} format its plotter and {@code HistogramLogProcessor}
 * read), written from a histogram of nanoseconds with values in microseconds, as Aeron's samples do.
 * <pre>
 *          Value     Percentile TotalCount 1/(1-Percentile)
 *          2.000 0.000000000000        261           1.00
 *   ...
 *   #[Mean    =        2.239, StdDeviation   =        0.181]
 *   #[Max     =        3.471, Total count    =       100000]
 *   #[Buckets =           24, SubBuckets     =         2048]
 * </pre>
 */
public final class HgrmFile
{
    /** Nanoseconds per microsecond: the scaling of the written values. */
    public static final double NANOS_PER_MICRO = 1000.0;

    private HgrmFile()
    {
    }

    /** Writes the distribution of {@code nanos} to {@code file}; throws naming the file when it cannot. */
    public static void write(final Path file, final Histogram nanos)
    {
        try (OutputStream stream = Files.newOutputStream(file);
            PrintStream out = new PrintStream(stream, false, StandardCharsets.US_ASCII))
        {
            nanos.outputPercentileDistribution(out, NANOS_PER_MICRO);
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("--hgrm: cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The file for one of several runs: {@code base} with {@code -tag} before its extension ({@code lat.hgrm} and tag
     * {@code edm-64} give {@code lat-edm-64.hgrm}); {@code base} itself when there is only one run.
     */
    public static Path fileFor(final Path base, final String tag, final boolean severalRuns)
    {
        if (!severalRuns)
        {
            return base;
        }
        final String name = base.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String tagged = dot > 0 ? name.substring(0, dot) + "-" + tag + name.substring(dot) : name + "-" + tag;
        return base.resolveSibling(tagged);
    }
}
