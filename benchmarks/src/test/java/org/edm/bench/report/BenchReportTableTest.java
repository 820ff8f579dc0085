package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.bench.report.SyntheticRuns.edmRead;
import static org.edm.bench.report.SyntheticRuns.result;
import static org.edm.bench.report.SyntheticRuns.roceRead;
import static org.edm.bench.report.SyntheticRuns.run;
import static org.edm.bench.report.SyntheticRuns.thousand;

class BenchReportTableTest
{
    private static final String UNLOADED = "read_lat, 64 bytes, unloaded";
    private static final String INCAST = "read_lat, 64 bytes, incast-8+bulk-writes";

    private static String table(final List<RunResult> runs)
    {
        return new BenchReport(runs, SyntheticRuns.HEADER, ThroughputUnit.MB_PER_SEC).table();
    }

    private static RunResult rawRead()
    {
        return run("raw", "read_lat", "unloaded", 64, result("read", thousand(900, 1000, 1200), 1000, 64, 0.001, 84));
    }

    @Test
    void shouldPutEdmFirstThenTheOtherBaselinesInRunOrderWithARatioColumnEach()
    {
        final String table = table(List.of(roceRead(), edmRead(), rawRead()));

        assertThat(TableRows.columns(table, UNLOADED)).containsExactly("edm", "roce", "raw", "roce/edm", "raw/edm");
    }

    @Test
    void shouldPrintPercentilesThroughputWireBytesAndRatiosOfKnownHistograms()
    {
        final String table = table(List.of(edmRead(), roceRead()));

        assertThat(TableRows.row(table, UNLOADED, "read", "median [usec]")).containsExactly("1.00", "3.10", "3.10x");
        assertThat(TableRows.row(table, UNLOADED, "read", "p99 [usec]")).containsExactly("1.50", "3.60", "2.40x");
        assertThat(TableRows.row(table, UNLOADED, "read", "p99.9 [usec]")).containsExactly("2.00", "4.00", "2.00x");
        // 64000 bytes in 1 ms is 61.04 MiB/s; in 3 ms, a third of it.
        assertThat(TableRows.row(table, UNLOADED, "read", "BW [MB/sec]")).containsExactly("61.04", "20.35", "0.33x");
        assertThat(TableRows.row(table, UNLOADED, "read", "MsgRate [Mpps]"))
            .containsExactly("1.000", "0.333", "0.33x");
        assertThat(TableRows.row(table, UNLOADED, "read", "wire [B/op]")).containsExactly("48.0", "132.0", "2.75x");
    }

    @Test
    void shouldStateTheMachineDateLineRateAndTransportFirst()
    {
        final String table = table(List.of(edmRead()));

        assertThat(table.lines().limit(6)).contains(
            "machine    testhost (2 cpus)", "date       2025-06-01T12:00:00Z", "line rate  10 Gb/s",
            "transport  in-memory cables");
    }

    @Test
    void shouldReportGigabitsWhenAsked()
    {
        final String table = new BenchReport(List.of(edmRead()), SyntheticRuns.HEADER, ThroughputUnit.GB_PER_SEC)
            .table();

        // 64000 bytes in 1 ms: 0.512 Gb/s.
        assertThat(TableRows.row(table, UNLOADED, "read", "BW [Gb/sec]")).containsExactly("0.51");
    }

    @Test
    void shouldShowBackgroundClassesOfLoadedRunsAndDashesWhereABaselineHasNoSuchRunOrClass()
    {
        final ClassResult edmReads = result("read", thousand(1300, 1900, 2000), 1000, 64, 0.001, 48);
        final ClassResult edmWrites = result("background-write", thousand(1800, 2000, 2040), 500, 4096, 0.001, 0);
        final ClassResult roceReads = result("read", thousand(3900, 3950, 4000), 1000, 64, 0.001, 132);
        final String table = table(List.of(edmRead(), roceRead(), rawRead(),
            run("edm", "read_lat", "incast-8+bulk-writes", 64, edmReads, edmWrites),
            run("roce", "read_lat", "incast-8+bulk-writes", 64, roceReads)));

        assertThat(TableRows.columns(table, INCAST)).containsExactly("edm", "roce", "raw", "roce/edm", "raw/edm");
        assertThat(TableRows.row(table, INCAST, "read", "median [usec]"))
            .containsExactly("1.30", "3.90", "-", "3.00x", "-");
        assertThat(TableRows.row(table, INCAST, "background-write", "median [usec]"))
            .containsExactly("1.80", "-", "-", "-", "-");
        // 500 writes of 4096 bytes in 1 ms: 1953.125 MiB/s.
        assertThat(TableRows.row(table, INCAST, "background-write", "BW [MB/sec]"))
            .containsExactly("1953.13", "-", "-", "-", "-");
        assertThat(TableRows.row(table, INCAST, "background-write", "wire [B/op]"))
            .containsExactly("-", "-", "-", "-", "-");
    }

    @Test
    void shouldTakeTheFirstBaselineAsTheReferenceWhenEdmDidNotRun()
    {
        final String table = table(List.of(roceRead(), rawRead()));

        assertThat(TableRows.columns(table, UNLOADED)).containsExactly("roce", "raw", "raw/roce");
        assertThat(TableRows.row(table, UNLOADED, "read", "median [usec]")).containsExactly("3.10", "0.90", "0.29x");
    }

    @Test
    void shouldShowDashesForLatencyWithoutSamplesAndRatiosAgainstZero()
    {
        final ClassResult nothing = new ClassResult("read", new org.HdrHistogram.Histogram(3), 0, 0, 0, 0, 0);
        final String table = table(List.of(run("edm", "read_lat", "unloaded", 64, nothing), roceRead()));

        assertThat(TableRows.row(table, UNLOADED, "read", "median [usec]")).containsExactly("-", "3.10", "-");
        assertThat(TableRows.row(table, UNLOADED, "read", "BW [MB/sec]")).containsExactly("-", "20.35", "-");
    }

    @Test
    void shouldAddAnErrorsRowWithoutRatiosWhenARunHadErrors()
    {
        final ClassResult failing = new ClassResult("read", thousand(3100, 3600, 4000), 1000, 7, 64000, 0.003, 0);
        final String table = table(List.of(edmRead(), run("roce", "read_lat", "unloaded", 64, failing)));

        assertThat(TableRows.row(table, UNLOADED, "read", "errors")).containsExactly("0", "7");
    }

    @Test
    void shouldOrderBlocksByTestInRunOrderThenSizeThenLoad()
    {
        final String table = table(List.of(
            run("edm", "write_lat", "unloaded", 4096, result("write", thousand(1000, 1000, 1000), 1, 4096, 1, 0)),
            run("edm", "write_lat", "unloaded", 64, result("write", thousand(1000, 1000, 1000), 1, 64, 1, 0)),
            run("edm", "read_lat", "unloaded", 64, result("read", thousand(1000, 1000, 1000), 1, 64, 1, 0))));

        assertThat(table.lines().filter(line -> line.startsWith(" ") && line.contains(" bytes, ")).toList())
            .containsExactly(" write_lat, 64 bytes, unloaded", " write_lat, 4096 bytes, unloaded",
                " read_lat, 64 bytes, unloaded");
    }

    @Test
    void shouldFitIn120ColumnsWithFourBaselinesAndBackgroundClasses()
    {
        final ClassResult background = result("background-write", thousand(1800, 2000, 2040), 500, 4096, 0.001, 0);
        final String table = table(List.of(
            run("edm", "read_lat", "incast-8+bulk-writes", 64,
                result("read", thousand(1000, 1500, 2000), 1000, 64, 0.001, 48), background),
            run("roce", "read_lat", "incast-8+bulk-writes", 64,
                result("read", thousand(3100, 3600, 4000), 1000, 64, 0.001, 132), background),
            run("raw", "read_lat", "incast-8+bulk-writes", 64,
                result("read", thousand(900, 1000, 1200), 1000, 64, 0.001, 84), background),
            run("udp", "read_lat", "incast-8+bulk-writes", 64,
                result("read", thousand(20000, 40000, 90000), 1000, 64, 0.001, 130), background)));

        assertThat(table.lines().filter(line -> !line.startsWith("machine")))
            .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
        assertThat(TableRows.row(table, INCAST, "read", "p99.9 [usec]"))
            .containsExactly("2.00", "4.00", "1.20", "90.05", "2.00x", "0.60x", "45.0x");
    }

    @Test
    void shouldSaySoWhenThereAreNoRuns()
    {
        assertThat(table(List.of())).contains("(no runs)");
    }
}
