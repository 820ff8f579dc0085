package org.edm.cli.agents;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;

import java.io.PrintWriter;
import java.util.List;

/** {@code --print-config}: every value a command would use, with its source, as a properties file; then validation. */
public final class PrintConfig
{
    private PrintConfig()
    {
    }

    /** Prints the keys, then checks them (a bad value throws, naming its key, after the listing). */
    public static void print(
        final String command, final Configuration config, final List<ConfigKey<?>> keys, final PrintWriter out)
    {
        out.println("# " + command + ": effective configuration (precedence: default < command default < " +
            "--config file < flags)");
        config.print(keys, out);
        config.check(keys);
    }
}
