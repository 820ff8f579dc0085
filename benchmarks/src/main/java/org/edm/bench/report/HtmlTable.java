package org.edm.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * The side-by-side comparison as an HTML table: a body per group, opened by its title and the column header, then
 * a row per class and metric. A ratio cell is marked "better" or "worse" for the reference (lower latency, higher
 * throughput), which the page's style tints.
 */
final class HtmlTable
{
    private HtmlTable()
    {
    }

    static void render(final StringBuilder out, final Comparison comparison)
    {
        final List<String> baselines = comparison.baselines();
        final int columns = 2 + baselines.size() * 2 - 1;
        out.append("<table class=\"comparison\">\n");
        for (final Comparison.Block block : comparison.blocks())
        {
            out.append("<tbody>\n<tr><th class=\"group\" colspan=\"").append(columns).append("\">")
                .append(Html.escape(block.key().title()));
            if (block.offeredRate() > 0)
            {
                out.append(Html.escape(String.format(Locale.ROOT, ", offered %.0f op/s", block.offeredRate())));
            }
            out.append("</th></tr>\n<tr><th>class</th><th>metric</th>");
            for (final String baseline : baselines)
            {
                out.append("<th class=\"num\">").append(Html.escape(baseline)).append("</th>");
            }
            for (int column = 1; column < baselines.size(); column++)
            {
                out.append("<th class=\"num\">").append(Html.escape(comparison.ratioHeader(column))).append("</th>");
            }
            out.append("</tr>\n");
            for (final Comparison.Row row : block.rows())
            {
                row(out, comparison, row);
            }
            out.append("</tbody>\n");
        }
        out.append("</table>\n");
    }

    private static void row(final StringBuilder out, final Comparison comparison, final Comparison.Row row)
    {
        final boolean firstOfClass = row.metric() == comparison.metrics().getFirst();
        out.append(firstOfClass ? "<tr class=\"first\">" : "<tr>");
        out.append("<td>").append(firstOfClass ? Html.escape(row.trafficClass()) : "").append("</td><td>")
            .append(Html.escape(row.metric().label(comparison.throughputUnit()))).append("</td>");
        for (final double value : row.values())
        {
            out.append("<td class=\"num\">").append(Html.escape(row.metric().format(value))).append("</td>");
        }
        for (int column = 1; column < row.values().length; column++)
        {
            final double ratio = row.ratio(column);
            final String text = row.metric().hasRatio() ? Metric.formatRatio(ratio) : "";
            out.append("<td class=\"num").append(verdict(row.metric(), ratio)).append("\">")
                .append(Html.escape(text)).append("</td>");
        }
        out.append("</tr>\n");
    }

    /** " better" when the reference wins this cell's comparison, " worse" when it loses, else "". */
    private static String verdict(final Metric metric, final double ratio)
    {
        if (!metric.hasRatio() || !Double.isFinite(ratio) || ratio == 1)
        {
            return "";
        }
        return (ratio > 1) == metric.lowerIsBetter() ? " better" : " worse";
    }
}
