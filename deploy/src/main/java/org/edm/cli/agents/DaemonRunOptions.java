package org.edm.cli.agents;

import picocli.CommandLine.Option;

/** How long a daemon command ({@code edm switch}, {@code edm host}, {@code edm rack run}) runs and how it reports. */
final class DaemonRunOptions
{
    @Option(names = "--seconds", paramLabel = "S", defaultValue = "0",
        description = "Stop after S seconds (default: run until a signal).")
    double seconds;

    @Option(names = "--status-every", paramLabel = "S", defaultValue = "10",
        description = "Seconds between status lines while traffic moves (default ${DEFAULT-VALUE}).")
    double statusEvery;

    @Option(names = "--quiet", description = "No status lines.")
    boolean quiet;

    /** Seconds between status lines, 0 for none. */
    double statusSeconds()
    {
        return quiet ? 0 : statusEvery;
    }
}
