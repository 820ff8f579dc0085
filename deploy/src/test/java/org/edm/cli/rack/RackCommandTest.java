package org.edm.cli.rack;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.edm.cli.NamespaceRacks;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.IpCommand;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RackCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cli = new CommandLine(new RackCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
        {
            commandLine.getErr().println(ex.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    @Test
    void shouldSayWhatToDoWhenTheRackFileIsMissing(@TempDir final Path dir)
    {
        assertThat(run("status", "--file", dir.resolve("r9.yaml").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("does not exist").contains("edm rack up --hosts N");
    }

    @Test
    void shouldRejectABadRackName()
    {
        assertThat(run("status", "--name", "Bad-Name")).isEqualTo(1);
        assertThat(err.toString()).contains("rack name 'Bad-Name'");
    }

    @Test
    void shouldBringARackUpShowItAndTakeItDown(@TempDir final Path dir)
    {
        Assumptions.assumeTrue(Capabilities.has(Capabilities.CAP_SYS_ADMIN) && Capabilities.has(Capabilities.CAP_NET_ADMIN)
            && Capabilities.has(Capabilities.CAP_NET_RAW) && IpCommand.isAvailable(),
            "skipped: needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) and iproute2 to create namespaces");
        final String name = NamespaceRacks.rackName("");
        final Path file = dir.resolve(name + ".yaml");
        try
        {
            assertThat(run("up", "--hosts", "1", "--name", name, "--file", file.toString())).as(err.toString()).isZero();
            assertThat(run("status", "--file", file.toString())).isZero();
            assertThat(out.toString()).contains("rack " + name + " (local, up)").contains("ours, link up");
            assertThat(run("down", "--file", file.toString())).isZero();
            assertThat(Files.exists(file)).isFalse();
            assertThat(IpCommand.run("netns", "list")).doesNotContain("edm-" + name);
        }
        finally
        {
            IpCommand.tryRun("netns", "del", "edm-" + name + "-h0");
            IpCommand.tryRun("netns", "del", "edm-" + name + "-sw");
        }
    }
}
