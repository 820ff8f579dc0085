package org.edm.sim;

import org.edm.phy.timing.LinkSpeed;
import org.edm.phy.host.HostOrder;
import org.edm.phy.sched.MatcherKind;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/**
 * {@code edm sim}: runs the slot-accurate rack simulator on a reference trace or on a generated workload and reports
 * per-type latency and slowdown. This class owns the command line, the input (trace or generator), the outputs
 * (summary text on stdout, {@code --summary-json}, {@code --flows-out}, {@code --trace-out}) and the progress line;
 * the simulation itself is the {@link SimulationRunner} given to the constructor.
 * <p>
 * Exit codes: 0 done; 1 an input file could not be used (message names the file and line) or an output could not be
 * written; 2 invalid options (one line naming the option and the allowed values, or picocli's message for a value
 * of the wrong kind); 3 the run hit {@code --max-slots} before its termination condition (the outputs are still
 * written, with the unfinished flows counted as incomplete).
 */
@Command(
    name = "sim",
    sortOptions = false,
    usageHelpAutoWidth = true,
    headerHeading = "%n",
    header = "Simulate a rack of EDM hosts and its switch, slot by slot, on a trace or a generated workload.",
    synopsisHeading = "%nUsage: ",
    customSynopsis = {
        "edm sim --trace FILE [--netsim-compat] [--flows-out FILE.csv]",
        "               [--summary-json FILE] [OPTIONS]",
        "   or: edm sim --generate --cdf FILE --load L --write-ratio W --hosts N",
        "               --flows F [--seed S] [--short] [--trace-out FILE] [OPTIONS]"
    },
    descriptionHeading = "%n",
    description = {
        "Reads a trace in the reference simulator's format (flow_id,type,src,dst,size_bytes,rreq_bytes,start_slot; " +
            "type 1 read, 3 write, 100 network) or generates one as the reference generator does (Poisson " +
            "arrivals per host pair, sizes from a CDF file in MSS of 1460 B), runs the simulation and prints the " +
            "mean, p50, p99 and p99.9 of latency (slots and ns) and slowdown per message type (read, write, " +
            "network, all). Percentiles are nearest-rank.",
        "",
        "Scoring: by default a read is scored end to end, from the RREQ's issue until the last response byte is " +
            "delivered. With --netsim-compat it is scored as the reference does: as two flows, the RREQ until its " +
            "GRANT reaches the memory node and the response from its creation until delivery; averages cover " +
            "completed flows only. Slowdown = max(1, latency / ideal FCT), with the reference's ideal-FCT formulas."
    },
    optionListHeading = "%nOptions:%n",
    footerHeading = "%n",
    footer = {
        "--netsim-compat selects the preset that reproduces the reference netsim: 100G, propagation 10 ns " +
            "(16 slots), chunk 256 B, release 256 B, netsim framing (8-byte blocks, header counted as data), host " +
            "order netsim, greedy matcher, 1 chunk per message, network switch delay 500 ns, stop when every flow " +
            "has started, netsim scoring. Any option given together with it must agree with the preset.",
        "",
        "Exit codes: 0 done; 1 unusable input or output file; 2 invalid options; 3 stopped by --max-slots (the " +
            "outputs are written, unfinished flows counted as incomplete)."
    })
public final class SimCommand implements Callable<Integer>
{
    /** Exit code when the run hit {@code --max-slots}. */
    public static final int EXIT_MAX_SLOTS = 3;
    /** Exit code when an input or output file could not be used. */
    public static final int EXIT_FILE_ERROR = 1;
    /** Exit code of invalid options. */
    public static final int EXIT_USAGE = 2;

    private final SimulationRunner runner;
    private final BooleanSupplier terminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    // -- workload -----------------------------------------------------------------------------------------------------

    @Option(names = "--trace", paramLabel = "FILE",
        description = "Trace CSV to simulate (reference format, no header; blank lines and # comments skipped; " +
            "rows are sorted by start slot, stably).")
    Path trace;

    @Option(names = "--generate",
        description = "Generate the workload instead of reading a trace (needs --cdf, --load, --write-ratio, " +
            "--hosts, --flows).")
    boolean generate;

    @Option(names = "--cdf", paramLabel = "FILE",
        description = "With --generate: flow-size CDF in the reference's format (value in MSS, ignored column, " +
            "cumulative probability; sizes interpolated linearly, rounded to whole MSS of 1460 B).")
    Path cdf;

    @Option(names = "--load", paramLabel = "L",
        description = "With --generate: offered load per host uplink, counting 1500 B per 1460 B MSS as the " +
            "reference does; range (0, " + (int)WorkloadSpec.MAX_LOAD + "].")
    Double load;

    @Option(names = "--write-ratio", paramLabel = "W",
        description = "With --generate: a flow is a write when randint(0,10) < W * 10.01, else a read " +
            "(0.5 gives 6/11 writes); range [0, 1].")
    Double writeRatio;

    @Option(names = "--hosts", paramLabel = "N",
        description = "Hosts in the rack (ids 0..N-1). Required with --generate; with --trace the default is the " +
            "largest host id in the trace + 1. Range [2, 1024] with --netsim-compat (its block format), " +
            "[2, " + WorkloadSpec.MAX_HOSTS + "] with --generate.")
    Integer hosts;

    @Option(names = "--flows", paramLabel = "F",
        description = "With --generate: number of flows; range [1, " + WorkloadSpec.MAX_FLOWS + "].")
    Integer flows;

    @Option(names = "--bandwidth-gbps", paramLabel = "G",
        description = "With --generate: link rate in the arrival-rate formula. Default: the --speed rate.")
    Double bandwidthGbps;

    @Option(names = "--short",
        description = "With --generate: rewrite sizes to 64 B as the reference's preprocess.py -short does " +
            "(writes 64 B, reads 16 B requesting 64 B).")
    boolean shortFlows;

    @Option(names = "--trace-out", paramLabel = "FILE",
        description = "With --generate: also write the generated flows as a trace CSV, to repeat the run with " +
            "--trace.")
    Path traceOut;

    // -- outputs ------------------------------------------------------------------------------------------------------

    @Option(names = "--flows-out", paramLabel = "FILE.csv",
        description = "Write one line per completed flow in the reference's format: FlowID,FlowType,Src,Dst," +
            "FlowSize,Create,NotifTime,GrantTime,Start,Finish,FCT,Slowdown (read responses are type 2).")
    Path flowsOut;

    @Option(names = "--summary-json", paramLabel = "FILE",
        description = "Also write the summary as JSON.")
    Path summaryJson;

    // -- model --------------------------------------------------------------------------------------------------------

    @Option(names = "--netsim-compat",
        description = "Use the netsim-compatible preset (see below).")
    boolean netsimCompat;

    @Option(names = "--speed", paramLabel = "25G|100G",
        description = "Link speed; sets the slot length (0.64 ns at 100G, 2.56 ns at 25G). Default: 100G.")
    String speed;

    @Option(names = "--propagation-ns", paramLabel = "NS",
        description = "Propagation per hop, rounded to whole slots. Default: 10 (16 slots at 100G); " +
            "range [0, 1000000].")
    Double propagationNanos;

    @Option(names = "--chunk-bytes", paramLabel = "BYTES",
        description = "Bytes one GRANT allows (grant quantum). Default: " + SimConfig.DEFAULT_CHUNK_BYTES +
            "; range [" + SimConfig.MIN_CHUNK_BYTES + ", " + SimConfig.MAX_CHUNK_BYTES + "].")
    Integer chunkBytes;

    @Option(names = "--release-bytes", paramLabel = "BYTES",
        description = "The switch frees a receiver for a new circuit when at most this many granted bytes toward " +
            "it are still in flight. Default: one bandwidth-delay product of a link, 2 x link slots x block bytes " +
            "(1120 at 100G, 280 at 25G with 7-byte blocks; " + SimConfig.DEFAULT_RELEASE_BYTES +
            " with --netsim-compat); range [0, " + SimConfig.MAX_CHUNK_BYTES + "].")
    Integer releaseBytes;

    @Option(names = "--block-bytes", paramLabel = "7|8",
        description = "Data bytes per 66-bit block: 7 (hardware) or 8. Default: " + SimConfig.DEFAULT_BLOCK_BYTES +
            " (--netsim-compat: 8 with the netsim framing).")
    Integer blockBytes;

    @Option(names = "--host-order", paramLabel = "netsim|rtl",
        description = "Host transmit priority: netsim (RREQ first, then others by fewest remaining bytes) or rtl " +
            "(responses above requests). Default: netsim.")
    String hostOrder;

    @Option(names = "--matcher", paramLabel = "greedy|pim|islip",
        description = "Switch scheduler: greedy (the reference's sequential shortest-remaining-first matching), " +
            "pim (k-iteration priority PIM) or islip. Default: greedy.")
    String matcher;

    @Option(names = "--pim-iterations", paramLabel = "K",
        description = "Iterations per slot of pim and islip. Default: " + SimConfig.DEFAULT_PIM_ITERATIONS +
            "; range [1, " + SimConfig.MAX_PIM_ITERATIONS + "].")
    Integer pimIterations;

    @Option(names = "--max-chunks-per-message", paramLabel = "N",
        description = "Granted chunks one message may have outstanding; 1 as the reference (about half the line " +
            "rate for a lone long message), 2 or more restores line rate. Default: " +
            SimConfig.DEFAULT_MAX_CHUNKS_PER_MESSAGE + "; range [1, " + SimConfig.MAX_CHUNKS_PER_MESSAGE + "].")
    Integer maxChunksPerMessage;

    @Option(names = "--net-switch-delay-ns", paramLabel = "NS",
        description = "L2 latency of the switch for network (type 100) frames: a frame received whole starts " +
            "leaving no sooner than this; memory blocks have none. Default: 500 (781 slots at 100G); " +
            "range [0, 1000000].")
    Double netSwitchDelayNanos;

    // -- run ----------------------------------------------------------------------------------------------------------

    @Option(names = "--seed", paramLabel = "S",
        description = "Seed of the workload generator and of randomised matchers. Default: " +
            SimConfig.DEFAULT_SEED + ".")
    Long seed;

    @Option(names = "--max-slots", paramLabel = "N",
        description = "Safety limit on simulated slots. Default: " + SimConfig.DEFAULT_MAX_SLOTS + ".")
    Long maxSlots;

    @Option(names = "--progress", negatable = true,
        description = "Show a progress line on stderr. Default: on when the console is a terminal.")
    Boolean progress;

    /**
     * @param runner the simulator core.
     */
    public SimCommand(final SimulationRunner runner)
    {
        this(runner, SimCommand::isTerminal);
    }

    /**
     * @param runner   the simulator core.
     * @param terminal whether the console is a terminal (decides the progress line's default).
     */
    public SimCommand(final SimulationRunner runner, final BooleanSupplier terminal)
    {
        this.runner = runner;
        this.terminal = terminal;
    }

    public Integer call()
    {
        final PrintWriter err = spec.commandLine().getErr();
        try
        {
            return simulate();
        }
        catch (final OptionException ex)
        {
            err.println("edm sim: " + ex.getMessage());
            err.println("Try 'edm sim --help' for the options and their ranges.");
            err.flush();
            return EXIT_USAGE;
        }
    }

    private int simulate()
    {
        final SimConfig.Builder builder = builder();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final FlowTable table;
        try
        {
            table = loadFlows(builder);
        }
        catch (final InputFileException ex)
        {
            err.println("edm sim: " + ex.getMessage());
            err.flush();
            return EXIT_FILE_ERROR;
        }
        catch (final IOException ex)
        {
            err.println("edm sim: " + describe(ex));
            err.flush();
            return EXIT_FILE_ERROR;
        }
        final SimConfig config = optionErrors(() -> builder.hostsFor(table).build());

        final FlowRecorder recorder = new FlowRecorder(table);
        final ProgressListener listener = config.progress() ? new TextProgressListener(err) :
            ProgressListener.NONE;
        final SimResult result = runner.run(config, table, recorder, listener);

        final FlowSummary summary = FlowSummary.of(recorder, config.idealFct(), config.scoring(), config.slotNanos(),
            RackSimulationRunner.fixedNanos(config));
        final Map<String, Object> facts = new LinkedHashMap<>(config.describe());
        facts.put("flowsInTrace", table.size());
        facts.put("reads", table.readCount());
        facts.put("slotsSimulated", result.slotsSimulated());
        facts.put("stopReason", result.stopReason().label());
        facts.put("wallClockSeconds", result.wallClockNanos() / 1e9);
        facts.putAll(result.counters());
        out.print(SummaryReport.text(summary, facts));
        out.flush();
        try
        {
            if (summaryJson != null)
            {
                SummaryReport.writeJson(summary, facts, summaryJson);
            }
            if (flowsOut != null)
            {
                FlowCsvWriter.write(recorder, config.idealFct(), flowsOut);
            }
        }
        catch (final IOException ex)
        {
            err.println("edm sim: " + describe(ex));
            err.flush();
            return EXIT_FILE_ERROR;
        }
        if (result.stopReason() == StopReason.MAX_SLOTS)
        {
            err.println("edm sim: stopped at --max-slots=" + config.maxSlots() + " before " +
                config.termination().label() + "; unfinished flows are counted as incomplete");
            err.flush();
            return EXIT_MAX_SLOTS;
        }
        return 0;
    }

    /** The builder filled from the options and checked; option errors become {@link OptionException}s (exit 2). */
    SimConfig.Builder builder()
    {
        return optionErrors(() -> SimConfig.builder()
            .trace(trace)
            .generate(generate)
            .cdf(cdf)
            .load(load)
            .writeRatio(writeRatio)
            .flows(flows)
            .bandwidthGbps(bandwidthGbps)
            .shortFlows(shortFlows)
            .traceOut(traceOut)
            .flowsOut(flowsOut)
            .summaryJson(summaryJson)
            .netsimCompat(netsimCompat)
            .speed(speed == null ? null : LinkSpeed.parse(speed))
            .propagationNanos(propagationNanos)
            .chunkBytes(chunkBytes)
            .releaseBytes(releaseBytes)
            .blockBytes(blockBytes)
            .hostOrder(hostOrder == null ? null : HostOrder.parse(hostOrder))
            .matcher(matcher == null ? null : MatcherKind.parse(matcher))
            .pimIterations(pimIterations)
            .maxChunksPerMessage(maxChunksPerMessage)
            .netSwitchDelayNanos(netSwitchDelayNanos)
            .hosts(hosts)
            .seed(seed)
            .maxSlots(maxSlots)
            .progress(progress != null ? progress : terminal.getAsBoolean())
            .check());
    }

    private FlowTable loadFlows(final SimConfig.Builder builder) throws IOException
    {
        if (!builder.generates())
        {
            return TraceReader.read(trace);
        }
        final SimConfig provisional = optionErrors(builder::build);
        final FlowSizeCdf sizes = FlowSizeCdf.read(cdf);
        final WorkloadSpec workload = optionErrors(() -> provisional.generator()
            .spec(sizes, provisional.hosts(), provisional.seed(), provisional.slotNanos()));
        final FlowTable generated;
        try
        {
            generated = WorkloadGenerator.generate(workload);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new InputFileException(cdf.toString(), 0, ex.getMessage());
        }
        if (traceOut != null)
        {
            TraceWriter.write(generated, traceOut);
        }
        return generated;
    }

    private <T> T optionErrors(final java.util.function.Supplier<T> action)
    {
        try
        {
            return action.get();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new OptionException(ex.getMessage());
        }
    }

    private static String describe(final IOException ex)
    {
        if (ex instanceof NoSuchFileException missing)
        {
            return missing.getFile() + ": no such file";
        }
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private static boolean isTerminal()
    {
        final java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }

    /** An invalid option or combination of options; the message names the option. */
    private static final class OptionException extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        OptionException(final String message)
        {
            super(message);
        }
    }
}
