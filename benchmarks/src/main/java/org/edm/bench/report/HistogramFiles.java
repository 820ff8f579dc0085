package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One {@code .hgrm} file per class of every run: HdrHistogram's percentile distribution in microseconds (scaling
 * ratio 1000 over nanoseconds), the format HdrHistogram's plotter and Aeron's samples use. Files are named
 * {@code test-size-baseline-load-class.hgrm} with anything but letters, digits, dots and dashes turned into dashes;
 * a repeated run gets {@code -2}, {@code -3} ... so no file is overwritten.
 */
final class HistogramFiles
{
    private static final double NANOS_PER_MICRO = 1000.0;

    private HistogramFiles()
    {
    }

    static List<Path> write(final Path directory, final List<RunResult> runs) throws IOException
    {
        final List<Path> written = new ArrayList<>();
        final Set<String> taken = new HashSet<>();
        for (final RunResult run : runs)
        {
            for (final ClassResult result : run.classes())
            {
                final String stem = fileStem(run, result);
                String name = stem + ".hgrm";
                for (int copy = 2; !taken.add(name); copy++)
                {
                    name = stem + "-" + copy + ".hgrm";
                }
                final Path file = directory.resolve(name);
                Files.writeString(file, distribution(result));
                written.add(file);
            }
        }
        return written;
    }

    /** "read_lat-64-edm-incast-8-bulk-writes-read". */
    static String fileStem(final RunResult run, final ClassResult result)
    {
        final String raw = String.join("-", run.test(), Integer.toString(run.size()), run.baseline(), run.load(),
            result.trafficClass());
        return raw.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-").toLowerCase(Locale.ROOT);
    }

    static String distribution(final ClassResult result)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8))
        {
            result.latencyNanos().outputPercentileDistribution(out, NANOS_PER_MICRO);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
