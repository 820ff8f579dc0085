package org.edm.bench.report;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.edm.sim.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.edm.bench.report.SyntheticRuns.edmRead;
import static org.edm.bench.report.SyntheticRuns.roceRead;

@SuppressWarnings("unchecked")
class BenchReportJsonTest
{
    private static final List<String> PERFTEST_KEYS = List.of("MsgSize", "n_iterations", "t_min", "t_max",
        "t_typical", "t_avg", "t_stdev", "percentile_99", "percentile_99.9", "BW_peak", "BW_average", "MsgRate");

    private static Map<String, Object> json(final List<RunResult> runs)
    {
        final String text = new BenchReport(runs, SyntheticRuns.HEADER, ThroughputUnit.MB_PER_SEC).json();
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        return (Map<String, Object>)JsonParser.parse(text);
    }

    private static List<Map<String, Object>> runs(final Map<String, Object> json)
    {
        return (List<Map<String, Object>>)json.get("runs");
    }

    private static Map<String, Object> firstClass(final Map<String, Object> run)
    {
        return ((List<Map<String, Object>>)run.get("classes")).getFirst();
    }

    @Test
    void shouldDescribeTheReportAndListEveryRunIncludingRepeats()
    {
        final Map<String, Object> json = json(List.of(roceRead(), edmRead(), edmRead()));

        assertThat(json).containsEntry("machine", "testhost (2 cpus)").containsEntry("date", "2025-06-01T12:00:00Z")
            .containsEntry("line_rate", "10 Gb/s").containsEntry("transport", "in-memory cables")
            .containsEntry("baselines", List.of("edm", "roce"));
        assertThat((Map<String, Object>)json.get("units")).containsEntry("latency", "usec")
            .containsEntry("BW", "MB/sec").containsEntry("MsgRate", "Mpps");
        assertThat(runs(json)).extracting(run -> run.get("baseline")).containsExactly("roce", "edm", "edm");
    }

    @Test
    void shouldWriteTheMeasuredPeakBandwidthInTheReportsUnit()
    {
        final ClassResult measured = new ClassResult("read", SyntheticRuns.thousand(1000, 1500, 2000), 1000, 0, 64_000,
            0.001, 48_000, 3 * (1 << 20));
        final Map<String, Object> read = firstClass(runs(json(List.of(
            SyntheticRuns.run("edm", "read_bw", "unloaded", 64, measured)))).getFirst());

        assertThat(read).containsEntry("BW_peak", 3.0);
    }

    @Test
    void shouldWriteEachClassUnderPerftestKeysWithTheHistogramsNumbers()
    {
        final Map<String, Object> run = runs(json(List.of(edmRead()))).getFirst();
        final Map<String, Object> read = firstClass(run);

        assertThat(read).containsKeys(PERFTEST_KEYS.toArray(String[]::new));
        assertThat(read).containsEntry("MsgSize", 64.0).containsEntry("n_iterations", 1000.0)
            .containsEntry("t_min", 1.0).containsEntry("t_max", 2.0).containsEntry("t_typical", 1.0)
            .containsEntry("percentile_99", 1.5).containsEntry("percentile_99.9", 2.0)
            .containsEntry("BW_peak", null).containsEntry("MsgRate", 1.0);
        // 980 x 1.0 + 10 x 1.5 + 10 x 2.0 over 1000.
        assertThat((Double)read.get("t_avg")).isCloseTo(1.015, within(1e-9));
        assertThat((Double)read.get("t_stdev")).isCloseTo(0.1108, within(1e-4));
        assertThat((Double)read.get("BW_average")).isCloseTo(64000 / 0.001 / (1 << 20), within(1e-9));
    }

    @Test
    void shouldWriteOurOwnKeysBesidePerftests()
    {
        final RunResult openLoop = new RunResult("roce", "read_lat", "open-loop 200000/s", 200_000, 64, 25,
            "AF_PACKET in namespaces", roceRead().classes());
        final Map<String, Object> run = runs(json(List.of(openLoop))).getFirst();

        assertThat(run).containsEntry("baseline", "roce").containsEntry("test", "read_lat")
            .containsEntry("load", "open-loop 200000/s").containsEntry("offered_rate", 200000.0)
            .containsEntry("MsgSize", 64.0).containsEntry("line_rate_gbps", 25.0)
            .containsEntry("transport", "AF_PACKET in namespaces");
        assertThat(firstClass(run)).containsEntry("class", "read").containsEntry("errors", 0.0)
            .containsEntry("bytes", 64000.0).containsEntry("seconds", 0.003).containsEntry("wire_bytes", 132000.0)
            .containsEntry("wire_bytes_per_op", 132.0);
    }

    @Test
    void shouldWriteACdfFromTheMinimumAtZeroToTheMaximumAtOneHundredPercent()
    {
        final List<List<Double>> cdf = (List<List<Double>>)firstClass(runs(json(List.of(edmRead()))).getFirst())
            .get("cdf");

        assertThat(cdf).hasSizeGreaterThan(10).allSatisfy(point -> assertThat(point).hasSize(2));
        assertThat(cdf.getFirst()).containsExactly(0.0, 1.0);
        assertThat(cdf.getLast()).containsExactly(100.0, 2.0);
        for (int i = 1; i < cdf.size(); i++)
        {
            assertThat(cdf.get(i).get(0)).isGreaterThanOrEqualTo(cdf.get(i - 1).get(0));
            assertThat(cdf.get(i).get(1)).isGreaterThanOrEqualTo(cdf.get(i - 1).get(1));
        }
        // 98% of the samples are 1.0 usec: the CDF's points below that percentile all read 1.0.
        assertThat(cdf).filteredOn(point -> point.get(0) <= 98.0).allSatisfy(point -> assertThat(point.get(1))
            .isEqualTo(1.0));
    }

    @Test
    void shouldWriteNullsAndAnEmptyCdfForAClassWithoutSamples()
    {
        final ClassResult nothing = new ClassResult("read", new Histogram(3), 0, 3, 0, 0, 0);
        final Map<String, Object> read = firstClass(runs(json(List.of(
            SyntheticRuns.run("edm", "read_lat", "unloaded", 64, nothing)))).getFirst());

        assertThat(read).containsEntry("n_iterations", 0.0).containsEntry("errors", 3.0)
            .containsEntry("t_typical", null).containsEntry("percentile_99", null).containsEntry("BW_average", null)
            .containsEntry("MsgRate", null).containsEntry("wire_bytes_per_op", null).containsEntry("cdf", List.of());
    }

    @Test
    void shouldWriteBandwidthInGigabitsWhenAsked()
    {
        final String text = new BenchReport(List.of(edmRead()), SyntheticRuns.HEADER, ThroughputUnit.GB_PER_SEC)
            .json();
        final Map<String, Object> json = (Map<String, Object>)JsonParser.parse(text);

        assertThat((Map<String, Object>)json.get("units")).containsEntry("BW", "Gb/sec");
        assertThat((Double)firstClass(runs(json).getFirst()).get("BW_average")).isCloseTo(0.512, within(1e-9));
    }
}
