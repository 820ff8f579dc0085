package org.edm.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as one self-contained HTML page: the facts, the side-by-side table, a latency CDF per group and a
 * latency-versus-load chart per test and size that ran under several loads. Inline CSS and SVG only: no script, no
 * external style sheet, font or image, so the file can be mailed or archived as is. The markup is also well-formed
 * XML (every element closed, text escaped), which the tests check by parsing it.
 */
final class HtmlPage
{
    private static final String STYLE = """
        body { font-family: sans-serif; margin: 24px; color: #222222; max-width: 1200px; }
        h1 { font-size: 22px; } h2 { font-size: 18px; margin-top: 32px; }
        table { border-collapse: collapse; font-size: 13px; }
        th, td { padding: 2px 10px; text-align: left; }
        table.facts th { color: #555555; font-weight: normal; }
        table.comparison tbody { border-top: 2px solid #888888; }
        table.comparison th.group { background: #e8eef6; padding-top: 6px; }
        table.comparison tr.first td { border-top: 1px solid #dddddd; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        td.better { color: #1a7f37; } td.worse { color: #b3261e; }
        p.units { color: #555555; font-size: 13px; }
        figure { display: inline-block; margin: 0 16px 16px 0; }
        svg text { font-family: sans-serif; font-size: 11px; fill: #222222; }
        svg text.chart-title { font-size: 13px; font-weight: bold; }
        svg text.axis-title { font-size: 12px; fill: #444444; }
        svg text.note { font-size: 14px; fill: #888888; }
        svg line.grid { stroke: #e4e4e4; stroke-width: 1; }
        svg rect.axes { fill: none; stroke: #888888; stroke-width: 1; }
        """;

    private HtmlPage()
    {
    }

    static String render(final Map<String, String> facts, final RunIndex index, final Comparison comparison)
    {
        final StringBuilder out = new StringBuilder(64 * 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
            .append("<title>EDM bench report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
            .append("<h1>EDM bench report</h1>\n");
        out.append("<table class=\"facts\">\n");
        facts.forEach((name, value) -> out.append("<tr><th>").append(Html.escape(name)).append("</th><td>")
            .append(Html.escape(value)).append("</td></tr>\n"));
        out.append("</table>\n");

        final Map<TestAndSize, List<GroupKey>> loadCharts = loadCharts(index);
        out.append("<p class=\"units\">Latency in usec (median is perftest's t_typical); BW in ")
            .append(Html.escape(comparison.throughputUnit().description()))
            .append("; MsgRate in millions of operations/s");
        if (comparison.metrics().contains(Metric.WIRE_BYTES))
        {
            out.append("; wire: bytes the links carried per operation, framing included");
        }
        out.append(". ");
        if (comparison.baselines().size() > 1)
        {
            out.append("A ratio is a baseline's value over ").append(Html.escape(comparison.baselines().getFirst()))
                .append("'s; green where ").append(Html.escape(comparison.baselines().getFirst()))
                .append(" does better, red where it does worse. ");
        }
        out.append("Sections: <a href=\"#table\">side by side</a>, <a href=\"#cdf\">latency CDFs</a>");
        if (!loadCharts.isEmpty())
        {
            out.append(", <a href=\"#load\">latency versus load</a>");
        }
        out.append(".</p>\n");

        out.append("<h2 id=\"table\">Side by side</h2>\n");
        if (comparison.blocks().isEmpty())
        {
            out.append("<p>No runs.</p>\n");
        }
        else
        {
            HtmlTable.render(out, comparison);
        }

        out.append("<h2 id=\"cdf\">Latency CDFs</h2>\n");
        for (final GroupKey key : index.groups())
        {
            out.append("<figure>\n");
            CdfChart.render(out, index, key);
            out.append("</figure>\n");
        }
        if (!loadCharts.isEmpty())
        {
            out.append("<h2 id=\"load\">Latency versus load</h2>\n");
            for (final List<GroupKey> groups : loadCharts.values())
            {
                out.append("<figure>\n");
                LoadChart.render(out, index, groups);
                out.append("</figure>\n");
            }
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private record TestAndSize(String test, int size)
    {
    }

    /** Per test and size that ran under two or more loads, its groups. */
    private static Map<TestAndSize, List<GroupKey>> loadCharts(final RunIndex index)
    {
        final Map<TestAndSize, List<GroupKey>> charts = new LinkedHashMap<>();
        for (final GroupKey key : index.groups())
        {
            charts.computeIfAbsent(new TestAndSize(key.test(), key.size()), name -> new ArrayList<>()).add(key);
        }
        charts.values().removeIf(groups -> groups.size() < 2);
        return charts;
    }
}
