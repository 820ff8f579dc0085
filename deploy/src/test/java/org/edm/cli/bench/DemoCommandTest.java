package org.edm.cli.bench;

import org.edm.cli.EdmCli;
import org.edm.cli.NamespaceRacks;
import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.rack.IpCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code edm demo}, shortened: over in-memory cables, and on a namespace rack as root (skipped otherwise), which it
 * must take down again. Its rack is named ct&lt;pid&gt;m so that CI's guard removes it if a JVM dies mid-test.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DemoCommandTest
{
    private static final String[] SHORT = { "--iterations", "300", "--seconds", "0.3", "--no-progress" };

    @TempDir
    Path dir;

    @Test
    void shouldMeasureEdmAndRoceSideBySideOverInMemoryCables()
    {
        final Path report = dir.resolve("r");
        final EdmCli.Result result = EdmCli.run(concat("demo", "--in-memory", "--report", report.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("in-memory cables in this process (--in-memory asked for it)")
            .contains(" read_lat, 64 bytes, unloaded").contains(" write_lat, 64 bytes, unloaded")
            .contains(" read_bw, 4096 bytes, unloaded").contains(" write_bw, 4096 bytes, unloaded")
            .contains("roce/edm").contains("report: " + report.resolve("report.html").toAbsolutePath())
            .contains("edm demo: at 10 Gb/s the emulation's CPU time, not the links, limits both systems here");
        assertThat(result.out().lines().filter(line -> line.matches("edm demo: (edm|roce) .* B  median .*")))
            .hasSize(8);
        assertThat(report.resolve("report.html")).exists();
        assertThat(report.resolve("report.json")).exists();
    }

    @Test
    void shouldSayWhatSetsTheFiguresAtTheLineRate()
    {
        assertThat(DemoCommand.reading(10)).startsWith("at 10 Gb/s the emulation's CPU time, not the links")
            .contains("'edm demo --line-rate 0.1'");
        assertThat(DemoCommand.reading(0.1)).startsWith("at 0.1 Gb/s the emulated links, not the CPU, set the pace");
    }

    @Test
    void shouldBringANamespaceRackUpAndTakeItDown()
    {
        NamespaceRacks.assumeRoot("edm demo on a namespace rack");
        final String name = NamespaceRacks.rackName("m");
        try
        {
            final EdmCli.Result result = EdmCli.run(concat("demo", "--rack-name", name, "--report",
                dir.resolve("r").toString()));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.out()).contains("bringing up local rack '" + name + "'")
                .contains("over AF_PACKET ports in its namespaces").contains("roce/edm")
                .contains("rack: '" + name + "' taken down");
            assertThat(NetworkNamespaces.exists("edm-" + name + "-sw")).isFalse();
            assertThat(NetworkNamespaces.exists("edm-" + name + "-h0")).isFalse();
        }
        finally
        {
            for (final String ns : new String[] { "sw", "h0", "h1" })
            {
                IpCommand.tryRun("netns", "del", "edm-" + name + "-" + ns);
            }
        }
    }

    private static String[] concat(final String... args)
    {
        return NamespaceRacks.concat(args, SHORT);
    }
}
