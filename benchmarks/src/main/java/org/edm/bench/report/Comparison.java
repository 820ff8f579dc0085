package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;

import java.util.ArrayList;
import java.util.List;

/**
 * The side-by-side table as data, which the text and HTML renderers lay out: one block per group (test, size,
 * load), in it one row per class and metric, in each row one value per baseline (NaN where the baseline has no such
 * run or class) and each baseline's ratio to the reference, the first column (EDM when it ran).
 */
final class Comparison
{
    /** The metrics every table shows; wire bytes and errors join them when some run has any. */
    private static final List<Metric> ALWAYS = List.of(
        Metric.MEDIAN, Metric.P99, Metric.P999, Metric.BANDWIDTH, Metric.MSG_RATE);

    /**
     * One class's metric across the baselines.
     *
     * @param values one per baseline, in column order; NaN where missing.
     */
    record Row(String trafficClass, Metric metric, double[] values)
    {
        /** Column {@code column}'s value over the reference column's; NaN when either is missing or the reference 0. */
        double ratio(final int column)
        {
            final double reference = values[0];
            return reference == 0 || Double.isNaN(reference) ? Double.NaN : values[column] / reference;
        }
    }

    /** One group's rows; {@code offeredRate} is 0 for the closed loop. */
    record Block(GroupKey key, double offeredRate, List<Row> rows)
    {
    }

    private final List<String> baselines;
    private final List<Metric> metrics;
    private final List<Block> blocks;
    private final ThroughputUnit throughputUnit;

    private Comparison(
        final List<String> baselines, final List<Metric> metrics, final List<Block> blocks, final ThroughputUnit unit)
    {
        this.baselines = baselines;
        this.metrics = metrics;
        this.blocks = blocks;
        this.throughputUnit = unit;
    }

    static Comparison of(final RunIndex index, final ThroughputUnit unit)
    {
        final List<Metric> metrics = metricsFor(index.runs());
        final List<Block> blocks = new ArrayList<>();
        for (final GroupKey key : index.groups())
        {
            final List<Row> rows = new ArrayList<>();
            for (final String trafficClass : index.classes(key))
            {
                for (final Metric metric : metrics)
                {
                    final double[] values = new double[index.baselines().size()];
                    for (int column = 0; column < values.length; column++)
                    {
                        values[column] = index.classResult(key, index.baselines().get(column), trafficClass)
                            .map(result -> metric.value(result, unit)).orElse(Double.NaN);
                    }
                    rows.add(new Row(trafficClass, metric, values));
                }
            }
            blocks.add(new Block(key, index.offeredRate(key), List.copyOf(rows)));
        }
        return new Comparison(index.baselines(), metrics, List.copyOf(blocks), unit);
    }

    /** Column order; the first is the reference of the ratios. */
    List<String> baselines()
    {
        return baselines;
    }

    /** The metrics of each class, in row order. */
    List<Metric> metrics()
    {
        return metrics;
    }

    List<Block> blocks()
    {
        return blocks;
    }

    ThroughputUnit throughputUnit()
    {
        return throughputUnit;
    }

    /** "roce/edm": the header of a ratio column. */
    String ratioHeader(final int column)
    {
        return baselines.get(column) + "/" + baselines.getFirst();
    }

    private static List<Metric> metricsFor(final List<RunResult> runs)
    {
        final List<Metric> metrics = new ArrayList<>(ALWAYS);
        final List<ClassResult> results = runs.stream().flatMap(run -> run.classes().stream()).toList();
        if (results.stream().anyMatch(result -> result.wireBytes() > 0))
        {
            metrics.add(Metric.WIRE_BYTES);
        }
        if (results.stream().anyMatch(result -> result.errors() > 0))
        {
            metrics.add(Metric.ERRORS);
        }
        return List.copyOf(metrics);
    }
}
