package org.edm.agent;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * Idle strategies by alias, the names Aeron uses (toolchain-and-conventions §4.4), so that a configuration file says
 * {@code spin} or {@code backoff} rather than a class name. An idle strategy runs between duty cycles that found no
 * work; it decides whether an agent thread burns its core (lowest latency) or gives it back.
 * <pre>
 *   spin          BusySpinIdleStrategy       busy-polls with Thread.onSpinWait(): one whole core, lowest latency
 *   noop          NoOpIdleStrategy           busy-polls with no pause at all
 *   yield         YieldingIdleStrategy       Thread.yield() between cycles: a whole core, but polite to other threads
 *   backoff       BackoffIdleStrategy        spins, then yields, then parks 1 us .. 1 ms (the default)
 *   sleep-ns:N    SleepingIdleStrategy       parks N nanoseconds
 *   sleep-ms:N    SleepingMillisIdleStrategy sleeps N milliseconds
 * </pre>
 */
public final class IdleStrategies
{
    /** The aliases, as listed in error messages. */
    public static final String ALIASES = "spin, noop, yield, backoff, sleep-ns:N, sleep-ms:N";

    private IdleStrategies()
    {
    }

    /** A new idle strategy for {@code alias}; throws naming the allowed aliases when it is not one. */
    public static IdleStrategy parse(final String alias)
    {
        final String text = alias.strip();
        switch (text)
        {
            case "spin":
                return new BusySpinIdleStrategy();
            case "noop":
                return new NoOpIdleStrategy();
            case "yield":
                return new YieldingIdleStrategy();
            case "backoff":
                return new BackoffIdleStrategy();
            default:
                break;
        }
        if (text.startsWith("sleep-ns:"))
        {
            return new SleepingIdleStrategy(period(text, "sleep-ns:", 1_000_000_000L));
        }
        if (text.startsWith("sleep-ms:"))
        {
            return new SleepingMillisIdleStrategy(period(text, "sleep-ms:", 1_000L));
        }
        throw new IllegalArgumentException("is not an idle strategy: one of " + ALIASES);
    }

    /** True for strategies that keep a core busy while idle (spin, noop, yield): such a thread wants its own CPU. */
    public static boolean isBusy(final String alias)
    {
        final String text = alias.strip();
        return "spin".equals(text) || "noop".equals(text) || "yield".equals(text);
    }

    private static long period(final String text, final String prefix, final long max)
    {
        final String number = text.substring(prefix.length());
        final long value;
        try
        {
            value = Long.parseLong(number);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("has no whole number after '" + prefix + "' (e.g. " + prefix + "1000)");
        }
        if (value < 1 || value > max)
        {
            throw new IllegalArgumentException("has a period outside [1, " + max + "]");
        }
        return value;
    }
}
