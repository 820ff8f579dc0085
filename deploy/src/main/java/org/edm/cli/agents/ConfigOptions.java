package org.edm.cli.agents;

import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.switchagent.FabricConfiguration;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration options every agent command shares: a file, generic {@code --set key=value} overrides, a few
 * named shortcuts for the keys changed most, and {@code --print-config}. Precedence: key default, then the command's
 * default, then the file, then flags.
 */
public final class ConfigOptions
{
    @Option(names = "--config", paramLabel = "FILE",
        description = "Configuration file (.properties, .yaml or .yml) with edm.* keys.")
    Path file;

    @Option(names = { "--set", "-D" }, paramLabel = "KEY=VALUE",
        description = "Set a configuration key (repeatable); overrides the file, e.g. --set edm.fabric.chunk.bytes=512.")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--print-config",
        description = "Print every configuration value this command would use, with its source, and exit.")
    boolean printConfig;

    @Option(names = "--threading", paramLabel = "MODE",
        description = "Threading mode: DEDICATED, SHARED, INVOKER or SPLIT (the switch apart from the hosts) " +
            "(edm.threading.mode).")
    String threading;

    @Option(names = "--line-rate", paramLabel = "GBPS",
        description = "Emulated line rate of every port in Gb/s, (0, 400] (edm.fabric.line.rate.gbps).")
    String lineRate;

    @Option(names = "--framing", paramLabel = "F", description = "wire-7 or wire-8 (edm.fabric.framing).")
    String framing;

    /**
     * The effective configuration.
     *
     * @param commandDefaults the command's own defaults (e.g. SHARED mode), weaker than the file and the flags.
     * @param roleFlags       the command's own shortcut flags: key to {flag name, value}; null values are skipped.
     */
    public Configuration load(
        final String command, final Map<ConfigKey<?>, String> commandDefaults, final List<RoleFlag> roleFlags)
    {
        final Configuration config = new Configuration(ConfigKeys.ALL);
        commandDefaults.forEach((key, value) -> config.commandDefault(key, value, command));
        if (file != null)
        {
            config.file(file);
        }
        for (final Map.Entry<String, String> setting : settings.entrySet())
        {
            config.flag(setting.getKey(), setting.getValue(), "--set");
        }
        final List<RoleFlag> flags = new ArrayList<>(roleFlags);
        flags.add(new RoleFlag(RuntimeConfiguration.THREADING_MODE, "--threading", threading));
        flags.add(new RoleFlag(FabricConfiguration.LINE_RATE_GBPS, "--line-rate", lineRate));
        flags.add(new RoleFlag(FabricConfiguration.FRAMING, "--framing", framing));
        for (final RoleFlag flag : flags)
        {
            if (flag.value() != null)
            {
                config.flag(flag.key(), flag.value(), flag.flag());
            }
        }
        return config;
    }

    /** True when the command should only print its configuration. */
    public boolean printConfig()
    {
        return printConfig;
    }

    /**
     * A command's shortcut flag for a key.
     *
     * @param key   the key it sets.
     * @param flag  the flag's name, for the source column.
     * @param value its value, or null when not given.
     */
    public record RoleFlag(ConfigKey<?> key, String flag, String value)
    {
    }
}
