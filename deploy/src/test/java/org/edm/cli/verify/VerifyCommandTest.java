package org.edm.cli.verify;

import org.edm.cli.EdmCli;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code edm verify} over an in-memory rack (no root). The load is kept moderate (queue depth 4, requests up to
 * 16 KiB): on a busy 2-core machine deeper queues of 64 KiB requests can wait longer than the fabric timeout, which the
 * soak rightly reports as a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class VerifyCommandTest
{
    private static final String[] SMALL = {
        "--set", "edm.memory.region.bytes=1m", "--set", "edm.memory.huge.pages=false", "--queue-depth", "4",
        "--max-size", "16k", "--seed", "7" };

    @TempDir
    Path dir;

    @Test
    void shouldPassOnAHealthyFabric() throws IOException
    {
        final EdmCli.Result result = EdmCli.run(args("--in-memory", "--rack", rack(3), "--seconds", "2"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
            .contains("the whole rack embedded in this process over in-memory cables")
            .contains("3 compute host(s) [h0, h1, h2] -> 3 memory node(s) [h0, h1, h2]")
            .containsPattern("operations +[0-9,]+ in [0-9.]+ s")
            .containsPattern("final sweep +[0-9,]+ reads")
            .contains("mismatches   0 reads")
            .contains("errors       none")
            .contains("hung         0")
            .containsPattern("latency us   all    p50 [0-9.]+  p99 [0-9.]+  p99.9 [0-9.]+  max [0-9.]+")
            .contains("fabric       10 Gb/s per port, framing wire-7")
            .containsPattern("gc           [0-9]+ collections")
            .contains("result       PASS");
    }

    @Test
    void shouldFailWhenAMemoryNodeCorruptsData() throws IOException
    {
        final EdmCli.Result result = EdmCli.run(args("--in-memory", "--rack", rack(2), "--seconds", "1",
            "--inject-corruption"));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(VerifyCommand.FAILED);
        assertThat(result.out()).contains("injected     1 corrupted byte(s)")
            .containsPattern("mismatches   [1-9][0-9,]* reads \\([1-9][0-9,]* bytes wrong\\)")
            .containsPattern("mismatch: h[01] read [0-9]+ B at 0x[0-9a-f]+ of node [12] \\(h[01]\\)")
            .contains("result       FAIL");
    }

    @Test
    void shouldRunWithoutARackFileInMemory()
    {
        final EdmCli.Result result = EdmCli.run(args("--in-memory", "--seconds", "0.5", "--threading", "INVOKER"));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("threads INVOKER").contains("result       PASS");
    }

    @Test
    void shouldAskForTheComputeHostOnALabRack() throws IOException
    {
        final Path lab = dir.resolve("lab.yaml");
        final RackDescription local = LocalRackLayout.describe("lab", 2, RackDescription.State.NONE);
        final var hosts = local.hosts().stream().map(h -> new RackDescription.Host(h.name(), h.nodeId(), h.role(),
            null, h.name() + ".example", h.interfaceName(), h.mac())).toList();
        RackFile.write(new RackDescription("lab", RackDescription.Kind.LAB, RackDescription.State.NONE, hosts,
            new RackDescription.Switch("sw", null, "sw.example", local.fabric().ports())), lab);
        final EdmCli.Result result = EdmCli.run("verify", "--rack", lab.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("is a lab rack: name the compute host this process runs with --host NAME");
    }

    @Test
    void shouldRejectContradictoryOptions() throws IOException
    {
        final EdmCli.Result both = EdmCli.run("verify", "--rack", rack(2), "--host", "h0", "--in-memory");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--host runs one compute host against running daemons");
        final EdmCli.Result depth = EdmCli.run("verify", "--in-memory", "--queue-depth", "0");
        assertThat(depth.exitCode()).isEqualTo(2);
        assertThat(depth.err()).contains("--queue-depth=0 outside [1, 1024]");
        final EdmCli.Result size = EdmCli.run("verify", "--in-memory", "--rack", rack(2), "--max-size", "2m");
        assertThat(size.exitCode()).isEqualTo(1);
        assertThat(size.err()).contains("--max-size=2m outside [1, 1048576]");
    }

    @Test
    void shouldSayWhenThePartitionsAreTooSmall() throws IOException
    {
        final EdmCli.Result result = EdmCli.run("verify", "--in-memory", "--rack", rack(4), "--set",
            "edm.memory.region.bytes=64k", "--set", "edm.memory.huge.pages=false");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("each of the 4 compute hosts owns 16384 bytes of every region")
            .contains("lower --max-size or raise edm.memory.region.bytes");
    }

    private String rack(final int hosts) throws IOException
    {
        final Path file = dir.resolve("r" + hosts + ".yaml");
        RackFile.write(LocalRackLayout.describe("t", hosts, RackDescription.State.UP), file);
        return file.toString();
    }

    private static String[] args(final String... args)
    {
        final String[] all = new String[1 + args.length + SMALL.length];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(SMALL, 0, all, 1 + args.length, SMALL.length);
        return all;
    }
}
