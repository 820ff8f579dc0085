package org.edm.cli.bench;

import org.edm.agent.PortConfiguration;
import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.bench.baseline.PerftestTarget;
import org.edm.bench.baseline.StandardBaselines;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.HgrmFile;
import org.edm.bench.perftest.PerftestJson;
import org.edm.bench.report.BenchReport;
import org.edm.bench.report.ReportFiles;
import org.edm.bench.report.ReportHeader;
import org.edm.bench.report.ThroughputUnit;
import org.edm.bench.run.BaselineRegistry;
import org.edm.bench.run.BenchDefaults;
import org.edm.bench.run.BenchPlan;
import org.edm.bench.run.BenchRunner;
import org.edm.bench.run.BenchTest;
import org.edm.bench.run.LoadSpec;
import org.edm.bench.run.RackChoice;
import org.edm.cli.agents.ConfigKeys;
import org.edm.cli.agents.PrintConfig;
import org.edm.cli.agents.RackOption;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.edm.switchagent.AgentLimits;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One test of {@code edm bench} ({@code read_lat}, {@code write_lat}, {@code read_bw}, {@code write_bw}): perftest's
 * options where they apply, plus the rack, the baselines, the load, open-loop rate and output files. This class only
 * turns options into a {@link BenchPlan}, runs it with {@link BenchRunner} and writes the outputs; the bench itself
 * lives in the benchmarks module. Exit codes: 0 done, 3 some measured operations failed, 1 could not run, 2 bad
 * options.
 */
public abstract class BenchTestCommand implements Callable<Integer>
{
    /** Exit code when measured operations ended with an error status. */
    public static final int FAILED = 3;
    /** The JSON file {@code --out_json} writes when {@code --out_json_file} names none. */
    public static final String DEFAULT_JSON_FILE = "bench_out.json";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = { "-s", "--size" }, paramLabel = "BYTES",
        description = "Message size in bytes, k and m suffixes allowed (default: 2 for latency tests, 65536 for " +
            "bandwidth tests).")
    String size;

    @Option(names = { "-a", "--all" },
        description = "Every size from 2 to 2^23 bytes (sizes the rack cannot carry are skipped, and said so).")
    boolean all;

    @Option(names = { "-n", "--iters" }, paramLabel = "N",
        description = "Measured operations per client (default: 1000 for latency tests, 5000 for bandwidth tests).")
    Long iterations;

    @Option(names = { "-D", "--duration" }, paramLabel = "SECONDS",
        description = "Measure for this many seconds instead of counting iterations.")
    Double duration;

    @Option(names = { "-t", "--tx-depth" }, paramLabel = "N",
        description = "Operations in flight per client: bandwidth tests (default 128) and --rate (default 128); " +
            "closed-loop latency tests keep one.")
    Integer txDepth;

    @Option(names = "--rate", paramLabel = "OPS",
        description = "Open loop: each client sends OPS operations per second on a fixed schedule (several " +
            "clients staggered over one interval), and latency counts from each operation's intended send time (a " +
            "stall delays every operation behind it: no coordinated omission). Default: closed loop.")
    Double rate;

    @Option(names = "--warmup", paramLabel = "N",
        description = "Operations per client before measuring, not recorded (default: a tenth of the iterations, " +
            "at least 16 and twice the depth, at most 1000).")
    Integer warmup;

    @Option(names = "--warmup-seconds", paramLabel = "S",
        description = "Warm up for at least S seconds too, so the JIT has compiled the data path (default 1; 0: " +
            "count only).")
    Double warmupSeconds;

    @Option(names = "--perform_warm_up",
        description = "Accepted for perftest's scripts: warm-up always runs (see --warmup).")
    boolean performWarmUp;

    @Option(names = { "-F", "--CPU-freq" }, description = "Accepted for perftest's scripts (no cpufreq check here).")
    boolean cpuFreq;

    @Option(names = "--report_gbits", description = "Bandwidth in Gb/sec instead of MB/sec (2^20 bytes).")
    boolean gbits;

    @Option(names = "--out_json", description = "Also write the results as JSON (perftest's keys plus ours) to " +
        "--out_json_file, by default " + DEFAULT_JSON_FILE + ".")
    boolean outJson;

    @Option(names = "--out_json_file", paramLabel = "FILE", description = "The JSON file (implies --out_json).")
    Path outJsonFile;

    @Option(names = "--hgrm", paramLabel = "FILE",
        description = "Write the measured latency distribution in HdrHistogram's .hgrm format (microseconds); " +
            "with several sizes or baselines, one file each, named FILE-<baseline>-<size>.")
    Path hgrm;

    @Option(names = "--report", paramLabel = "DIR",
        description = "Also write the side-by-side report of every run into DIR: report.txt (the table), " +
            "report.json, report.html (latency CDFs, latency versus load) and a .hgrm file per class.")
    Path reportDirectory;

    @Option(names = "--baseline", paramLabel = "LIST", defaultValue = "edm",
        description = "What to measure, comma-separated: edm (default), roce, raw (raw-frame ping-pong floor " +
            "through the same switch), udp, perftest. Baselines that cannot run here are skipped with the reason.")
    String baselines;

    @Option(names = "--load", paramLabel = "LIST",
        description = "Traffic around the measured operations, comma-separated: incast=N (N clients against one " +
            "memory node), bulk-writes[=M] (M hosts writing to it, default 2), frames[=SHARE] (ordinary frames on " +
            "the measured links, SHARE of the line rate, default 0.5). Latency is reported per class of traffic.")
    String load;

    @Option(names = "--read-ratio", paramLabel = "R",
        description = "Mix reads and writes: the share R (0..1) of the clients' operations that are reads.")
    Double readRatio;

    @Option(names = "--bulk-size", paramLabel = "BYTES", defaultValue = "64k",
        description = "Size of the background writes (default ${DEFAULT-VALUE}).")
    String bulkSize;

    @Option(names = "--bulk-depth", paramLabel = "N", defaultValue = "4",
        description = "Background writes in flight per writer (default ${DEFAULT-VALUE}).")
    int bulkDepth;

    @Option(names = "--frame-size", paramLabel = "BYTES", defaultValue = "1514",
        description = "Length of the background frames, 60..1514 (default ${DEFAULT-VALUE}).")
    int frameSize;

    @Option(names = { "-d", "--ib-dev" }, paramLabel = "DEVICE",
        description = "With --baseline perftest: the RDMA device (perftest's -d; default its first).")
    String ibDevice;

    @Option(names = { "-x", "--gid-index" }, paramLabel = "N", defaultValue = "-1",
        description = "With --baseline perftest: the GID index (perftest's -x; RoCE needs the interface address's).")
    int gidIndex;

    @Option(names = "--perftest-server", paramLabel = "HOST",
        description = "With --baseline perftest: a host running the matching perftest server (e.g. 'ib_read_lat -d " +
            "mlx5_0'); default: both sides here over loopback.")
    String perftestServer;

    @Option(names = { "-p", "--port" }, paramLabel = "PORT", defaultValue = "18515",
        description = "With --baseline perftest: perftest's control TCP port (default ${DEFAULT-VALUE}).")
    int perftestPort;

    @Option(names = "--rack", paramLabel = "FILE",
        description = "Rack description file: a local rack made by 'edm rack up' (its AF_PACKET ports in its " +
            "namespaces; root) or a lab rack (with --host). Default: an in-memory rack in this process with the " +
            "hosts the load needs.")
    Path rackFile;

    @Option(names = "--in-memory", description = "Embed a copy of the --rack file's rack over in-memory cables.")
    boolean inMemory;

    @Option(names = "--host", paramLabel = "NAME",
        description = "Run only this compute host of the rack, against its switch and memory-node daemons.")
    String host;

    @Option(names = "--server", paramLabel = "NAME",
        description = "The memory node to target (default: the rack's last host that serves memory).")
    String server;

    @Option(names = "--line-rate", paramLabel = "GBPS",
        description = "Emulated PHY line rate of every port in Gb/s (edm.fabric.line.rate.gbps, default 10).")
    String lineRate;

    @Option(names = "--framing", paramLabel = "F", description = "wire-7 or wire-8 (edm.fabric.framing).")
    String framing;

    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (.properties, .yaml or .yml) with edm.* keys.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
        description = "Set a configuration key (repeatable), e.g. --set edm.memory.region.bytes=256m.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--print-config", description = "Print the configuration the run would use, and exit.")
    boolean printConfig;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the read/write mix (default: from the clock).")
    Long seed;

    @Option(names = "--max-seconds", paramLabel = "S", defaultValue = "600",
        description = "Stop with an error when a warm-up, measurement or drain takes longer (default ${DEFAULT-VALUE}).")
    double maxSeconds;

    @Option(names = "--no-progress", description = "No progress bar or progress lines.")
    boolean noProgress;

    /** The test this command runs. */
    protected abstract BenchTest test();

    public Integer call()
    {
        final String name = "edm bench " + test().label();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final Configuration config = configuration(name);
        if (printConfig)
        {
            PrintConfig.print(name, config, ConfigKeys.ALL, out);
            return 0;
        }
        config.check(ConfigKeys.ALL);
        final FabricSettings fabric = FabricConfiguration.settings(config);
        final FabricOptions options = FabricOptions.defaults().withLimits(AgentLimits.of(config))
            .withPorts(PortConfiguration.options(config));
        final BaselineRegistry registry = StandardBaselines.registry(new PerftestTarget(ibDevice, gidIndex,
            perftestServer, perftestPort));
        final BenchPlan plan = plan(fabric, options, registry, rackChoice());
        final ProgressBar bar = new ProgressBar(err, ProgressBar.stderrIsTerminal(), !noProgress, name + ": ");
        final BenchPrinter printer = new BenchPrinter(out, err, bar, test(), plan.durationMode(), gbits, name + ": ");
        final List<RunResult> results = new BenchRunner(registry).run(plan, printer);
        bar.clear();
        if (results.isEmpty())
        {
            err.println(name + ": nothing ran: no baseline of " + plan.baselines() + " can run here");
            return 1;
        }
        writeOutputs(results, err, name);
        return printer.failedOperations() > 0 ? FAILED : 0;
    }

    private Configuration configuration(final String name)
    {
        final Configuration config = BenchDefaults.apply(new Configuration(ConfigKeys.ALL), name);
        if (configFile != null)
        {
            config.file(configFile);
        }
        settings.forEach((key, value) -> config.flag(key, value, "--set"));
        if (lineRate != null)
        {
            config.flag(FabricConfiguration.LINE_RATE_GBPS, lineRate, "--line-rate");
        }
        if (framing != null)
        {
            config.flag(FabricConfiguration.FRAMING, framing, "--framing");
        }
        return config;
    }

    private BenchPlan plan(
        final FabricSettings fabric, final FabricOptions options, final BaselineRegistry registry,
        final RackChoice rack)
    {
        final BenchTest test = test();
        try
        {
            if (all && size != null)
            {
                throw new IllegalArgumentException("-a/--all runs every size; it cannot be combined with -s/--size");
            }
            if (duration != null && iterations != null)
            {
                throw new IllegalArgumentException("-n/--iters and -D/--duration: choose one");
            }
            final List<Integer> sizes = all ? BenchPlan.sweepSizes() : List.of(size == null ? test.defaultSize() :
                (int)(long)ConfigKey.size("--size", "2", 1, BenchPlan.MAX_MESSAGE, "message size").parse(size));
            final boolean openLoop = rate != null && rate > 0;
            final int depth;
            if (test.isLatency() && !openLoop)
            {
                if (txDepth != null && txDepth != 1)
                {
                    throw new IllegalArgumentException("-t/--tx-depth=" + txDepth + ": closed-loop latency tests " +
                        "keep one operation in flight; use a bandwidth test, or --rate for an open loop");
                }
                depth = 1;
            }
            else
            {
                depth = txDepth != null ? txDepth : BenchTest.BANDWIDTH_TX_DEPTH;
            }
            final long iters = iterations != null ? iterations : test.defaultIterations();
            LoadSpec loadSpec = LoadSpec.parse(load)
                .withBulk((int)(long)ConfigKey.size("--bulk-size", "64k", 1, BenchPlan.MAX_MESSAGE, "bulk write size")
                    .parse(bulkSize), bulkDepth)
                .withFrameSize(frameSize);
            if (readRatio != null)
            {
                loadSpec = loadSpec.withReadRatio(readRatio);
            }
            final BenchPlan plan = new BenchPlan(test, sizes, all, iters, duration == null ? 0 : duration,
                warmup != null ? warmup : BenchPlan.defaultWarmup(iters, depth),
                warmupSeconds != null ? warmupSeconds : BenchPlan.DEFAULT_WARMUP_SECONDS, depth, openLoop ? rate : 0, loadSpec,
                registry.parse(baselines), rack, fabric, options, seed != null ? seed : System.nanoTime(), maxSeconds);
            BenchRunner.validate(plan);
            return plan;
        }
        catch (final IllegalArgumentException e)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private RackChoice rackChoice()
    {
        if (rackFile == null)
        {
            if (host != null || server != null)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), (host != null ? "--host" : "--server") +
                    " names a host of a rack file: it needs --rack FILE (without --rack the bench builds its own " +
                    "in-memory rack)");
            }
            return RackChoice.generated();
        }
        final RackDescription rack = RackFile.read(rackFile);
        if (host != null)
        {
            if (inMemory)
            {
                throw new CommandLine.ParameterException(spec.commandLine(), "--host runs one compute host against " +
                    "the rack's daemons; it cannot be combined with --in-memory");
            }
            RackOption.requireUp(rack, rackFile);
            requireRawSockets(rack, "--host " + host + "'s AF_PACKET port");
            return new RackChoice(rack, rackFile.toString(), false, host, server);
        }
        if (rack.kind() == RackDescription.Kind.LAB && !inMemory)
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "' (" + rackFile + ") is a lab rack: name " +
                "the compute host this process runs with --host NAME (the switch and memory nodes run 'edm switch' " +
                "and 'edm host'), or add --in-memory to embed a copy of the rack here");
        }
        if (!inMemory)
        {
            RackOption.requireUp(rack, rackFile);
            requireRawSockets(rack, "its AF_PACKET ports in the rack's namespaces");
        }
        return new RackChoice(rack, rackFile.toString(), inMemory, null, server);
    }

    private static void requireRawSockets(final RackDescription rack, final String what)
    {
        final boolean namespaces = rack.kind() == RackDescription.Kind.LOCAL;
        if (!Capabilities.has(Capabilities.CAP_NET_RAW) ||
            (namespaces && !Capabilities.has(Capabilities.CAP_SYS_ADMIN)))
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "': " + what + " need root (CAP_NET_RAW" +
                (namespaces ? ", and CAP_SYS_ADMIN to enter the namespaces" : "") + "); run as root, or add " +
                "--in-memory to embed a copy of the rack over in-memory cables");
        }
    }

    private void writeOutputs(final List<RunResult> results, final PrintWriter err, final String name)
    {
        if (outJson || outJsonFile != null)
        {
            final Path file = outJsonFile != null ? outJsonFile : Path.of(DEFAULT_JSON_FILE);
            try
            {
                Files.writeString(file, PerftestJson.of(results, gbits));
            }
            catch (final IOException e)
            {
                throw new IllegalArgumentException("--out_json_file: cannot write " + file + ": " + e.getMessage(), e);
            }
            err.println(name + ": JSON written to " + file);
        }
        if (reportDirectory != null)
        {
            final BenchReport report = new BenchReport(results, ReportHeader.current(),
                gbits ? ThroughputUnit.GB_PER_SEC : ThroughputUnit.MB_PER_SEC);
            try
            {
                final ReportFiles files = report.writeAll(reportDirectory);
                err.println(name + ": report written to " + files.html() + " (with " + files.text().getFileName() +
                    ", " + files.json().getFileName() + " and " + files.histograms().size() + " .hgrm files)");
            }
            catch (final IOException e)
            {
                throw new IllegalArgumentException("--report: cannot write into " + reportDirectory + ": " +
                    e.getMessage(), e);
            }
        }
        if (hgrm != null)
        {
            for (final RunResult result : results)
            {
                final Path file = HgrmFile.fileFor(hgrm, result.baseline() + "-" + result.size(), results.size() > 1);
                HgrmFile.write(file, result.measured().latencyNanos());
                err.println(name + ": latency distribution (" + result.baseline() + ", " + result.size() + " B) " +
                    "written to " + file);
            }
        }
        err.flush();
    }
}
