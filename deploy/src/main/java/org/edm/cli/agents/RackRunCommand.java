package org.edm.cli.agents;

import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.ThreadingMode;
import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricProcess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edm rack run}: every agent of a local rack in one process, which owns every port in the rack's namespaces;
 * SHARED mode by default (one thread for the whole rack), since a small machine has too few cores for a thread per
 * agent. {@code --in-memory} runs the same rack over in-memory cables without root.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run every agent of a local rack in this process (SHARED mode by default) until Ctrl-C, SIGTERM or --seconds.",
        "Opens every port in the rack's namespaces (root), or with --in-memory uses in-memory cables (no root)." })
public final class RackRunCommand implements Callable<Integer>
{
    static final String NAME = "edm rack run";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RackOption rack = new RackOption();

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--in-memory", description = "In-memory cables instead of the rack's interfaces (no root needed).")
    boolean inMemory;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "2",
        description = "With --in-memory and no rack file: a rack of N hosts (default ${DEFAULT-VALUE}).")
    int hostCount;

    @Option(names = "--idle", paramLabel = "ALIAS",
        description = "Idle strategy of the shared thread: spin, noop, yield, backoff, sleep-ns:N (edm.shared.idle).")
    String idle;

    @Option(names = "--cpu", paramLabel = "N", description = "CPU to pin the shared thread to, -1 none (edm.shared.cpu).")
    String cpu;

    @Option(names = "--tap", paramLabel = "IFNAME",
        description = "Create TAP interface IFNAME in every host's namespace, addressed 10.77.0.<node+1>/24 by " +
            "default (edm.host.tap.subnet), so the hosts' kernels talk over the fabric (edm.host.tap).")
    String tap;

    @Mixin
    DaemonRunOptions run = new DaemonRunOptions();

    public Integer call()
    {
        final Configuration configuration = config.load(NAME,
            Map.of(RuntimeConfiguration.THREADING_MODE, ThreadingMode.SHARED.name()), List.of(
                new ConfigOptions.RoleFlag(RuntimeConfiguration.SHARED_IDLE, "--idle", idle),
                new ConfigOptions.RoleFlag(RuntimeConfiguration.SHARED_CPU, "--cpu", cpu),
                new ConfigOptions.RoleFlag(HostConfiguration.TAP, "--tap", tap)));
        if (config.printConfig())
        {
            PrintConfig.print(NAME, configuration, ConfigKeys.ALL, spec.commandLine().getOut());
            return 0;
        }
        configuration.check(ConfigKeys.ALL);
        final Reporter reporter = new Reporter(NAME, spec.commandLine().getOut(), spec.commandLine().getErr());
        if (hostCount < 1 || hostCount > LocalRackLayout.MAX_HOSTS)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--hosts=" + hostCount + " outside [1, " +
                LocalRackLayout.MAX_HOSTS + "]");
        }
        final RackDescription description = rack.readOrInMemory(inMemory, hostCount, reporter);
        if (description.kind() != RackDescription.Kind.LOCAL && !inMemory)
        {
            throw new IllegalArgumentException("rack '" + description.name() + "' is a lab rack, whose ports are on " +
                "other machines: run 'edm switch' on the switch host and 'edm host' on each memory node (or add " +
                "--in-memory to run its agents here over in-memory cables)");
        }
        if (!inMemory)
        {
            Capabilities.require(Capabilities.CAP_NET_RAW, "opening the rack's AF_PACKET ports",
                "or add --in-memory to run the rack over in-memory cables");
            Capabilities.require(Capabilities.CAP_SYS_ADMIN, "entering the rack's namespaces",
                "or add --in-memory to run the rack over in-memory cables");
            RackOption.requireUp(description, rack.file());
        }
        final FabricProcess process = FabricProcess.wholeRack(description, configuration, inMemory, reporter);
        reporter.info("rack " + description.name() + " (" + description.kind().yamlName() + "), " +
            description.hosts().size() + " hosts and the switch over " + process.transport());
        reporter.info(FabricConfiguration.describe(process.settings()));
        new AgentDaemon(reporter).run(process, run.seconds, run.statusSeconds());
        return 0;
    }
}
