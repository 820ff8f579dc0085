package org.edm.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The bench's progress on standard error, for runs longer than two seconds: on a terminal a bar redrawn in place
 * ({@code [#########...........]  45%  12 s  edm read_lat 64 B}), elsewhere (a log, a pipe) one line every ten
 * seconds; nothing at all when disabled. Anything else printed to the terminal must {@link #clear()} the bar first.
 */
final class ProgressBar
{
    /** Runs shorter than this show no progress. */
    static final long QUIET_NANOS = 2_000_000_000L;
    /** Time between progress lines when standard error is not a terminal. */
    static final long LINE_NANOS = 10_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final boolean enabled;
    private final String prefix;
    private boolean drawn;
    private long nextLine = LINE_NANOS;

    ProgressBar(final PrintWriter err, final boolean terminal, final boolean enabled, final String prefix)
    {
        this.err = err;
        this.terminal = terminal;
        this.enabled = enabled;
        this.prefix = prefix;
    }

    /** True when this process's standard error is a terminal (Linux: fd 2 is a tty or pseudo-terminal). */
    static boolean stderrIsTerminal()
    {
        try
        {
            final String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        }
        catch (final Exception e)
        {
            return false;
        }
    }

    /** Shows the progress: {@code fraction} of the plan after {@code elapsedNanos}, working on {@code what}. */
    void update(final double fraction, final long elapsedNanos, final String what)
    {
        if (!enabled || elapsedNanos < QUIET_NANOS)
        {
            return;
        }
        final int percent = (int)Math.floor(fraction * 100);
        final long seconds = elapsedNanos / 1_000_000_000L;
        if (terminal)
        {
            final int filled = (int)Math.round(fraction * WIDTH);
            err.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %d s  %s\033[K", "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, seconds, what));
            err.flush();
            drawn = true;
        }
        else if (elapsedNanos >= nextLine)
        {
            err.println(String.format(Locale.ROOT, "%s%d%% after %d s: %s", prefix, percent, seconds, what));
            err.flush();
            nextLine = elapsedNanos + LINE_NANOS;
        }
    }

    /** Removes the bar from the terminal line, if drawn. */
    void clear()
    {
        if (drawn)
        {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }
}
