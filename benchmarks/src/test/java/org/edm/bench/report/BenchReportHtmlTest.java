package org.edm.bench.report;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.bench.report.SyntheticRuns.edmRead;
import static org.edm.bench.report.SyntheticRuns.result;
import static org.edm.bench.report.SyntheticRuns.roceRead;
import static org.edm.bench.report.SyntheticRuns.run;
import static org.edm.bench.report.SyntheticRuns.thousand;

class BenchReportHtmlTest
{
    private static String html(final List<RunResult> runs)
    {
        return new BenchReport(runs, SyntheticRuns.HEADER, ThroughputUnit.MB_PER_SEC).html();
    }

    private static RunResult incast(final String baseline, final long medianNanos)
    {
        return run(baseline, "read_lat", "incast-8+bulk-writes", 64,
            result("read", thousand(medianNanos, medianNanos + 500, medianNanos + 900), 1000, 64, 0.001, 48),
            result("background-write", thousand(1800, 2000, 2040), 500, 4096, 0.001, 0));
    }

    private static void assertSelfContainedWellFormedAndFinite(final String html)
    {
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("<script")
            .doesNotContain("<link").doesNotContain("url(").doesNotContain("@import")
            .doesNotContain("NaN").doesNotContain("Infinity");
        final XmlPage page = XmlPage.parse(html);
        assertThat(page.numbers()).allSatisfy(number ->
            assertThat(Double.parseDouble(number)).as(number).isFinite());
    }

    @Test
    void shouldBeOneSelfContainedWellFormedPageWithTheFactsAndTheTable()
    {
        final String html = html(List.of(edmRead(), roceRead()));

        assertSelfContainedWellFormedAndFinite(html);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>")
            .contains("<td>testhost (2 cpus)</td>").contains("<td>2025-06-01T12:00:00Z</td>")
            .contains("<td>10 Gb/s</td>").contains("<td>in-memory cables</td>");
        final XmlPage page = XmlPage.parse(html);
        final Element table = page.elements("table").stream()
            .filter(element -> element.getAttribute("class").equals("comparison")).findFirst().orElseThrow();
        final List<String> median = XmlPage.elements(table, "tr").stream()
            .filter(row -> row.getTextContent().contains("median [usec]"))
            .map(row -> XmlPage.elements(row, "td").stream().map(Element::getTextContent).toList())
            .findFirst().orElseThrow();
        assertThat(median).containsExactly("read", "median [usec]", "1.00", "3.10", "3.10x");
    }

    @Test
    void shouldDrawOneCdfPerGroupWithACurvePerBaselineAndClass()
    {
        final String html = html(List.of(edmRead(), roceRead(), incast("edm", 1300), incast("roce", 3900)));

        final List<Element> cdfs = XmlPage.parse(html).svgs("cdf");
        assertThat(cdfs).hasSize(2);
        assertThat(cdfs.get(0).getAttribute("aria-label")).isEqualTo("Latency CDF: read_lat, 64 bytes, unloaded");
        assertThat(XmlPage.elements(cdfs.get(0), "polyline")).hasSize(2);
        assertThat(cdfs.get(1).getAttribute("aria-label"))
            .isEqualTo("Latency CDF: read_lat, 64 bytes, incast-8+bulk-writes");
        assertThat(XmlPage.elements(cdfs.get(1), "polyline")).hasSize(4);
        assertThat(cdfs.get(1).getTextContent()).contains("edm read", "edm background-write", "roce read",
            "roce background-write");
    }

    @Test
    void shouldDrawTheCdfCurvesAsStaircasesOnALogAxis()
    {
        final String html = html(List.of(edmRead()));

        final Element cdf = XmlPage.parse(html).svgs("cdf").getFirst();
        final String[] points = XmlPage.elements(cdf, "polyline").getFirst().getAttribute("points").split(" ");
        // 1.0 usec for 98% of the samples, then 1.5 and 2.0: from 0% up at 1.0, across to 1.5, and so on.
        assertThat(points).hasSize(6);
        final double[] xs = new double[points.length];
        final double[] ys = new double[points.length];
        for (int i = 0; i < points.length; i++)
        {
            xs[i] = Double.parseDouble(points[i].split(",")[0]);
            ys[i] = Double.parseDouble(points[i].split(",")[1]);
        }
        assertThat(xs[0]).isEqualTo(xs[1]);
        assertThat(ys[0]).isEqualTo(Plot.BOTTOM);
        assertThat(ys[5]).isEqualTo(Plot.TOP);
        // On a log axis, 1 to 2 usec is as wide as 2 to 4 usec would be, and 1.5 sits at log2(1.5) of that.
        final double octave = xs[4] - xs[0];
        assertThat((xs[2] - xs[0]) / octave).isCloseTo(Math.log(1.5) / Math.log(2), org.assertj.core.api
            .Assertions.within(0.01));
    }

    @Test
    void shouldDrawLatencyVersusLoadWhenSeveralLoadsRan()
    {
        final String html = html(List.of(edmRead(), roceRead(), incast("edm", 1300), incast("roce", 3900)));

        final List<Element> loads = XmlPage.parse(html).svgs("load");
        assertThat(loads).hasSize(1);
        final Element chart = loads.getFirst();
        assertThat(chart.getAttribute("aria-label")).isEqualTo("Latency versus load: read_lat, 64 bytes");
        // A median and a p99 line per baseline, a dot (with its value as tooltip) per baseline, statistic and load.
        assertThat(XmlPage.elements(chart, "polyline")).hasSize(4);
        assertThat(XmlPage.elements(chart, "circle").stream()
            .filter(circle -> circle.getElementsByTagName("title").getLength() == 1)
            .map(circle -> circle.getTextContent().strip()))
            .hasSize(8).contains("roce p99 at incast-8+bulk-writes: 4.40 usec");
        assertThat(chart.getTextContent()).contains("unloaded", "incast-8+bulk-wri");
    }

    @Test
    void shouldPutOfferedRateOnTheXAxisWhenEveryLoadHasOne()
    {
        final List<RunResult> runs = new ArrayList<>();
        for (final int rate : new int[] {100_000, 200_000, 400_000})
        {
            runs.add(new RunResult("edm", "read_lat", "open-loop " + rate + "/s", rate, 64, 10, "in-memory cables",
                List.of(result("read", thousand(1000 + rate / 1000, 1500 + rate / 100, 2000 + rate / 100),
                    1000, 64, 0.01, 48))));
        }

        final Element chart = XmlPage.parse(html(runs)).svgs("load").getFirst();

        assertThat(chart.getTextContent()).contains("offered load [thousand operations/s]", "400");
    }

    @Test
    void shouldDrawNoLoadChartWhenEachTestAndSizeRanUnderOneLoad()
    {
        final String html = html(List.of(edmRead(), roceRead(),
            run("edm", "write_lat", "incast-8", 64, result("write", thousand(1000, 1200, 1400), 10, 64, 1, 0))));

        assertThat(XmlPage.parse(html).svgs("load")).isEmpty();
        assertThat(XmlPage.parse(html).svgs("cdf")).hasSize(2);
    }

    @Test
    void shouldEscapeEveryNameItShows()
    {
        final String html = html(List.of(
            new RunResult("<b>edm</b>", "read_lat", "<b>load</b> & \"more\"", 0, 64, 10, "<i>cables</i>",
                List.of(result("<script>x</script>", thousand(1000, 1500, 2000), 10, 64, 1, 0))),
            roceRead()));

        assertThat(html).doesNotContain("<b>").doesNotContain("<i>").doesNotContain("<script")
            .contains("&lt;b&gt;load&lt;/b&gt; &amp; &quot;more&quot;");
        final XmlPage page = XmlPage.parse(html);
        assertThat(page.elements("th").stream().map(Element::getTextContent))
            .contains("read_lat, 64 bytes, <b>load</b> & \"more\"", "<b>edm</b>");
    }

    @Test
    void shouldKeepEveryCoordinateFiniteForDegenerateData()
    {
        final Histogram single = new Histogram(3);
        single.recordValue(2500);
        final Histogram zero = new Histogram(3);
        zero.recordValueWithCount(0, 10);
        final ClassResult empty = new ClassResult("read", new Histogram(3), 0, 0, 0, 0, 0);

        for (final List<RunResult> runs : List.of(
            List.of(run("edm", "read_lat", "unloaded", 8, result("read", single, 1, 8, 1e-6, 0))),
            List.of(run("edm", "read_lat", "unloaded", 8, result("read", zero, 10, 8, 0, 0))),
            List.of(run("edm", "read_lat", "unloaded", 8, empty), run("edm", "read_lat", "loaded", 8, empty)),
            List.of(run("edm", "read_lat", "unloaded", 8, result("read", single, 1, 8, 1e-6, 0)),
                run("edm", "read_lat", "loaded", 8, result("read", zero, 10, 8, 1, 0))),
            List.<RunResult>of()))
        {
            final String html = html(runs);
            assertSelfContainedWellFormedAndFinite(html);
            assertThat(XmlPage.parse(html).svgs("cdf")).hasSize(runs.size());
        }
        assertThat(html(List.of(run("edm", "read_lat", "unloaded", 8, empty)))).contains("no samples");
    }

    @Test
    void shouldStaySmallForMillionSampleHistograms()
    {
        final Random random = new Random(42);
        final List<RunResult> runs = new ArrayList<>();
        for (final String baseline : List.of("edm", "roce", "raw", "udp"))
        {
            final Histogram latency = new Histogram(3);
            for (int i = 0; i < 1_000_000; i++)
            {
                // Log-normal around 2 usec with a long tail: many distinct buckets.
                latency.recordValue((long)(2000 * Math.exp(0.6 * random.nextGaussian())));
            }
            runs.add(run(baseline, "read_lat", "unloaded", 64, result("read", latency, 1_000_000, 64, 2, 48)));
        }

        final String html = html(runs);

        assertThat(html.length()).isLessThan(60_000);
        for (final Element line : XmlPage.elements(XmlPage.parse(html).svgs("cdf").getFirst(), "polyline"))
        {
            // A monotone curve across a 436 x 284 pixel plot, a point per 1.5 pixels at most.
            assertThat(line.getAttribute("points").split(" ").length).isBetween(20, 480);
        }
    }
}
