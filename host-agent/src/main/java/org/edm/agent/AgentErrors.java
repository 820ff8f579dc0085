package org.edm.agent;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.status.AtomicCounter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The error handler of the agent threads: counts every exception a duty cycle throws and reports each distinct one
 * (same type, message and throwing frame) only the first time, so that an agent that throws on every cycle cannot
 * flood the log at millions of lines per second. The counts are reported on close ({@link #summary()}). Stack traces
 * are printed only when {@code EDM_DEBUG} is set. Errors are not the steady state, so taking a lock here is fine.
 */
public final class AgentErrors implements ErrorHandler
{
    private static final int MAX_DISTINCT = 64;

    private final Consumer<String> report;
    private final AtomicCounter counter;
    private final boolean debug;
    private final Class<?>[] types = new Class<?>[MAX_DISTINCT];
    private final String[] messages = new String[MAX_DISTINCT];
    private final StackTraceElement[] frames = new StackTraceElement[MAX_DISTINCT];
    private final long[] counts = new long[MAX_DISTINCT];
    private final String[] threads = new String[MAX_DISTINCT];
    private int distinct;
    private long uncategorised;

    /**
     * @param report  receives one line per distinct error (e.g. {@code System.err::println}).
     * @param counter counts every error (Agrona's runners increment their own counter too; this one is ours).
     * @param debug   also report stack traces.
     */
    public AgentErrors(final Consumer<String> report, final AtomicCounter counter, final boolean debug)
    {
        this.report = report;
        this.counter = counter;
        this.debug = debug;
    }

    public synchronized void onError(final Throwable throwable)
    {
        counter.increment();
        final StackTraceElement[] trace = throwable.getStackTrace();
        final StackTraceElement frame = trace.length > 0 ? trace[0] : null;
        final String message = throwable.getMessage();
        for (int i = 0; i < distinct; i++)
        {
            if (types[i] == throwable.getClass() && equal(messages[i], message) && equal(frames[i], frame))
            {
                counts[i]++;
                return;
            }
        }
        if (distinct == MAX_DISTINCT)
        {
            uncategorised++;
            return;
        }
        types[distinct] = throwable.getClass();
        messages[distinct] = message;
        frames[distinct] = frame;
        counts[distinct] = 1;
        threads[distinct] = Thread.currentThread().getName();
        distinct++;
        report.accept("ERROR in agent thread '" + Thread.currentThread().getName() + "': " + describe(throwable) +
            "; the agent goes on, and further occurrences are only counted" +
            (debug ? System.lineSeparator() + stackTrace(throwable) : " (set EDM_DEBUG=1 for the stack trace)"));
    }

    /** Errors seen so far. */
    public long count()
    {
        return counter.get();
    }

    /** One line per distinct error with its count; empty when there was none. */
    public synchronized List<String> summary()
    {
        final List<String> lines = new ArrayList<>();
        for (int i = 0; i < distinct; i++)
        {
            lines.add(counts[i] + " x in '" + threads[i] + "': " + types[i].getSimpleName() +
                (messages[i] == null ? "" : ": " + messages[i]) + (frames[i] == null ? "" : " at " + frames[i]));
        }
        if (uncategorised > 0)
        {
            lines.add(uncategorised + " x other errors (more than " + MAX_DISTINCT + " distinct ones)");
        }
        return lines;
    }

    private static String describe(final Throwable throwable)
    {
        final StackTraceElement[] trace = throwable.getStackTrace();
        return throwable.getClass().getSimpleName() + (throwable.getMessage() == null ? "" : ": " +
            throwable.getMessage()) + (trace.length > 0 ? " (at " + trace[0] + ")" : "");
    }

    private static String stackTrace(final Throwable throwable)
    {
        final StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString().stripTrailing();
    }

    private static boolean equal(final Object a, final Object b)
    {
        return a == null ? b == null : a.equals(b);
    }
}
