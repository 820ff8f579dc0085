package org.edm.cli.bench;

import org.edm.bench.perftest.PerftestTable;
import org.edm.cli.EdmCli;
import org.edm.cli.NamespaceRacks;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.rack.LocalRack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.cli.NamespaceRacks.concat;
import static org.edm.cli.NamespaceRacks.daemon;
import static org.edm.cli.NamespaceRacks.down;
import static org.edm.cli.NamespaceRacks.sleep;

/**
 * {@code edm bench} on a real local rack of network namespaces (AF_PACKET ports over veth pairs): the whole rack
 * embedded (EDM, the raw-frame floor and kernel UDP through TAP interfaces), and one compute host against switch and
 * memory-node daemons. Needs root; skipped otherwise. Racks are
 * named edm-ct&lt;pid&gt;* (CI's guard removes any a killed JVM left) and taken down in a finally block.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamespaceRackBenchTest
{
    private static final String[] SMALL = { "--set", "edm.memory.region.bytes=1m", "--set",
        "edm.memory.huge.pages=false", "--no-progress", "--warmup-seconds", "0.2" };

    /** What the switch and memory-node daemons get besides the common small settings. */
    private static final String[] DAEMON = new String[0];

    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot()
    {
        NamespaceRacks.assumeRoot("edm bench on a namespace rack");
    }

    @Test
    void shouldMeasureEdmAndTheRawFloorOverTheRacksAfPacketPorts()
    {
        final String name = NamespaceRacks.rackName("b");
        final Path file = dir.resolve(name + ".yaml");
        try
        {
            new LocalRack(line -> { }).up(name, 2, file);
            final EdmCli.Result result = EdmCli.run(with("bench", "read_lat", "--rack", file.toString(), "-n", "100",
                "--baseline", "edm,raw,udp"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains(" Device          : rack '" + name + "' (2 hosts, namespaces)")
                .contains("over AF_PACKET ports in the rack's namespaces")
                .contains("EDM_Read Latency Test").contains("RAW_Read Latency Test").contains("UDP_Read Latency Test")
                .contains(" remote address: node 2 (h1)");
            assertThat(result.out().lines().filter(line -> line.startsWith(" 2       100 ")).count()).isEqualTo(3);
            assertThat(IpCommand.tryRun("-n", "edm-" + name + "-h0", "link", "show", "edmbench").exitCode())
                .as("the bench's TAP interface goes away with its fabric").isNotZero();
            assertThat(result.out()).contains(PerftestTable.LATENCY_HEADER);
        }
        finally
        {
            down(file, name);
        }
    }

    @Test
    void shouldRunAsAComputeHostAgainstSwitchAndMemoryNodeDaemons()
    {
        final String name = NamespaceRacks.rackName("l");
        final Path file = dir.resolve(name + ".yaml");
        try
        {
            new LocalRack(line -> { }).up(name, 2, file);
            final String rack = file.toString();
            final CompletableFuture<EdmCli.Result> switchDaemon = daemon(DAEMON, "switch", "--rack", rack);
            final CompletableFuture<EdmCli.Result> hostDaemon = daemon(DAEMON, "host", "--rack", rack, "--name", "h1");
            sleep(1500);
            final EdmCli.Result result = EdmCli.run(with("bench", "write_lat", "--rack", rack, "--host", "h0", "-n",
                "50", "--baseline", "edm,raw"));
            final String all = result + "\n=== switch " + switchDaemon.join() + "\n=== host " + hostDaemon.join();

            assertThat(result.exitCode()).as(all).isZero();
            assertThat(result.out()).contains(" Device          : lab rack '" + name + "', host h0")
                .contains(" remote address: node 2 (h1)");
            assertThat(result.out().lines().filter(line -> line.startsWith(" 2       50 ")).count()).isEqualTo(1);
            assertThat(result.err()).contains("baseline raw skipped: the raw-frame floor needs the whole rack");
        }
        finally
        {
            down(file, name);
        }
    }

    private static String[] with(final String... args)
    {
        return concat(args, SMALL);
    }
}
