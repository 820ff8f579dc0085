package org.edm.cli.agents;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Where a command's lines go: information to standard output, warnings and errors to standard error, each line
 * prefixed with the command's name so that lines of several daemons in one log stay apart. Thread-safe (agent threads
 * report their pinning and errors through it).
 */
public final class Reporter implements Consumer<String>
{
    private final String prefix;
    private final PrintWriter out;
    private final PrintWriter err;

    public Reporter(final String command, final PrintWriter out, final PrintWriter err)
    {
        this.prefix = command + ": ";
        this.out = out;
        this.err = err;
    }

    /** An information line. */
    public synchronized void info(final String line)
    {
        out.println(prefix + line);
        out.flush();
    }

    /** A warning or error line. */
    public synchronized void warn(final String line)
    {
        err.println(prefix + line);
        err.flush();
    }

    /** Sorts a report line: WARNING and ERROR lines go to standard error. */
    public void accept(final String line)
    {
        if (line.startsWith("WARNING") || line.startsWith("ERROR"))
        {
            warn(line);
        }
        else
        {
            info(line);
        }
    }

    public PrintWriter out()
    {
        return out;
    }
}
