package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The latency CDF of one group (test, size, load): a curve per baseline and class, coloured by baseline and dashed
 * by class, over a log axis of microseconds.
 */
final class CdfChart
{
    private CdfChart()
    {
    }

    static void render(final StringBuilder out, final RunIndex index, final GroupKey key)
    {
        final List<String> classes = index.classes(key);
        final List<Curve> curves = new ArrayList<>();
        for (int b = 0; b < index.baselines().size(); b++)
        {
            final String baseline = index.baselines().get(b);
            for (int c = 0; c < classes.size(); c++)
            {
                final Optional<ClassResult> result = index.classResult(key, baseline, classes.get(c));
                if (result.isPresent())
                {
                    final String label = classes.size() == 1 ? baseline : baseline + " " + classes.get(c);
                    curves.add(new Curve(label, Palette.colour(b), Palette.dash(c), result.get(),
                        CdfPoints.steps(result.get().latencyNanos())));
                }
            }
        }
        final double[] allMicros = curves.stream().flatMap(curve -> curve.points().stream())
            .mapToDouble(CdfPoints.Point::micros).toArray();
        final Plot plot = new Plot(out,
            LogScale.covering(allMicros, Plot.LEFT, Plot.RIGHT),
            LinearScale.covering(0, 100, Plot.BOTTOM, Plot.TOP, "%"));
        plot.frame("cdf", "Latency CDF: " + key.title(), "latency [usec], log scale",
            "operations completed within", false);
        final List<Plot.LegendEntry> legend = new ArrayList<>();
        for (final Curve curve : curves)
        {
            final List<CdfPoints.Point> points = curve.points();
            final double[] xs = points.stream().mapToDouble(CdfPoints.Point::micros).toArray();
            final double[] ys = points.stream().mapToDouble(CdfPoints.Point::percentile).toArray();
            plot.line(xs, ys, curve.colour(), curve.dash(), curve.describe());
            legend.add(new Plot.LegendEntry(points.isEmpty() ? curve.label() + " (no samples)" : curve.label(),
                curve.colour(), curve.dash(), false));
        }
        if (allMicros.length == 0)
        {
            plot.note("no samples");
        }
        plot.legend(legend);
    }

    private record Curve(String label, String colour, String dash, ClassResult result, List<CdfPoints.Point> points)
    {
        /** "edm read: 1000 samples, median 3.10 usec, p99 3.50 usec". */
        String describe()
        {
            return String.format(Locale.ROOT, "%s: %d samples, median %s usec, p99 %s usec", label,
                result.latencyNanos().getTotalCount(),
                Metric.MEDIAN.format(Metric.MEDIAN.value(result, ThroughputUnit.MB_PER_SEC)),
                Metric.P99.format(Metric.P99.value(result, ThroughputUnit.MB_PER_SEC)));
        }
    }
}
