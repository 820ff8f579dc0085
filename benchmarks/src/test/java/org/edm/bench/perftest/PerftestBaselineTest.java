package org.edm.bench.perftest;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.LatencySummary;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.PerftestReport.BandwidthUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The perftest baseline without RDMA hardware: the availability probe on stand-in device directories and PATHs, the
 * command lines, the conversion of parsed reports into the bench's results, and the whole run with stand-in perftest
 * programs (shell scripts that act as perftest's server and client and print a recorded output).
 */
class PerftestBaselineTest
{
    @TempDir
    Path directory;

    @Test
    void shouldSayWhyThereIsNoRdma() throws IOException
    {
        final Path bin = Files.createDirectories(directory.resolve("bin"));
        final Path devices = directory.resolve("infiniband");

        assertThat(RdmaAvailability.probe(devices, List.of(bin), "ib_read_lat", null).reason())
            .startsWith("no RDMA device: " + devices + " does not exist").contains("CONFIG_RDMA_RXE");
        Files.createDirectories(devices);
        final RdmaAvailability empty = RdmaAvailability.probe(devices, List.of(bin), "ib_read_lat", null);
        assertThat(empty.available()).isFalse();
        assertThat(empty.reason()).isEqualTo("no RDMA device: " + devices + " is empty (no RDMA NIC; Soft-RoCE " +
            "needs CONFIG_RDMA_RXE, then 'rdma link add rxe0 type rxe netdev <interface>')");
        Files.createDirectories(devices.resolve("mlx5_0"));
        assertThat(RdmaAvailability.probe(devices, List.of(bin), "ib_read_lat", "mlx5_1").reason())
            .isEqualTo("RDMA device 'mlx5_1' not found in " + devices + " (have: mlx5_0)");
        assertThat(RdmaAvailability.probe(devices, List.of(bin), "ib_read_lat", null).reason())
            .isEqualTo("ib_read_lat is not on the PATH: install perftest (apt-get install perftest)");
        final Path program = script(bin.resolve("ib_read_lat"), "exit 0");

        final RdmaAvailability available = RdmaAvailability.probe(devices, List.of(directory, bin), "ib_read_lat",
            "mlx5_0");
        assertThat(available.available()).isTrue();
        assertThat(available.reason()).isEmpty();
        assertThat(available.devices()).containsExactly("mlx5_0");
        assertThat(available.program()).isEqualTo(program);
    }

    @Test
    void shouldPassTheRunsFlagsToBothSides()
    {
        final PerftestInvocation latency = new PerftestInvocation("read_lat", 64, false, 5000, 0, true, "mlx5_0", 3,
            null, 18600);
        assertThat(latency.serverCommand("/usr/bin/ib_read_lat")).containsExactly("/usr/bin/ib_read_lat", "-d",
            "mlx5_0", "-x", "3", "-p", "18600", "-F", "-s", "64", "-n", "5000", "-H");
        assertThat(latency.clientCommand("ib_read_lat", "10.0.0.2")).endsWith("-H", "10.0.0.2");

        final PerftestInvocation bandwidth = new PerftestInvocation("write_bw", 8, true, 0, 5, true, null, -1, null,
            PerftestInvocation.DEFAULT_PORT);
        assertThat(bandwidth.program()).isEqualTo("ib_write_bw");
        assertThat(bandwidth.flags()).containsExactly("-p", "18515", "-F", "-a", "-D", "5", "--report_gbits");
        assertThat(PerftestInvocation.of("write_lat", 8).flags()).containsExactly("-p", "18515", "-F", "-s", "8",
            "-H");
        assertThatThrownBy(() -> PerftestInvocation.of("send_lat", 8)).hasMessageContaining("test=send_lat");
        assertThatThrownBy(() -> new PerftestInvocation("read_lat", 8, false, 10, 5, false, null, -1, null, 1))
            .hasMessageContaining("not both set");
    }

    @Test
    void shouldTurnALatencyReportIntoTheBenchsResult()
    {
        final PerftestReport report = PerftestOutputParser.parseText(PerftestOutputParserTest.sample("read_lat.txt"));

        final List<RunResult> results = PerftestBaseline.toRunResults(PerftestInvocation.of("read_lat", 8), report);

        assertThat(results).hasSize(1);
        final RunResult run = results.getFirst();
        assertThat(run.baseline()).isEqualTo("perftest");
        assertThat(run.test()).isEqualTo("read_lat");
        assertThat(run.size()).isEqualTo(8);
        assertThat(run.lineRateGbps()).isZero();
        assertThat(run.transport()).isEqualTo("RDMA device mlx5_0 (Ethernet, perftest)");
        final ClassResult read = run.measured();
        assertThat(read.trafficClass()).isEqualTo("read");
        assertThat(read.operations()).isEqualTo(1000);
        final LatencySummary latency = read.latency();
        assertThat(latency.count()).isEqualTo(1000);
        assertThat(latency.minMicros()).isCloseTo(1.86, within(0.01));
        assertThat(latency.medianMicros()).isCloseTo(1.91, within(0.01));
        assertThat(latency.p99Micros()).isCloseTo(2.14, within(0.01));
        assertThat(latency.p999Micros()).isCloseTo(6.47, within(0.01));
        assertThat(latency.maxMicros()).isCloseTo(6.47, within(0.01));
        assertThat(read.seconds()).isCloseTo(1000 * 1.93e-6, within(1e-9));
    }

    @Test
    void shouldDoubleWriteLatenciesAndUseEverySampleOfAHistogramRun()
    {
        final PerftestReport writes = PerftestOutputParser.parseText(
            PerftestOutputParserTest.sample("write_lat_all.txt"));
        final List<RunResult> results = PerftestBaseline.toRunResults(PerftestInvocation.of("write_lat", 2), writes);
        assertThat(results).hasSize(23).extracting(RunResult::size).startsWith(2, 4);
        final double typical = ((PerftestReport.LatencyRow)writes.rows().getFirst()).typicalMicros();
        assertThat(results.getFirst().measured().latency().medianMicros()).isCloseTo(2 * typical, within(0.01));
        assertThat(results.getFirst().transport()).contains("latency doubled from its half round trip");

        final PerftestReport histogram = PerftestOutputParser.parseText(
            PerftestOutputParserTest.sample("read_lat_histogram.txt"));
        final LatencySummary exact = PerftestBaseline.toRunResults(PerftestInvocation.of("read_lat", 64), histogram)
            .getFirst().measured().latency();
        assertThat(exact.count()).isEqualTo(20);
        assertThat(exact.maxMicros()).isCloseTo(4.82, within(0.01));
    }

    @Test
    void shouldTurnBandwidthAndDurationReportsIntoThroughput()
    {
        final RunResult bandwidth = PerftestBaseline.toRunResults(PerftestInvocation.of("write_bw", 65536),
            PerftestOutputParser.parseText(PerftestOutputParserTest.sample("write_bw.txt"))).getFirst();
        assertThat(bandwidth.measured().megabytesPerSecond()).as("perftest's MB/sec, read back as printed")
            .isCloseTo(11054.62, within(0.01));
        assertThat(bandwidth.measured().megaOpsPerSecond()).isCloseTo(0.176874, within(1e-5));
        assertThat(bandwidth.measured().latency().count()).isZero();

        final RunResult gbits = PerftestBaseline.toRunResults(PerftestInvocation.of("write_bw", 65536),
            PerftestOutputParser.parseJson(PerftestOutputParserTest.sample("write_bw_gbits.json"),
                BandwidthUnit.GB_PER_SEC)).getFirst();
        assertThat(gbits.measured().gigabitsPerSecond()).isCloseTo(92.73, within(0.001));

        final RunResult duration = PerftestBaseline.toRunResults(PerftestInvocation.of("read_lat", 64),
            PerftestOutputParser.parseText(PerftestOutputParserTest.sample("read_lat_duration.txt"))).getFirst();
        assertThat(duration.measured().megaOpsPerSecond()).isCloseTo(0.51627340, within(1e-8));
        assertThat(duration.measured().latency().medianMicros()).isCloseTo(1.94, within(0.01));
    }

    @Test
    void shouldRunServerAndClientAndReadTheClientsReport() throws IOException
    {
        final Path sample = directory.resolve("read_lat.txt");
        Files.writeString(sample, PerftestOutputParserTest.sample("read_lat.txt"));
        final Path arguments = directory.resolve("arguments");
        final Path program = script(directory.resolve("ib_read_lat"),
            "echo \"$@\" >> '" + arguments + "'",
            "case \"$*\" in *127.0.0.1) cat '" + sample + "'; exit 0 ;; esac",
            "echo '************************************'",
            "echo '* Waiting for client to connect... *'",
            "sleep 5");
        final PerftestInvocation invocation = new PerftestInvocation("read_lat", 8, false, 1000, 0, false, "mlx5_0",
            3, null, 18700);

        final PerftestBaseline.Outcome outcome = PerftestBaseline.run(invocation, program, Duration.ofSeconds(20));

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.results()).hasSize(1);
        assertThat(outcome.results().getFirst().measured().latency().medianMicros()).isCloseTo(1.91, within(0.01));
        assertThat(Files.readAllLines(arguments)).containsExactlyInAnyOrder(
            "-d mlx5_0 -x 3 -p 18700 -F -s 8 -n 1000 -H",
            "-d mlx5_0 -x 3 -p 18700 -F -s 8 -n 1000 -H 127.0.0.1");
    }

    @Test
    void shouldReportWhatWentWrongWithTheServerOrTheClient() throws IOException
    {
        final Path noDevice = script(directory.resolve("ib_write_lat"),
            "echo ' Did not detect devices '", "echo ' If device exists, check if driver is up'", "exit 1");
        final PerftestBaseline.Outcome serverFailed = PerftestBaseline.run(PerftestInvocation.of("write_lat", 8),
            noDevice, Duration.ofSeconds(20));
        assertThat(serverFailed.succeeded()).isFalse();
        assertThat(serverFailed.failure()).isEqualTo("the perftest server did not start: Did not detect devices / " +
            "If device exists, check if driver is up");

        final Path refused = script(directory.resolve("ib_read_bw"),
            "for last; do :; done", "echo \"Couldn't connect to $last:18515\"", "exit 1");
        final PerftestInvocation remote = new PerftestInvocation("read_bw", 65536, false, 0, 0, false, null, -1,
            "10.0.0.9", PerftestInvocation.DEFAULT_PORT);
        final PerftestBaseline.Outcome clientFailed = PerftestBaseline.run(remote, refused, Duration.ofSeconds(20));
        assertThat(clientFailed.failure()).isEqualTo("ib_read_bw failed (exit 1): Couldn't connect to 10.0.0.9:18515");
    }

    @Test
    void shouldFindListenersInTheKernelsTcpTable()
    {
        final List<String> table = List.of(
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
            "   0: 00000000:4853 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1",
            "   1: 0100007F:1F90 0100007F:B2AE 01 00000000:00000000 00:00000000 00000000     0        0 2 1");

        assertThat(ListeningPorts.listening(table, 18515)).isTrue();
        assertThat(ListeningPorts.listening(table, 8080)).as("established, not listening").isFalse();
        assertThat(ListeningPorts.listening(table, 18516)).isFalse();
    }

    private static Path script(final Path path, final String... lines) throws IOException
    {
        Files.writeString(path, "#!/bin/sh\n" + String.join("\n", lines) + "\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        return path;
    }
}
