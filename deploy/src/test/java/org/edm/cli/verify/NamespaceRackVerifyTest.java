package org.edm.cli.verify;

import org.edm.cli.EdmCli;
import org.edm.cli.NamespaceRacks;
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
 * {@code edm verify} on a real local rack of network namespaces (AF_PACKET ports over veth pairs): embedding the whole
 * rack, and as a compute host against {@code edm switch} and {@code edm host} daemons. Needs root; skipped otherwise.
 * Every rack is taken down in a finally block, and its namespaces are named edm-ct&lt;pid&gt;* so that CI's guard
 * removes any a killed JVM left behind.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NamespaceRackVerifyTest
{
    /**
     * The request timeout is 250 ms instead of 10: these tests check correctness, and on a busy test machine (other
     * builds on two cores) a thread of the rack was once descheduled long enough for 4 requests to time out.
     */
    private static final String TIMEOUT = "edm.fabric.timeout.us=250000";

    private static final String[] LOAD = {
        "--set", "edm.memory.region.bytes=1m", "--set", "edm.memory.huge.pages=false", "--queue-depth", "4",
        "--max-size", "16k", "--seed", "11", "--quiet", "--set", TIMEOUT };

    /** What the switch and memory-node daemons get besides the common small settings. */
    private static final String[] DAEMON = new String[] { "--set", TIMEOUT };

    @TempDir
    Path dir;

    @BeforeEach
    void needsRoot()
    {
        NamespaceRacks.assumeRoot("edm verify on a namespace rack");
    }

    @Test
    void shouldPassWithTheWholeRackEmbeddedOverAfPacket()
    {
        final String name = NamespaceRacks.rackName("v");
        final Path file = dir.resolve(name + ".yaml");
        try
        {
            new LocalRack(line -> { }).up(name, 2, file);
            final EdmCli.Result result = EdmCli.run(with("verify", "--rack", file.toString(), "--seconds", "2"));
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("over AF_PACKET ports in the rack's namespaces")
                .contains("errors       none").contains("result       PASS");
        }
        finally
        {
            down(file, name);
        }
    }

    @Test
    void shouldPassAsAComputeHostAgainstSwitchAndMemoryNodeDaemons()
    {
        final String name = NamespaceRacks.rackName("d");
        final Path file = dir.resolve(name + ".yaml");
        try
        {
            new LocalRack(line -> { }).up(name, 2, file);
            final String rack = file.toString();
            final CompletableFuture<EdmCli.Result> switchDaemon = daemon(DAEMON, "switch", "--rack", rack);
            final CompletableFuture<EdmCli.Result> hostDaemon = daemon(DAEMON, "host", "--rack", rack, "--name", "h1");
            sleep(1500);
            final EdmCli.Result result = EdmCli.run(with("verify", "--rack", rack, "--host", "h0", "--seconds", "2"));
            final String all = result + "\n=== switch " + switchDaemon.join() + "\n=== host " + hostDaemon.join();
            assertThat(result.exitCode()).as(all).isZero();
            assertThat(result.out()).contains("compute host h0 in this process over AF_PACKET port edm0@edm-" + name)
                .contains("1 compute host(s) [h0] -> 2 memory node(s) [h0, h1]")
                .contains("result       PASS");
            final EdmCli.Result switchResult = switchDaemon.join();
            final EdmCli.Result hostResult = hostDaemon.join();
            assertThat(switchResult.exitCode()).as(switchResult.toString()).isZero();
            assertThat(switchResult.out()).contains("edm switch: rack " + name + " (local), 2 ports")
                .contains("totals: ");
            assertThat(hostResult.exitCode()).as(hostResult.toString()).isZero();
            assertThat(hostResult.out()).contains("serving region key 1 of 1048576 bytes");
        }
        finally
        {
            down(file, name);
        }
    }

    private static String[] with(final String... args)
    {
        return concat(args, LOAD);
    }
}
