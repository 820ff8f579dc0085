package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Latency versus load for one test and size: the measured class's median (solid, filled dots) and p99 (dashed,
 * hollow dots) at each load, a line per baseline. When every load has an offered rate the x axis is that rate;
 * otherwise the loads are evenly spaced in the order they ran.
 */
final class LoadChart
{
    private static final String MEDIAN_DASH = Palette.dash(0);
    private static final String P99_DASH = Palette.dash(1);
    private static final String KEY_COLOUR = "#555555";

    private LoadChart()
    {
    }

    /** Draws the chart of the groups of one test and size (two or more, in run order). */
    static void render(final StringBuilder out, final RunIndex index, final List<GroupKey> loadGroups)
    {
        final boolean byRate = loadGroups.stream().allMatch(key -> index.offeredRate(key) > 0);
        final List<GroupKey> groups = byRate ?
            loadGroups.stream().sorted(Comparator.comparingDouble(index::offeredRate)).toList() : loadGroups;
        final double[] xs = new double[groups.size()];
        for (int i = 0; i < xs.length; i++)
        {
            xs[i] = byRate ? index.offeredRate(groups.get(i)) / 1000.0 : i;
        }
        final List<String> baselines = index.baselines();
        final double[][] medians = new double[baselines.size()][groups.size()];
        final double[][] p99s = new double[baselines.size()][groups.size()];
        final List<Double> allMicros = new ArrayList<>();
        for (int b = 0; b < baselines.size(); b++)
        {
            for (int g = 0; g < groups.size(); g++)
            {
                final Optional<ClassResult> measured = index.run(groups.get(g), baselines.get(b))
                    .map(RunResult::measured);
                medians[b][g] = measured.map(result -> Metric.MEDIAN.value(result, ThroughputUnit.MB_PER_SEC))
                    .orElse(Double.NaN);
                p99s[b][g] = measured.map(result -> Metric.P99.value(result, ThroughputUnit.MB_PER_SEC))
                    .orElse(Double.NaN);
                allMicros.add(medians[b][g]);
                allMicros.add(p99s[b][g]);
            }
        }
        final Scale x = byRate ?
            LinearScale.covering(0, xs[xs.length - 1], Plot.LEFT, Plot.RIGHT, "") :
            new CategoryScale(groups.stream().map(GroupKey::load).toList(), Plot.LEFT, Plot.RIGHT);
        final Plot plot = new Plot(out, x,
            LogScale.covering(allMicros.stream().mapToDouble(Double::doubleValue).toArray(), Plot.BOTTOM, Plot.TOP));
        final GroupKey first = groups.getFirst();
        plot.frame("load", "Latency versus load: " + first.test() + ", " + first.size() + " bytes",
            // Slanted load names need the room of the x axis title, and say what they are.
            byRate ? "offered load [thousand operations/s]" : "", "latency [usec], log scale", !byRate);
        final List<Plot.LegendEntry> legend = new ArrayList<>();
        for (int b = 0; b < baselines.size(); b++)
        {
            final String colour = Palette.colour(b);
            final String baseline = baselines.get(b);
            plot.line(xs, medians[b], colour, MEDIAN_DASH, baseline + " median");
            plot.line(xs, p99s[b], colour, P99_DASH, baseline + " p99");
            for (int g = 0; g < groups.size(); g++)
            {
                if (!Double.isNaN(medians[b][g]))
                {
                    plot.marker(xs[g], medians[b][g], colour, true, point(baseline, "median", groups.get(g),
                        medians[b][g]));
                }
                if (!Double.isNaN(p99s[b][g]))
                {
                    plot.marker(xs[g], p99s[b][g], colour, false, point(baseline, "p99", groups.get(g), p99s[b][g]));
                }
            }
            legend.add(new Plot.LegendEntry(baseline, colour, MEDIAN_DASH, true));
        }
        legend.add(new Plot.LegendEntry("median", KEY_COLOUR, MEDIAN_DASH, true));
        legend.add(new Plot.LegendEntry("p99", KEY_COLOUR, P99_DASH, false));
        plot.legend(legend);
    }

    /** "roce p99 at incast-8: 41.20 usec". */
    private static String point(final String baseline, final String statistic, final GroupKey key, final double micros)
    {
        return String.format(Locale.ROOT, "%s %s at %s: %s usec", baseline, statistic, key.load(),
            Metric.formatMicros(micros));
    }
}
