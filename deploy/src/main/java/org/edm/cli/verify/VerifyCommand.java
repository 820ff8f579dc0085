package org.edm.cli.verify;

import org.agrona.MutableDirectBuffer;
import org.edm.agent.AgentRuntime;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.ThreadingMode;
import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.cli.agents.ConfigKeys;
import org.edm.cli.agents.ConfigOptions;
import org.edm.cli.agents.FabricCounters;
import org.edm.cli.agents.PrintConfig;
import org.edm.cli.agents.RackOption;
import org.edm.cli.agents.Reporter;
import org.edm.host.HostAgent;
import org.edm.host.HostConfiguration;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricNodes;
import org.edm.switchagent.FabricProcess;
import org.edm.switchagent.FabricSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edm verify}: a correctness soak for a fabric, the way one runs a memory tester after deploying. It runs
 * compute hosts in this process (sessions are in-process, like an RDMA client's queue pairs): on a local rack the
 * whole rack by default, on a lab rack the compute host named by {@code --host}, against the switch and memory-node
 * daemons. See {@link Soak} for what it checks. Exit codes: 0 pass, 3 a mismatch, an error status or a hung request,
 * 1 could not run, 2 bad options.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Correctness soak: random reads and writes from every compute host this process runs to every memory node, " +
            "each read checked byte for byte against a shadow copy, then a final read-back sweep.",
        "On a local rack it embeds the whole rack (AF_PACKET in the rack's namespaces as root, else in-memory " +
            "cables); on a lab rack --host NAME runs that compute host against the running daemons.",
        "Exit code: 0 pass, 3 mismatch, error status or hung request, 1 could not run, 2 bad options." })
public final class VerifyCommand implements Callable<Integer>
{
    static final String NAME = "edm verify";

    /** Exit code when the fabric failed the soak. */
    public static final int FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RackOption rack = new RackOption();

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "10",
        description = "How long to issue random requests (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--max-size", paramLabel = "B", defaultValue = "64k",
        description = "Largest request in bytes, k and m suffixes allowed (default ${DEFAULT-VALUE}).")
    String maxSize;

    @Option(names = "--embed", description = "Run the whole local rack in this process (the default on a local rack).")
    boolean embed;

    @Option(names = "--host", paramLabel = "NAME",
        description = "Run only this compute host, against the rack's running daemons (lab racks).")
    String host;

    @Option(names = "--in-memory",
        description = "Embed the rack over in-memory cables (no root; the default when not root).")
    boolean inMemory;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "2",
        description = "With --in-memory and no rack file: a rack of N hosts, all compute and memory (default " +
            "${DEFAULT-VALUE}).")
    int hostCount;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: from the clock; printed).")
    Long seed;

    @Option(names = "--queue-depth", paramLabel = "Q", defaultValue = "4",
        description = "Requests in flight per compute host, 1..1024 (default ${DEFAULT-VALUE}).")
    int queueDepth;

    @Option(names = "--inject-corruption",
        description = "Flip one written byte of a memory node's region behind the fabric's back before the final " +
            "sweep (embedded racks only), to see the check fail.")
    boolean injectCorruption;

    @Option(names = "--quiet", description = "No progress lines.")
    boolean quiet;

    @Mixin
    ConfigOptions config = new ConfigOptions();

    public Integer call()
    {
        final boolean hostMode = host != null;
        final Configuration configuration = config.load(NAME,
            Map.of(RuntimeConfiguration.THREADING_MODE, ThreadingMode.SHARED.name()),
            List.of(new ConfigOptions.RoleFlag(HostConfiguration.NAME, "--host", host)));
        final List<ConfigKey<?>> keys = hostMode ? ConfigKeys.HOST : ConfigKeys.ALL;
        if (config.printConfig())
        {
            PrintConfig.print(NAME, configuration, keys, spec.commandLine().getOut());
            return 0;
        }
        configuration.check(keys);
        checkOptions(hostMode);
        final int maxBytes = (int)(long)ConfigKey.size("--max-size", "64k", 1,
            configuration.get(HostConfiguration.MAX_REQUEST_BYTES), "largest request").parse(maxSize);
        final Reporter reporter = new Reporter(NAME, spec.commandLine().getOut(), spec.commandLine().getErr());
        final RackDescription description = rackDescription(reporter);
        final boolean useMemoryCables = !hostMode && useInMemory(description, reporter);
        if (!useMemoryCables)
        {
            RackOption.requireUp(description, rack.file());
        }
        final long seedValue = seed != null ? seed : System.nanoTime();
        // the arena outlives the agents: resources close in reverse order, so the process (and its threads) first
        try (Arena arena = Arena.ofShared();
            FabricProcess process = hostMode ? FabricProcess.host(description, host, configuration, reporter) :
                FabricProcess.wholeRack(description, configuration, useMemoryCables, reporter))
        {
            return run(process, arena, reporter, maxBytes, seedValue, hostMode);
        }
    }

    private int run(
        final FabricProcess process, final Arena arena, final Reporter reporter, final int maxBytes, final long seedValue,
        final boolean hostMode)
    {
        final RackDescription description = process.rack();
        final FabricSettings settings = process.settings();
        final List<RackDescription.Host> issuing = description.hosts().stream().filter(FabricNodes::issuesRequests)
            .toList();
        final List<Soak.MemoryNode> nodes = description.hosts().stream().filter(FabricNodes::servesMemory)
            .map(h -> new Soak.MemoryNode(h.name(), h.nodeId())).toList();
        if (issuing.isEmpty() || nodes.isEmpty())
        {
            throw new IllegalArgumentException("rack '" + description.name() + "' needs at least one compute host " +
                "and one memory node (roles compute, memory or both)");
        }
        final long partition = settings.regionBytes() / issuing.size();
        if (partition < maxBytes)
        {
            throw new IllegalArgumentException("each of the " + issuing.size() + " compute hosts owns " + partition +
                " bytes of every region (edm.memory.region.bytes=" + settings.regionBytes() + " divided among " +
                "them), less than --max-size " + maxBytes + "; lower --max-size or raise edm.memory.region.bytes " +
                "(it must match the memory nodes')");
        }
        reporter.info("rack " + description.name() + " (" + description.kind().yamlName() + "): " + (hostMode ?
            "compute host " + host + " in this process over " + process.transport() + ", against the rack's daemons" :
            "the whole rack embedded in this process over " + process.transport()));
        reporter.info(FabricConfiguration.describe(settings));
        final AgentRuntime runtime = process.start(reporter);
        reporter.info("threads " + runtime.describe());
        final int capacity = Integer.highestOneBit(Math.max(1, queueDepth - 1)) << (queueDepth == 1 ? 0 : 1);
        final List<Soak.ComputeHost> computeHosts = new ArrayList<>();
        for (final HostAgent agent : process.hosts().values())
        {
            final RackDescription.Host rackHost = description.hosts().stream()
                .filter(h -> h.nodeId() == agent.settings().nodeId()).findFirst().orElseThrow();
            if (FabricNodes.issuesRequests(rackHost))
            {
                computeHosts.add(new Soak.ComputeHost(rackHost.name(), rackHost.nodeId(),
                    agent.newSession(capacity, runtime::waitOnce), issuing.indexOf(rackHost)));
            }
        }
        if (computeHosts.isEmpty())
        {
            throw new IllegalArgumentException("host '" + host + "' is a memory node: it issues no requests; pass a " +
                "compute host (role compute or both) to --host");
        }
        final long timeoutNanos = settings.timeoutMicros() * 1000;
        final Soak.Settings soakSettings = new Soak.Settings(seconds, maxBytes, queueDepth, seedValue,
            settings.regionKey(), (int)partition, timeoutNanos + Math.max(1_000_000_000L, timeoutNanos),
            !quiet && seconds > 2 ? 1_000_000_000L : 0, injectCorruption);
        reporter.info(computeHosts.size() + " compute host(s) " + computeHosts.stream().map(Soak.ComputeHost::name)
            .toList() + " -> " + nodes.size() + " memory node(s) " + nodes.stream().map(Soak.MemoryNode::name).toList() +
            ", region key " + settings.regionKey() + ", " + partition + " bytes per host and node; sizes 1.." +
            maxBytes + " B, queue depth " + queueDepth + " per host, seed " + seedValue + ", " + seconds + " s");
        final Soak.Corruptor corruptor = process.fabric() == null ? null : (node, address) ->
        {
            final MutableDirectBuffer region = process.fabric().region(node.name());
            region.putByte((int)address, (byte)~region.getByte((int)address));
        };
        final long[] gcBefore = VerifyReport.gcNow();
        final SoakResult result = new Soak(soakSettings, computeHosts, nodes, arena, runtime::waitOnce,
            reporter::info, corruptor).run();
        runtime.close();
        VerifyReport.print(result, settings, FabricCounters.troubles(process), gcBefore, spec.commandLine().getOut());
        for (final String error : runtime.errorSummary())
        {
            reporter.warn("agent ERROR " + error);
        }
        return result.passed() && runtime.errors() == 0 ? 0 : FAILED;
    }

    private void checkOptions(final boolean hostMode)
    {
        if (hostMode && (embed || inMemory))
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--host runs one compute host against running daemons; it cannot be combined with --embed or " +
                    "--in-memory");
        }
        if (hostMode && injectCorruption)
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--inject-corruption needs an embedded rack (it writes into a memory node's region directly)");
        }
        if (!(seconds > 0 && seconds <= 7 * 24 * 3600))
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--seconds=" + seconds + " outside (0, 604800]");
        }
        if (queueDepth < 1 || queueDepth > 1024)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--queue-depth=" + queueDepth +
                " outside [1, 1024]");
        }
        if (hostCount < 2 || hostCount > LocalRackLayout.MAX_HOSTS)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hosts=" + hostCount + " outside [2, " +
                LocalRackLayout.MAX_HOSTS + "]");
        }
    }

    private RackDescription rackDescription(final Reporter reporter)
    {
        final RackDescription description = rack.readOrInMemory(inMemory, hostCount, reporter);
        if (host == null && description.kind() != RackDescription.Kind.LOCAL && !inMemory)
        {
            throw new IllegalArgumentException("rack '" + description.name() + "' is a lab rack: name the compute " +
                "host this process runs with --host NAME (the switch and memory nodes run 'edm switch' and " +
                "'edm host'), or add --in-memory to embed a copy of the rack here");
        }
        return description;
    }

    private boolean useInMemory(final RackDescription description, final Reporter reporter)
    {
        if (inMemory)
        {
            return true;
        }
        if (description.kind() == RackDescription.Kind.LOCAL && !(Capabilities.has(Capabilities.CAP_NET_RAW) &&
            Capabilities.has(Capabilities.CAP_SYS_ADMIN)))
        {
            reporter.info("not root (CAP_NET_RAW and CAP_SYS_ADMIN are needed for the rack's AF_PACKET ports in " +
                "its namespaces): embedding the rack over in-memory cables instead");
            return true;
        }
        return false;
    }
}
