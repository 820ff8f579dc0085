package org.edm.cli.bench;

import org.edm.bench.perftest.PerftestTable;
import org.edm.cli.EdmCli;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edm bench} from the command line: perftest's output, the files it writes, and its errors. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchCommandTest
{
    private static final String[] SMALL = { "--set", "edm.memory.region.bytes=4m", "--no-progress" };

    @TempDir
    Path dir;

    @Test
    void shouldPrintPerftestsBannerTableAndRowsAndWriteJsonAndHgrm() throws Exception
    {
        final Path json = dir.resolve("out.json");
        final Path hgrm = dir.resolve("lat.hgrm");
        final EdmCli.Result result = EdmCli.run(with("bench", "read_lat", "-s", "64", "-n", "50", "-F",
            "--perform_warm_up", "--out_json_file=" + json, "--hgrm", hgrm.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        final List<String> lines = result.out().lines().toList();
        assertThat(lines).contains("                    EDM_Read Latency Test", PerftestTable.LATENCY_HEADER)
            .contains(" Device          : in-memory rack 'bench' (2 hosts)")
            .contains(" Transport type  : EDM")
            .contains(" TX depth        : 1")
            .contains(" Warm-up         : 16 iterations per client and at least 1.0 s, not recorded")
            .contains(" Line rate       : 10[Gb/s] emulated PHY, framing wire-7")
            .anyMatch(line -> line.startsWith(" Latency         : full round trip"));
        final int header = lines.indexOf(PerftestTable.LATENCY_HEADER);
        assertThat(lines.get(header - 1)).isEqualTo(PerftestTable.LINE);
        final String[] row = lines.get(header + 1).trim().split("\\s+");
        assertThat(row).hasSize(9);
        assertThat(row[0]).isEqualTo("64");
        assertThat(row[1]).isEqualTo("50");
        assertThat(Double.parseDouble(row[2])).isLessThanOrEqualTo(Double.parseDouble(row[4]));
        assertThat(lines.get(header + 2)).isEqualTo(PerftestTable.LINE);

        final String text = Files.readString(json);
        for (final String key : List.of("\"MsgSize\": 64", "\"n_iterations\": 50", "\"t_min\"", "\"t_max\"",
            "\"t_typical\"", "\"t_avg\"", "\"t_stdev\"", "\"percentile_99\"", "\"percentile_99.9\"",
            "\"baseline\": \"edm\"", "\"test\": \"read_lat\""))
        {
            assertThat(text).contains(key);
        }
        final List<String> distribution = Files.readAllLines(hgrm);
        assertThat(distribution.getFirst().trim()).startsWith("Value");
        assertThat(distribution).anyMatch(line -> line.matches("#\\[Max .*Total count += +50]"));
        assertThat(result.err()).contains("JSON written to " + json).contains("written to " + hgrm);
    }

    @Test
    void shouldPrintTheBandwidthTableInGigabitsForTheRawFloor()
    {
        final EdmCli.Result result = EdmCli.run(with("bench", "write_bw", "-s", "4k", "-n", "64", "-t", "8", "--warmup-seconds", "0",
            "--baseline", "raw", "--report_gbits"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        final List<String> lines = result.out().lines().toList();
        assertThat(lines).contains("                    RAW_Write BW Test", PerftestTable.bandwidthHeader(true));
        final String[] row = lines.get(lines.indexOf(PerftestTable.bandwidthHeader(true)) + 1).trim().split("\\s+");
        assertThat(row).hasSize(5);
        assertThat(row[0]).isEqualTo("4096");
        assertThat(row[1]).isEqualTo("64");
        assertThat(Double.parseDouble(row[3])).isPositive();
    }

    @Test
    void shouldPrintOneLinePerClassAfterTheTableOfALoadedRun()
    {
        final EdmCli.Result result = EdmCli.run(with("bench", "read_lat", "-n", "40", "--warmup-seconds", "0", "--load",
            "incast=2,bulk-writes=1", "--bulk-size", "8k", "--read-ratio", "0.5"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains(BenchPrinter.CLASS_HEADER)
            .contains(" Load            : incast-2+bulk-writes-1x8192B+reads-50%")
            .containsPattern("(?m)^ read +2 +\\d+ +0 ")
            .containsPattern("(?m)^ write +2 +\\d+ +0 ")
            .containsPattern("(?m)^ background-write +2 +[1-9]\\d* +0 ");
    }

    @Test
    void shouldWriteTheSideBySideReportOfEveryRun()
    {
        final Path report = dir.resolve("report");
        final EdmCli.Result result = EdmCli.run(with("bench", "read_lat", "-n", "30", "--warmup-seconds", "0",
            "--baseline", "edm,raw", "--report", report.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(report.resolve("report.txt")).exists();
        assertThat(report.resolve("report.json")).exists();
        assertThat(report.resolve("report.html")).exists();
        assertThat(result.err()).contains("report written to " + report.resolve("report.html"));
    }

    @Test
    void shouldSkipABaselineThatCannotRunAndFailWhenNothingRan()
    {
        final EdmCli.Result result = EdmCli.run(with("bench", "read_lat", "--baseline", "udp,perftest", "--load",
            "incast=2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("baseline udp skipped: kernel UDP needs one kernel per host")
            .contains("baseline perftest skipped: perftest measures one unloaded closed-loop client")
            .contains("nothing ran");
    }

    @Test
    void shouldNameTheOptionOfABadValue()
    {
        final EdmCli.Result size = EdmCli.run("bench", "read_lat", "-s", "abc");
        assertThat(size.exitCode()).isEqualTo(2);
        assertThat(size.err()).contains("--size=abc is not a whole number");

        final EdmCli.Result depth = EdmCli.run("bench", "read_lat", "-t", "4");
        assertThat(depth.exitCode()).isEqualTo(2);
        assertThat(depth.err()).contains("-t/--tx-depth=4: closed-loop latency tests keep one operation in flight");

        final EdmCli.Result baseline = EdmCli.run("bench", "read_bw", "--baseline", "rdma");
        assertThat(baseline.exitCode()).isEqualTo(2);
        assertThat(baseline.err()).contains("'rdma' is not a baseline; choose from edm, roce, raw, udp, perftest");

        final EdmCli.Result big = EdmCli.run(with("bench", "read_lat", "-s", "8m"));
        assertThat(big.exitCode()).isEqualTo(2);
        assertThat(big.err()).contains("--size=8388608 exceeds the largest message this run carries, 4194304 bytes");
    }

    @Test
    void shouldSayWhenTheRackFileIsMissingOrTheRackIsNotUp() throws Exception
    {
        final Path missing = dir.resolve("nowhere.yaml");
        final EdmCli.Result noFile = EdmCli.run("bench", "read_lat", "--rack", missing.toString());
        assertThat(noFile.exitCode()).isEqualTo(1);
        assertThat(noFile.err()).contains("rack file " + missing + " does not exist");

        final Path half = dir.resolve("half.yaml");
        RackFile.write(LocalRackLayout.describe("half", 2, RackDescription.State.CREATING), half);
        final EdmCli.Result notUp = EdmCli.run("bench", "read_lat", "--rack", half.toString());
        assertThat(notUp.exitCode()).isEqualTo(1);
        assertThat(notUp.err()).contains("rack 'half'").contains("is not up").contains("edm rack up --name half");

        final Path ghost = dir.resolve("ghost.yaml");
        RackFile.write(LocalRackLayout.describe("ghost", 2, RackDescription.State.UP), ghost);
        final EdmCli.Result gone = EdmCli.run("bench", "read_lat", "--rack", ghost.toString());
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("rack 'ghost': namespace edm-ghost-h0 is gone");
    }

    @Test
    void shouldListTheTestsAndExplainTheOptions()
    {
        final EdmCli.Result bench = EdmCli.run("bench", "--help");
        assertThat(bench.exitCode()).isZero();
        assertThat(bench.out()).contains("read_lat", "write_lat", "read_bw", "write_bw", "Examples:");

        final EdmCli.Result test = EdmCli.run("bench", "read_lat", "--help");
        assertThat(test.out()).contains("-s, --size=BYTES", "-n, --iters=N", "-a, --all", "-D, --duration=SECONDS",
            "--report_gbits", "--out_json", "--out_json_file=FILE", "--hgrm=FILE", "--rate=OPS", "--load=LIST",
            "--read-ratio=R", "--baseline=LIST", "--rack=FILE", "--line-rate=GBPS", "--perform_warm_up",
            "-F, --CPU-freq");
    }

    private static String[] with(final String... args)
    {
        final String[] all = new String[args.length + SMALL.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(SMALL, 0, all, args.length, SMALL.length);
        return all;
    }
}
