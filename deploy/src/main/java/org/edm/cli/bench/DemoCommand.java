package org.edm.cli.bench;

import org.edm.agent.PortConfiguration;
import org.edm.agent.config.Configuration;
import org.edm.bench.baseline.StandardBaselines;
import org.edm.bench.harness.LatencySummary;
import org.edm.bench.harness.RunResult;
import org.edm.bench.report.BenchReport;
import org.edm.bench.report.ReportFiles;
import org.edm.bench.report.ReportHeader;
import org.edm.bench.report.ThroughputUnit;
import org.edm.bench.run.BaselineRegistry;
import org.edm.bench.run.BenchDefaults;
import org.edm.bench.run.BenchListener;
import org.edm.bench.run.BenchPlan;
import org.edm.bench.run.BenchRunner;
import org.edm.bench.run.BenchTest;
import org.edm.bench.run.LoadSpec;
import org.edm.bench.run.RackChoice;
import org.edm.cli.agents.ConfigKeys;
import org.edm.switchagent.AgentLimits;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code edm demo}: the one-command tour. Brings up a local rack (network namespaces as root, in-memory cables
 * otherwise, and says which), measures read and write latency and bandwidth of EDM and of the software RoCEv2
 * baseline on it, prints the side-by-side table and where the report is, and takes the rack down again, on Ctrl-C
 * too.
 * <pre>
 *   1 rack       DemoRack.open: namespaces (root) or in-memory cables
 *   2 latency    read_lat, write_lat  64 B        edm, roce   closed loop, one in flight
 *   3 bandwidth  read_bw, write_bw    4 KiB       edm, roce   -t 32
 *   4 report     side-by-side table; report.txt/.json/.html and .hgrm files in --report DIR
 *   5 teardown   the rack it brought up (a shutdown hook does it on Ctrl-C)
 * </pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "The tour: bring up a local rack (network namespaces as root, in-memory cables otherwise), measure read and " +
            "write latency and bandwidth of EDM and of the software RoCEv2 baseline on it, print the side-by-side " +
            "table and the report's path, and take the rack down (on Ctrl-C too). About a minute.",
        "For more, see 'edm bench --help'." })
public final class DemoCommand implements Callable<Integer>
{
    static final String NAME = "edm demo";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in-memory", description = "In-memory cables even as root (no namespaces).")
    boolean inMemory;

    @Option(names = "--report", paramLabel = "DIR", defaultValue = "edm-demo-report",
        description = "Where the report goes (default: ${DEFAULT-VALUE} in the current directory).")
    Path reportDirectory;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5000",
        description = "Latency operations measured per test (default ${DEFAULT-VALUE}).")
    long iterations;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
        description = "Bandwidth measurement per test, in seconds (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--line-rate", paramLabel = "GBPS", defaultValue = "10",
        description = "Emulated line rate of every port (default ${DEFAULT-VALUE} Gb/s).")
    String lineRate;

    @Option(names = "--no-progress", description = "No progress bar or progress lines.")
    boolean noProgress;

    /** Tests give their namespace rack a name of their own. */
    @Option(names = "--rack-name", hidden = true, defaultValue = DemoRack.RACK_NAME)
    String rackName;

    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (iterations < 1 || seconds <= 0)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                iterations < 1 ? "--iterations=" + iterations + " must be at least 1" :
                    "--seconds=" + seconds + " must be positive");
        }
        final Configuration config = BenchDefaults.apply(new Configuration(ConfigKeys.ALL), NAME);
        config.flag(FabricConfiguration.LINE_RATE_GBPS, lineRate, "--line-rate");
        config.check(ConfigKeys.ALL);
        final FabricSettings settings = FabricConfiguration.settings(config);
        final FabricOptions options = FabricOptions.defaults().withLimits(AgentLimits.of(config))
            .withPorts(PortConfiguration.options(config));

        out.println(NAME + ": EDM against software RoCEv2 on one emulated fabric, " +
            FabricConfiguration.rate(settings.lineRateGbps()) + " Gb/s per port");
        try (DemoRack rack = DemoRack.open(rackName, inMemory, line -> out.println(NAME + ": " + line)))
        {
            out.flush();
            final List<BenchPlan> plans = plans(rack.choice(), settings, options);
            final ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), !noProgress, NAME + ": ");
            final List<RunResult> results = new ArrayList<>();
            final BaselineRegistry registry = StandardBaselines.registry();
            for (int i = 0; i < plans.size(); i++)
            {
                results.addAll(new BenchRunner(registry).run(plans.get(i), listener(out, err, bar, i, plans.size())));
            }
            bar.clear();
            if (results.isEmpty())
            {
                err.println(NAME + ": nothing ran");
                return 1;
            }
            final BenchReport report = new BenchReport(results, ReportHeader.current(), ThroughputUnit.MB_PER_SEC);
            out.println();
            out.print(report.table());
            out.println();
            final ReportFiles files = report.writeAll(reportDirectory);
            out.println(NAME + ": report: " + files.html().toAbsolutePath() + " (and report.txt, report.json, " +
                files.histograms().size() + " .hgrm files beside it)");
            out.println(NAME + ": " + reading(settings.lineRateGbps()));
            out.println(NAME + ": measure more with 'edm bench' (perftest's flags; --baseline edm,roce,raw,udp; " +
                "--load incast=8,bulk-writes)");
            out.flush();
            return results.stream().anyMatch(r -> r.measured().errors() > 0) ? 3 : 0;
        }
        catch (final IOException e)
        {
            throw new IllegalArgumentException("--report: cannot write into " + reportDirectory + ": " +
                e.getMessage(), e);
        }
    }

    /** The four tests, each of EDM and RoCE. */
    private List<BenchPlan> plans(final RackChoice rack, final FabricSettings settings, final FabricOptions options)
    {
        final List<BenchPlan> plans = new ArrayList<>();
        final List<String> baselines = List.of("edm", "roce");
        for (final BenchTest test : List.of(BenchTest.READ_LAT, BenchTest.WRITE_LAT, BenchTest.READ_BW,
            BenchTest.WRITE_BW))
        {
            final boolean latency = test.isLatency();
            final int depth = latency ? 1 : 32;
            final long count = latency ? iterations : 1;
            final BenchPlan plan = new BenchPlan(test, List.of(latency ? 64 : 4096), false, count,
                latency ? 0 : seconds, BenchPlan.defaultWarmup(latency ? iterations : 1000, depth), 1, depth, 0,
                LoadSpec.unloaded(), baselines, rack, settings, options, 1, 600);
            BenchRunner.validate(plan);
            plans.add(plan);
        }
        return plans;
    }

    /**
     * How to read the figures: above about 1 Gb/s per port the emulation's CPU time, not the emulated links, sets them
     * (EDM does work per 66-bit block, RoCE per frame), so a user should not take them for the fabrics' own.
     */
    static String reading(final double lineRateGbps)
    {
        if (lineRateGbps >= 1)
        {
            return "at " + FabricConfiguration.rate(lineRateGbps) + " Gb/s the emulation's CPU time, not the links, " +
                "limits both systems here (EDM works per 66-bit block, RoCE per frame); 'edm demo --line-rate 0.1' " +
                "lets the links set the pace (BENCHMARKS.md compares both regimes)";
        }
        return "at " + FabricConfiguration.rate(lineRateGbps) + " Gb/s the emulated links, not the CPU, set the pace: " +
            "wire bytes and queueing decide these figures";
    }

    /** One line per result, as the runs finish. */
    private static BenchListener listener(
        final PrintWriter out, final PrintWriter err, final ProgressBar bar, final int plan, final int plans)
    {
        return new BenchListener()
        {
            public void baselineSkipped(final String baseline, final String reason)
            {
                bar.clear();
                err.println(NAME + ": " + baseline + " skipped: " + reason);
                err.flush();
            }

            public void result(final RunResult result)
            {
                bar.clear();
                final LatencySummary latency = result.measured().latency();
                out.println(String.format(Locale.ROOT,
                    "%s: %-5s %-9s %5d B  median %8.2f us  p99 %8.2f us  %9.2f MB/sec  %7.3f Mops/s%s", NAME,
                    result.baseline(), result.test(), result.size(), latency.medianMicros(), latency.p99Micros(),
                    result.measured().megabytesPerSecond(), result.measured().megaOpsPerSecond(),
                    result.measured().errors() > 0 ? "  " + result.measured().errors() + " errors" : ""));
                out.flush();
            }

            public void note(final String line)
            {
            }

            public void progress(final double fraction, final long elapsedNanos, final String what)
            {
                bar.update((plan + fraction) / plans, elapsedNanos, what);
            }
        };
    }
}
