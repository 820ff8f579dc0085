package org.edm.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays the side-by-side comparison out as plain text: the facts, a line on units, then per group a title line, a
 * header of baseline and ratio columns, and a row per class and metric. Columns have one width across the whole
 * table, so blocks line up; with four baselines it fits in about 100 columns. ASCII only, so scripts can split it on
 * whitespace.
 */
final class TextTable
{
    private static final int MIN_NUMBER_WIDTH = 9;

    private final Comparison comparison;
    private final int classWidth;
    private final int metricWidth;
    private final int[] valueWidths;
    private final int[] ratioWidths;

    TextTable(final Comparison comparison)
    {
        this.comparison = comparison;
        final List<String> baselines = comparison.baselines();
        this.classWidth = Math.max("class".length(), comparison.blocks().stream()
            .flatMap(block -> block.rows().stream()).mapToInt(row -> row.trafficClass().length()).max().orElse(0));
        this.metricWidth = comparison.metrics().stream()
            .mapToInt(metric -> metric.label(comparison.throughputUnit()).length()).max().orElse(0);
        this.valueWidths = new int[baselines.size()];
        this.ratioWidths = new int[baselines.size()];
        for (int column = 0; column < baselines.size(); column++)
        {
            valueWidths[column] = Math.max(MIN_NUMBER_WIDTH, baselines.get(column).length() + 1);
            ratioWidths[column] = Math.max(MIN_NUMBER_WIDTH + 1, comparison.ratioHeader(column).length() + 2);
        }
        for (final Comparison.Block block : comparison.blocks())
        {
            for (final Comparison.Row row : block.rows())
            {
                for (int column = 0; column < baselines.size(); column++)
                {
                    valueWidths[column] = Math.max(valueWidths[column],
                        row.metric().format(row.values()[column]).length() + 1);
                }
            }
        }
    }

    String render(final Map<String, String> facts)
    {
        final StringBuilder out = new StringBuilder(4096);
        out.append("EDM bench report\n");
        final int factWidth = facts.keySet().stream().mapToInt(String::length).max().orElse(0);
        facts.forEach((name, value) -> out.append(pad(name, factWidth)).append("  ").append(value).append('\n'));
        out.append("latency in usec (median is perftest's t_typical); MsgRate in millions of operations/s\n")
            .append("BW in ").append(comparison.throughputUnit().description());
        if (comparison.metrics().contains(Metric.WIRE_BYTES))
        {
            out.append("; wire: bytes the links carried per operation, framing included");
        }
        out.append('\n');
        if (comparison.baselines().size() > 1)
        {
            out.append("ratios: each baseline's value over ").append(comparison.baselines().getFirst())
                .append("'s (above 1x: higher latency or more throughput than ")
                .append(comparison.baselines().getFirst()).append(")\n");
        }
        if (comparison.blocks().isEmpty())
        {
            out.append("\n(no runs)\n");
        }
        for (final Comparison.Block block : comparison.blocks())
        {
            block(out, block);
        }
        return out.toString();
    }

    private void block(final StringBuilder out, final Comparison.Block block)
    {
        final List<String> baselines = comparison.baselines();
        out.append('\n').append(' ').append(block.key().title());
        if (block.offeredRate() > 0)
        {
            out.append(String.format(Locale.ROOT, ", offered %.0f op/s", block.offeredRate()));
        }
        out.append('\n');
        final StringBuilder header = new StringBuilder();
        header.append(' ').append(pad("class", classWidth)).append("  ").append(pad("metric", metricWidth));
        for (int column = 0; column < baselines.size(); column++)
        {
            header.append(padLeft(baselines.get(column), valueWidths[column]));
        }
        for (int column = 1; column < baselines.size(); column++)
        {
            header.append(padLeft(comparison.ratioHeader(column), ratioWidths[column]));
        }
        out.append(header).append('\n');
        out.append(' ').append("-".repeat(header.length() - 1)).append('\n');
        for (final Comparison.Row row : block.rows())
        {
            final boolean firstOfClass = row.metric() == comparison.metrics().getFirst();
            final StringBuilder line = new StringBuilder();
            line.append(' ').append(pad(firstOfClass ? row.trafficClass() : "", classWidth)).append("  ")
                .append(pad(row.metric().label(comparison.throughputUnit()), metricWidth));
            for (int column = 0; column < baselines.size(); column++)
            {
                line.append(padLeft(row.metric().format(row.values()[column]), valueWidths[column]));
            }
            for (int column = 1; column < baselines.size(); column++)
            {
                final String ratio = row.metric().hasRatio() ? Metric.formatRatio(row.ratio(column)) : "";
                line.append(padLeft(ratio, ratioWidths[column]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    private static String pad(final String text, final int width)
    {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    private static String padLeft(final String text, final int width)
    {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
