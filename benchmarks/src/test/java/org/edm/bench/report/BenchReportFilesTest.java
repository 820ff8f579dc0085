package org.edm.bench.report;

import org.edm.bench.harness.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.bench.report.SyntheticRuns.edmRead;
import static org.edm.bench.report.SyntheticRuns.result;
import static org.edm.bench.report.SyntheticRuns.roceRead;
import static org.edm.bench.report.SyntheticRuns.run;
import static org.edm.bench.report.SyntheticRuns.thousand;

class BenchReportFilesTest
{
    @TempDir
    Path directory;

    @Test
    void shouldWriteTheThreeReportsAndAHistogramPerClassIntoANewDirectory() throws IOException
    {
        final RunResult loaded = run("edm", "read_lat", "incast-8+bulk-writes", 64,
            result("read", thousand(1300, 1900, 2000), 1000, 64, 0.001, 48),
            result("background-write", thousand(1800, 2000, 2040), 500, 4096, 0.001, 0));
        final BenchReport report = new BenchReport(List.of(edmRead(), roceRead(), loaded), SyntheticRuns.HEADER,
            ThroughputUnit.MB_PER_SEC);
        final Path target = directory.resolve("out/report");

        final ReportFiles files = report.writeAll(target);

        assertThat(files.text()).isEqualTo(target.resolve("report.txt")).content().isEqualTo(report.table());
        assertThat(files.json()).isEqualTo(target.resolve("report.json")).content().isEqualTo(report.json());
        assertThat(files.html()).isEqualTo(target.resolve("report.html")).content().isEqualTo(report.html());
        assertThat(files.histograms()).extracting(path -> path.getFileName().toString()).containsExactly(
            "read_lat-64-edm-unloaded-read.hgrm", "read_lat-64-roce-unloaded-read.hgrm",
            "read_lat-64-edm-incast-8-bulk-writes-read.hgrm",
            "read_lat-64-edm-incast-8-bulk-writes-background-write.hgrm");
        assertThat(files.all()).hasSize(7).allSatisfy(path -> assertThat(path).exists().hasParent(target));
    }

    @Test
    void shouldWriteHistogramsInHgrmFormatInMicroseconds() throws IOException
    {
        final ReportFiles files = new BenchReport(List.of(edmRead()), SyntheticRuns.HEADER,
            ThroughputUnit.MB_PER_SEC).writeAll(directory);

        final List<String> lines = Files.readAllLines(files.histograms().getFirst());
        assertThat(lines.getFirst().trim().split("\\s+"))
            .containsExactly("Value", "Percentile", "TotalCount", "1/(1-Percentile)");
        // 98% of the samples took 1.000 usec; the last line of the distribution is the maximum, 2 usec.
        assertThat(lines).anySatisfy(line -> assertThat(line.trim()).startsWith("1.000 0.500000000000"));
        assertThat(lines).anySatisfy(line -> assertThat(line.trim()).startsWith("2.000 1.000000000000"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("#[Max     =        2.000, Total count    ="));
    }

    @Test
    void shouldNameHistogramsSafelyAndNeverOverwriteARepeatedRun() throws IOException
    {
        final RunResult odd = run("edm", "read_lat", "incast 8/../<x>", 64,
            result("Read Class", thousand(1000, 1500, 2000), 10, 64, 1, 0));

        final ReportFiles files = new BenchReport(List.of(odd, odd, edmRead(), edmRead()), SyntheticRuns.HEADER,
            ThroughputUnit.MB_PER_SEC).writeAll(directory);

        assertThat(files.histograms()).extracting(path -> path.getFileName().toString()).containsExactly(
            "read_lat-64-edm-incast-8-..-x-read-class.hgrm", "read_lat-64-edm-incast-8-..-x-read-class-2.hgrm",
            "read_lat-64-edm-unloaded-read.hgrm", "read_lat-64-edm-unloaded-read-2.hgrm");
        assertThat(files.histograms()).allSatisfy(path -> assertThat(path).exists().hasParent(directory));
    }
}
