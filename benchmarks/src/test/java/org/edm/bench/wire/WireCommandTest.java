package org.edm.bench.wire;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class WireCommandTest
{
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine command = new CommandLine(new WireCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void shouldPrintThePredictionWithOpsPerSecondAtTheLineRate()
    {
        assertThat(run("--line-rate", "1")).isZero();

        assertThat(out.toString()).contains("predicted wire bytes per operation (wire-7 framing, 256-byte chunks; " +
            "RoCE MTU 1024)").contains("ops/s@1G").contains("3.13x").contains("1.46x")
            .doesNotContain("measuring");
    }

    @Test
    void shouldRefuseRatesDurationsAndDepthsOutOfRange()
    {
        assertThat(run("--line-rate", "0")).isEqualTo(2);
        assertThat(run("--depth", "100")).isEqualTo(2);
        assertThat(err.toString()).contains("--depth a power of two");
    }
}
