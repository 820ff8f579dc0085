package org.edm.bench.report;

import org.edm.bench.harness.RunResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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
        final double[][] medians = latencies(index, groups, Metric.MEDIAN);
        final double[][] p99s = latencies(index, groups, Metric.P99);
        final double[] allMicros = Stream.of(medians, p99s).flatMap(Arrays::stream).flatMapToDouble(Arrays::stream)
            .toArray();
        final Scale x = byRate ?
            LinearScale.covering(0, xs[xs.length - 1], Plot.LEFT, Plot.RIGHT, "") :
            new CategoryScale(groups.stream().map(GroupKey::load).toList(), Plot.LEFT, Plot.RIGHT);
        final Plot plot = new Plot(out, x, LogScale.covering(allMicros, Plot.BOTTOM, Plot.TOP));
        final GroupKey first = groups.getFirst();
        plot.frame("load", "Latency versus load: " + first.test() + ", " + first.size() + " bytes",
            // Slanted load names need the room of the x axis title, and say what they are.
            byRate ? "offered load [thousand operations/s]" : "", "latency [usec], log scale", !byRate);
        final List<Plot.LegendEntry> legend = new ArrayList<>();
        for (int b = 0; b < index.baselines().size(); b++)
        {
            final String baseline = index.baselines().get(b);
            final String colour = Palette.colour(b);
            plot.line(xs, medians[b], colour, MEDIAN_DASH, baseline + " median");
            plot.line(xs, p99s[b], colour, P99_DASH, baseline + " p99");
            boolean ran = false;
            for (int g = 0; g < groups.size(); g++)
            {
                final String load = groups.get(g).load();
                ran |= marker(plot, xs[g], medians[b][g], colour, true, baseline + " median at " + load);
                ran |= marker(plot, xs[g], p99s[b][g], colour, false, baseline + " p99 at " + load);
            }
            if (ran)
            {
                legend.add(new Plot.LegendEntry(baseline, colour, MEDIAN_DASH, true));
            }
        }
        legend.add(new Plot.LegendEntry("median", KEY_COLOUR, MEDIAN_DASH, true));
        legend.add(new Plot.LegendEntry("p99", KEY_COLOUR, P99_DASH, false));
        plot.legend(legend);
    }

    /** Per baseline (in column order) and group, the measured class's latency statistic; NaN where it did not run. */
    private static double[][] latencies(final RunIndex index, final List<GroupKey> groups, final Metric statistic)
    {
        final double[][] micros = new double[index.baselines().size()][groups.size()];
        for (int b = 0; b < micros.length; b++)
        {
            for (int g = 0; g < groups.size(); g++)
            {
                micros[b][g] = index.run(groups.get(g), index.baselines().get(b)).map(RunResult::measured)
                    .map(result -> statistic.value(result, ThroughputUnit.MB_PER_SEC)).orElse(Double.NaN);
            }
        }
        return micros;
    }

    /** A dot with "roce p99 at incast-8: 41.20 usec" as its tooltip, if there is a value; says whether. */
    private static boolean marker(final Plot plot, final double x, final double micros, final String colour,
        final boolean filled, final String what)
    {
        if (Double.isNaN(micros))
        {
            return false;
        }
        plot.marker(x, micros, colour, filled, what + ": " + Metric.formatMicros(micros) + " usec");
        return true;
    }
}
