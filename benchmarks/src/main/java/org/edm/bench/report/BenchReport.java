package org.edm.bench.report;

import org.edm.bench.harness.RunResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The report of an {@code edm bench} session: its runs of EDM and the baselines, side by side.
 * <ul>
 *   <li>{@link #table()}: a text table with a block per test, size and load, a column per baseline (EDM first) and
 *       a ratio column per other baseline; median, p99, p99.9, bandwidth and message rate per class, plus wire
 *       bytes per operation and errors when any run has them.</li>
 *   <li>{@link #writeJson}: every run under perftest's JSON key names, with each class's latency CDF.</li>
 *   <li>{@link #writeHtml}: one self-contained page with the table and SVG plots.</li>
 *   <li>{@link #writeAll}: those three and an HdrHistogram {@code .hgrm} per class into one directory.</li>
 * </ul>
 */
public final class BenchReport
{
    private final RunIndex index;
    private final Map<String, String> facts;
    private final Comparison comparison;
    private final ThroughputUnit throughputUnit;

    /**
     * @param runs           what was measured, in the order it ran.
     * @param header         where and when.
     * @param throughputUnit MB/sec as perftest's default, or Gb/sec as its {@code --report_gbits}.
     */
    public BenchReport(final List<RunResult> runs, final ReportHeader header, final ThroughputUnit throughputUnit)
    {
        this.index = new RunIndex(runs);
        this.facts = ReportFacts.of(header, index);
        this.throughputUnit = throughputUnit;
        this.comparison = Comparison.of(index, throughputUnit);
    }

    /** The runs measured on this machine now, bandwidth in MB/sec. */
    public static BenchReport of(final List<RunResult> runs)
    {
        return new BenchReport(runs, ReportHeader.current(), ThroughputUnit.MB_PER_SEC);
    }

    /** The side-by-side text table, preceded by the machine, date, line rate and transport. */
    public String table()
    {
        return new TextTable(comparison).render(facts);
    }

    /** The JSON report as text. */
    public String json()
    {
        return JsonReport.render(facts, index, throughputUnit);
    }

    /** The HTML page as text. */
    public String html()
    {
        return HtmlPage.render(facts, index, comparison);
    }

    public void writeJson(final Path file) throws IOException
    {
        Files.writeString(file, json());
    }

    public void writeHtml(final Path file) throws IOException
    {
        Files.writeString(file, html());
    }

    /** Writes report.txt, report.json, report.html and the {@code .hgrm} files into the directory, creating it. */
    public ReportFiles writeAll(final Path directory) throws IOException
    {
        Files.createDirectories(directory);
        final Path text = directory.resolve("report.txt");
        final Path json = directory.resolve("report.json");
        final Path html = directory.resolve("report.html");
        Files.writeString(text, table());
        writeJson(json);
        writeHtml(html);
        return new ReportFiles(text, json, html, HistogramFiles.write(directory, index.runs()));
    }
}
