package org.edm.bench.floor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.IpCommand;
import org.edm.nativeio.rack.LocalRack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short runs of the floor tools, so that they keep working; the real measurements are in BENCHMARKS.md. The loss
 * timeout is long: these ports do not lose frames, and a loaded test machine may deschedule a thread for 100 ms.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FloorCommandsTest
{
    @Test
    void shouldPingPongThroughTheForwarderOverInMemoryPorts()
    {
        final PingPongCommand command = new PingPongCommand();
        new CommandLine(command).parseArgs("--transport", "memory", "--count", "2000", "--warmup", "200",
            "--idle", "yield", "--loss-timeout-ms", "10000");
        final PingPongCommand.Result result = command.measure(line -> { });
        assertThat(result.measured()).isEqualTo(2000);
        assertThat(result.lost()).isZero();
        assertThat(result.conditions()).contains("forwarded 4400").contains("echoed 2200");
    }

    @Test
    void shouldPingPongAndSendOnALocalRack(@TempDir final Path dir)
    {
        Assumptions.assumeTrue(Capabilities.has(Capabilities.CAP_SYS_ADMIN) && Capabilities.has(Capabilities.CAP_NET_ADMIN)
            && Capabilities.has(Capabilities.CAP_NET_RAW) && IpCommand.isAvailable(),
            "skipped: needs root (CAP_NET_ADMIN, CAP_SYS_ADMIN, CAP_NET_RAW) and iproute2 for a local rack");
        final String name = "ft" + ProcessHandle.current().pid() % 1_000_000;
        final Path file = dir.resolve(name + ".yaml");
        final LocalRack rack = new LocalRack(line -> { });
        try
        {
            rack.up(name, 2, file);
            for (final String[] mode : new String[][] { { "--direct" }, { "--tx", "ring" } })
            {
                final PingPongCommand pingPong = new PingPongCommand();
                final List<String> args = new ArrayList<>(List.of("--rack", file.toString(), "--count", "2000",
                    "--warmup", "200", "--idle", "yield", "--loss-timeout-ms", "10000"));
                args.addAll(List.of(mode));
                new CommandLine(pingPong).parseArgs(args.toArray(String[]::new));
                final PingPongCommand.Result result = pingPong.measure(line -> { });
                assertThat(result.measured()).as(result.describe()).isEqualTo(2000);
            }
            final TxRateCommand txRate = new TxRateCommand();
            new CommandLine(txRate).parseArgs("--rack", file.toString(), "--seconds", "0.3", "--warmup-seconds",
                "0.1", "--receive", "--idle", "yield");
            assertThat(txRate.measure(line -> { })).anyMatch(line -> line.startsWith("received"));
        }
        finally
        {
            rack.down(file);
        }
    }
}
