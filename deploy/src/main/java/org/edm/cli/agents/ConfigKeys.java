package org.edm.cli.agents;

import org.edm.agent.PortConfiguration;
import org.edm.agent.RuntimeConfiguration;
import org.edm.agent.config.ConfigKey;
import org.edm.host.HostConfiguration;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.SwitchConfiguration;

import java.util.ArrayList;
import java.util.List;

/** Which configuration keys exist, and which ones each command uses (what its {@code --print-config} shows). */
public final class ConfigKeys
{
    /** Every key any command understands: a shared file may set keys of every role. */
    public static final List<ConfigKey<?>> ALL = concat(RuntimeConfiguration.KEYS, FabricConfiguration.KEYS,
        PortConfiguration.KEYS, SwitchConfiguration.KEYS, HostConfiguration.KEYS);

    /** The keys of {@code edm switch}. */
    public static final List<ConfigKey<?>> SWITCH = concat(RuntimeConfiguration.KEYS, FabricConfiguration.KEYS,
        PortConfiguration.KEYS, SwitchConfiguration.KEYS);

    /** The keys of {@code edm host} and of a client tool's own compute host. */
    public static final List<ConfigKey<?>> HOST = concat(RuntimeConfiguration.KEYS, FabricConfiguration.KEYS,
        PortConfiguration.KEYS, HostConfiguration.KEYS);

    private ConfigKeys()
    {
    }

    @SafeVarargs
    private static List<ConfigKey<?>> concat(final List<ConfigKey<?>>... lists)
    {
        final List<ConfigKey<?>> keys = new ArrayList<>();
        for (final List<ConfigKey<?>> list : lists)
        {
            keys.addAll(list);
        }
        return List.copyOf(keys);
    }
}
