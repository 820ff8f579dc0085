package org.edm.bench.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link BenchReport#writeAll} wrote.
 *
 * @param text       report.txt, the side-by-side table.
 * @param json       report.json.
 * @param html       report.html, the page with the plots.
 * @param histograms one {@code .hgrm} per class of every run.
 */
public record ReportFiles(Path text, Path json, Path html, List<Path> histograms)
{
    public ReportFiles
    {
        histograms = List.copyOf(histograms);
    }

    /** Every file, the three reports first. */
    public List<Path> all()
    {
        final List<Path> all = new ArrayList<>(List.of(text, json, html));
        all.addAll(histograms);
        return all;
    }
}
