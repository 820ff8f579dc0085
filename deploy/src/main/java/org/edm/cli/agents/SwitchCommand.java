package org.edm.cli.agents;

import org.edm.agent.config.Configuration;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricProcess;
import org.edm.switchagent.SwitchConfiguration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code edm switch}: the switch agent of a rack as a daemon, over the rack's switch ports (AF_PACKET on the
 * interfaces the rack file names, inside the switch namespace of a local rack), until Ctrl-C or SIGTERM.
 */
@Command(name = "switch", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Run the switch agent over the rack's switch ports until Ctrl-C or SIGTERM.",
        "Ports are AF_PACKET sockets on the interfaces of the rack file (in the switch namespace of a local rack); " +
            "needs root or CAP_NET_RAW. Prints a status line while traffic moves, and totals at the end." })
public final class SwitchCommand implements Callable<Integer>
{
    static final String NAME = "edm switch";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    RackOption rack = new RackOption();

    @Mixin
    ConfigOptions config = new ConfigOptions();

    @Option(names = "--idle", paramLabel = "ALIAS",
        description = "Idle strategy of the switch thread: spin, noop, yield, backoff, sleep-ns:N (edm.switch.idle).")
    String idle;

    @Option(names = "--cpu", paramLabel = "N", description = "CPU to pin the switch thread to, -1 none (edm.switch.cpu).")
    String cpu;

    @Mixin
    DaemonRunOptions run = new DaemonRunOptions();

    public Integer call()
    {
        final Configuration configuration = config.load(NAME, Map.of(), List.of(
            new ConfigOptions.RoleFlag(SwitchConfiguration.IDLE, "--idle", idle),
            new ConfigOptions.RoleFlag(SwitchConfiguration.CPU, "--cpu", cpu)));
        if (config.printConfig())
        {
            PrintConfig.print(NAME, configuration, ConfigKeys.SWITCH, spec.commandLine().getOut());
            return 0;
        }
        configuration.check(ConfigKeys.SWITCH);
        final Reporter reporter = new Reporter(NAME, spec.commandLine().getOut(), spec.commandLine().getErr());
        final RackDescription description = rack.read();
        RackOption.requireUp(description, rack.file());
        final FabricProcess process = FabricProcess.switchOnly(description, configuration, reporter);
        reporter.info("rack " + description.name() + " (" + description.kind().yamlName() + "), " +
            description.hosts().size() + " ports: " + process.transport());
        reporter.info(FabricConfiguration.describe(process.settings()));
        new AgentDaemon(reporter).run(process, run.seconds, run.statusSeconds());
        return 0;
    }
}
