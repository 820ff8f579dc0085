package org.edm.cli.agents;

import org.edm.agent.config.Configuration;
import org.edm.host.HostConfiguration;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricNodes;
import org.edm.switchagent.FabricProcess;
import org.edm.switchagent.FabricSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edm host}: one memory node's host agent as a daemon, serving its region over its port until Ctrl-C or
 * SIGTERM. Remote-memory sessions are in-process, so compute-side tools ({@code edm verify}, {@code edm bench}) embed
 * their own host agent instead of talking to this daemon; this command is the daemon form of memory nodes.
 */
@Command(name = "host", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run one memory node's host agent, serving its region, until Ctrl-C or SIGTERM.",
        "The host's port is an AF_PACKET socket on the interface of the rack file (in the host's namespace on a " +
            "local rack); needs root or CAP_NET_RAW. Compute-side tools (edm verify) embed their own host agent." })
public final class HostCommand implements Callable<Integer>
{
    static final String NAME = "edm host";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RackOption rack = new RackOption();

    @Option(names = "--name", paramLabel = "HOST", description = "The rack host to run (edm.host.name).")
    String name;

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--idle", paramLabel = "ALIAS",
        description = "Idle strategy of the host thread: spin, noop, yield, backoff, sleep-ns:N (edm.host.idle).")
    String idle;

    @Option(names = "--cpu", paramLabel = "N", description = "CPU to pin the host thread to, -1 none (edm.host.cpu).")
    String cpu;

    @Option(names = "--tap", paramLabel = "IFNAME",
        description = "Create TAP interface IFNAME so this host's kernel traffic crosses the fabric, addressed from " +
            "edm.host.tap.subnet by node id (edm.host.tap).")
    String tap;

    @Mixin
    DaemonRunOptions run = new DaemonRunOptions();

    public Integer call()
    {
        final Configuration configuration = config.load(NAME, Map.of(), List.of(
            new ConfigOptions.RoleFlag(HostConfiguration.NAME, "--name", name),
            new ConfigOptions.RoleFlag(HostConfiguration.IDLE, "--idle", idle),
            new ConfigOptions.RoleFlag(HostConfiguration.CPU, "--cpu", cpu),
            new ConfigOptions.RoleFlag(HostConfiguration.TAP, "--tap", tap)));
        if (config.printConfig())
        {
            PrintConfig.print(NAME, configuration, ConfigKeys.HOST, spec.commandLine().getOut());
            return 0;
        }
        configuration.check(ConfigKeys.HOST);
        final String hostName = configuration.get(HostConfiguration.NAME);
        if (hostName.isEmpty())
        {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "name the host to run with --name HOST (or edm.host.name in the config file)");
        }
        final Reporter reporter = new Reporter(NAME + " " + hostName, spec.commandLine().getOut(),
            spec.commandLine().getErr());
        final RackDescription description = rack.read();
        final RackDescription.Host host = description.host(hostName);
        if (!FabricNodes.servesMemory(host))
        {
            throw new IllegalArgumentException("host '" + hostName + "' is a compute host: it serves no memory, so " +
                "there is nothing for a daemon to do; compute-side tools (edm verify --host " + hostName + ") embed " +
                "its host agent");
        }
        RackOption.requireUp(description, rack.file());
        final FabricProcess process = FabricProcess.host(description, hostName, configuration, reporter);
        final FabricSettings settings = process.settings();
        reporter.info("rack " + description.name() + " (" + description.kind().yamlName() + "), node " +
            host.nodeId() + " (" + host.role().yamlName() + "): " + process.transport());
        reporter.info(settings.regionBytes() > 0 ? "serving region key " + settings.regionKey() + " of " +
            settings.regionBytes() + " bytes" : "serving no region (edm.memory.region.bytes=0)");
        reporter.info(FabricConfiguration.describe(settings));
        new AgentDaemon(reporter).run(process, run.seconds, run.statusSeconds());
        return 0;
    }
}
