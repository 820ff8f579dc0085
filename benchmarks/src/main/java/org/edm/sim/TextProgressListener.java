package org.edm.sim;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A one-line progress display for a terminal: rewrites the line (carriage return) with the share of flows completed,
 * the simulated slot and the simulation speed, at most once per interval (250 ms by default), and ends it with a
 * newline when the run is done.
 * <pre>
 *   edm sim:  45.2% of flows done (904/2000), slot 1234567, 3.1 M slots/s
 * </pre>
 * The clock is injected so that tests can drive it. Allocates only when it prints.
 */
public final class TextProgressListener implements ProgressListener
{
    /** Default interval between two updates. */
    public static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private long startNanos = Long.MIN_VALUE;
    private long startSlot;
    private long lastPrintNanos;
    private int lastLength;
    private int lines;

    /** A listener printing to {@code out} with the system clock and the default interval. */
    public TextProgressListener(final PrintWriter out)
    {
        this(out, System::nanoTime, DEFAULT_INTERVAL_NANOS);
    }

    /**
     * @param out           where to print (stderr in {@code edm sim}).
     * @param nanoClock     a monotonic clock in ns.
     * @param intervalNanos smallest time between two updates.
     */
    public TextProgressListener(final PrintWriter out, final LongSupplier nanoClock, final long intervalNanos)
    {
        this.out = out;
        this.nanoClock = nanoClock;
        this.intervalNanos = intervalNanos;
    }

    public void progress(final long slot, final long finishedRows, final long totalRows)
    {
        final long now = nanoClock.getAsLong();
        if (startNanos == Long.MIN_VALUE)
        {
            startNanos = now;
            startSlot = slot;
            lastPrintNanos = now;
            return;
        }
        if (now - lastPrintNanos >= intervalNanos)
        {
            lastPrintNanos = now;
            print(now, slot, finishedRows, totalRows, false);
        }
    }

    public void done(final long slot, final long finishedRows, final long totalRows)
    {
        final long now = nanoClock.getAsLong();
        if (startNanos == Long.MIN_VALUE)
        {
            startNanos = now;
            startSlot = 0;
        }
        print(now, slot, finishedRows, totalRows, true);
    }

    /** Number of progress lines printed (updates of the one line, and the final one). */
    public int updates()
    {
        return lines;
    }

    private void print(
        final long now, final long slot, final long finishedRows, final long totalRows, final boolean last)
    {
        final double seconds = (now - startNanos) / 1e9;
        final double percent = totalRows == 0 ? 100.0 : 100.0 * finishedRows / totalRows;
        final String rate = seconds > 0 ? formatRate((slot - startSlot) / seconds) : "-";
        final String text = String.format(Locale.ROOT, "edm sim: %5.1f%% of flows done (%d/%d), slot %d, %s slots/s",
            percent, finishedRows, totalRows, slot, rate);
        final StringBuilder line = new StringBuilder(text.length() + 16).append('\r').append(text);
        for (int i = text.length(); i < lastLength; i++)
        {
            line.append(' ');
        }
        lastLength = text.length();
        if (last)
        {
            line.append(System.lineSeparator());
        }
        out.print(line);
        out.flush();
        lines++;
    }

    private static String formatRate(final double perSecond)
    {
        if (perSecond >= 1e9)
        {
            return String.format(Locale.ROOT, "%.1f G", perSecond / 1e9);
        }
        if (perSecond >= 1e6)
        {
            return String.format(Locale.ROOT, "%.1f M", perSecond / 1e6);
        }
        if (perSecond >= 1e3)
        {
            return String.format(Locale.ROOT, "%.1f k", perSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }
}
