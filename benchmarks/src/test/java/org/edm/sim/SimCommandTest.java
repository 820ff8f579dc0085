package org.edm.sim;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SimCommandTest
{
    private static final String TRACE = """
        0,3,0,1,64,-1,0
        1,1,2,3,16,64,0
        2,3,4,5,64,-1,10
        3,1,6,7,16,5840,20
        """;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicReference<SimConfig> seenConfig = new AtomicReference<>();
    private final AtomicReference<FlowTable> seenFlows = new AtomicReference<>();
    private SimulationRunner runner = Timelines.runner();
    private Path trace;

    @BeforeEach
    void writeTrace() throws IOException
    {
        trace = dir.resolve("trace.csv");
        Files.writeString(trace, TRACE);
    }

    private int run(final String... args)
    {
        final SimulationRunner inner = runner;
        final SimulationRunner spy = (config, flows, recorder, progress) ->
        {
            seenConfig.set(config);
            seenFlows.set(flows);
            return inner.run(config, flows, recorder, progress);
        };
        final CommandLine commandLine = new CommandLine(new SimCommand(spy, () -> false));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldDocumentEveryOptionAndThePresetInItsHelp()
    {
        assertThat(run("--help")).isZero();

        final String help = out.toString();
        for (final String option : List.of("--trace", "--generate", "--cdf", "--load", "--write-ratio", "--hosts",
            "--flows", "--bandwidth-gbps", "--short", "--trace-out", "--flows-out", "--summary-json",
            "--netsim-compat", "--speed", "--propagation-ns", "--chunk-bytes", "--release-bytes", "--block-bytes",
            "--host-order", "--matcher", "--pim-iterations", "--max-chunks-per-message", "--net-switch-delay-ns",
            "--seed", "--max-slots", "--[no-]progress", "--help"))
        {
            assertThat(help).contains(option);
        }
        assertThat(help.replaceAll("\\s+", " ")).contains("Default: 256; range [8")
            .contains("Default: one bandwidth-delay product");
        assertThat(help).contains("Default: 100G").contains("Default: 7")
            .contains("Default: greedy").contains("Default: 4;").contains("10000000000")
            .contains("--netsim-compat selects the preset").contains("Exit codes");
    }

    @Test
    void shouldSimulateATraceAndWriteTheSummaryAndTheFlows() throws IOException
    {
        final Path json = dir.resolve("summary.json");
        final Path flows = dir.resolve("flows.csv");

        assertThat(run("--trace", trace.toString(), "--summary-json", json.toString(), "--flows-out",
            flows.toString())).isZero();

        assertThat(seenConfig.get().hosts()).isEqualTo(8);
        assertThat(seenConfig.get().scoring()).isEqualTo(ScoringMode.END_TO_END);
        assertThat(seenConfig.get().progress()).isFalse();
        assertThat(seenFlows.get().size()).isEqualTo(4);
        assertThat(out.toString()).contains("scoring: end-to-end").contains("stopReason             all-completed")
            .contains("grantsIssued           42").containsPattern("  read +2 +0 ");
        assertThat(err.toString()).isEmpty();
        @SuppressWarnings("unchecked")
        final Map<String, Object> summary = (Map<String, Object>)JsonParser.parse(Files.readString(json));
        assertThat(summary).containsEntry("scoring", "end-to-end");
        assertThat(Files.readAllLines(flows)).hasSize(1 + 4 + 2).first().isEqualTo(FlowCsvWriter.HEADER);
    }

    @Test
    void shouldScoreLikeTheReferenceWithTheNetsimPreset()
    {
        assertThat(run("--trace", trace.toString(), "--netsim-compat")).isZero();

        assertThat(seenConfig.get().scoring()).isEqualTo(ScoringMode.NETSIM);
        assertThat(seenConfig.get().termination()).isEqualTo(Termination.ALL_STARTED);
        // Two reads scored as two flows each.
        assertThat(out.toString()).contains("scoring: netsim").containsPattern("  read +4 +0 ");
    }

    @Test
    void shouldGenerateAWorkloadAndWriteItAsATrace() throws IOException
    {
        final Path cdf = dir.resolve("cdf.txt");
        Files.writeString(cdf, FlowSizeCdfTest.HADOOP);
        final Path traceOut = dir.resolve("generated.csv");

        assertThat(run("--generate", "--cdf", cdf.toString(), "--load", "0.4", "--write-ratio", "0.5", "--hosts",
            "16", "--flows", "300", "--seed", "7", "--trace-out", traceOut.toString())).isZero();

        assertThat(seenConfig.get().hosts()).isEqualTo(16);
        assertThat(seenConfig.get().generator().flows()).isEqualTo(300);
        assertThat(seenFlows.get().size()).isEqualTo(300);
        assertThat(TraceReader.read(traceOut).sameRowsAs(seenFlows.get())).isTrue();
        assertThat(out.toString()).contains("cdf").contains("flowsInTrace           300");
    }

    @Test
    void shouldReportABadTraceLineAndExitWithOne() throws IOException
    {
        Files.writeString(trace, TRACE + "4,3,9,9,64,-1,30\n");

        assertThat(run("--trace", trace.toString())).isEqualTo(1);

        assertThat(err.toString()).isEqualTo("edm sim: " + trace + ":5: src and dst are both 9: a flow needs two " +
            "different hosts" + System.lineSeparator());
        assertThat(seenConfig.get()).isNull();
    }

    @Test
    void shouldReportAMissingFileAndExitWithOne()
    {
        final Path missing = dir.resolve("missing.csv");

        assertThat(run("--trace", missing.toString())).isEqualTo(1);

        assertThat(err.toString()).contains(missing + ": no such file");
    }

    @Test
    void shouldRejectInvalidOptionsAsUsageErrorsNamingTheOption()
    {
        assertThat(run("--trace", trace.toString(), "--chunk-bytes", "4")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("edm sim: --chunk-bytes=4 is out of range [8, 1048576]" +
            System.lineSeparator() + "Try 'edm sim --help' for the options and their ranges." + System.lineSeparator());
    }

    @Test
    void shouldLeaveValuesOfTheWrongKindToPicocli()
    {
        assertThat(run("--trace", trace.toString(), "--load", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("Invalid value for option '--load'");
    }

    @Test
    void shouldRejectAnOptionThatContradictsThePreset()
    {
        assertThat(run("--trace", trace.toString(), "--netsim-compat", "--speed", "25G")).isEqualTo(2);
        assertThat(err.toString()).contains("--speed=25G contradicts --netsim-compat, which sets --speed=100G");
        assertThat(seenConfig.get()).isNull();
    }

    @Test
    void shouldRejectAHostCountBelowTheTracesHosts()
    {
        assertThat(run("--trace", trace.toString(), "--hosts", "4")).isEqualTo(2);
        assertThat(err.toString()).contains("--hosts=4 is too small: the flows use host 7");
    }

    @Test
    void shouldRequireAWorkload()
    {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("give --trace FILE, or --generate with its options");
    }

    @Test
    void shouldExitWithThreeWhenTheSafetyLimitStopsTheRun()
    {
        runner = (config, flows, recorder, progress) ->
        {
            Timelines.recordWrite(recorder, 0, 0);
            return new SimResult(config.maxSlots(), StopReason.MAX_SLOTS, 1, Map.of());
        };

        assertThat(run("--trace", trace.toString(), "--max-slots", "100")).isEqualTo(SimCommand.EXIT_MAX_SLOTS);

        assertThat(err.toString()).contains("stopped at --max-slots=100 before completion");
        assertThat(out.toString()).containsPattern("  all +1 +3 ");
    }

    @Test
    void shouldShowProgressOnlyWhenAsked()
    {
        assertThat(run("--trace", trace.toString(), "--progress")).isZero();
        assertThat(seenConfig.get().progress()).isTrue();
        assertThat(err.toString()).contains("edm sim: 100.0% of flows done (6/6)");

        err.getBuffer().setLength(0);
        assertThat(run("--trace", trace.toString(), "--no-progress")).isZero();
        assertThat(seenConfig.get().progress()).isFalse();
        assertThat(err.toString()).isEmpty();
    }
}
