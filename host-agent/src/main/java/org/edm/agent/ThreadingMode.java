package org.edm.agent;

import java.util.Locale;

/**
 * How the agents of one process get their threads. Resolved in exactly one place, {@link AgentRuntime#start}, the way
 * Aeron's media driver resolves its threading mode in its constructor; the agents themselves never know which mode
 * they run in.
 */
public enum ThreadingMode
{
    /** One platform thread per agent, each with its role's idle strategy and CPU: lowest latency, most cores. */
    DEDICATED,
    /** One thread runs every agent of the process in turn (a composite agent): one core for a whole rack. */
    SHARED,
    /** No thread: the caller runs every agent's duty cycle (tests, benchmark harnesses, blocking client calls). */
    INVOKER;

    /** Parses a mode name, in any case; throws naming the allowed values otherwise. */
    public static ThreadingMode parse(final String text)
    {
        return switch (text.strip().toUpperCase(Locale.ROOT))
        {
            case "DEDICATED" -> DEDICATED;
            case "SHARED" -> SHARED;
            case "INVOKER" -> INVOKER;
            default -> throw new IllegalArgumentException("is not one of DEDICATED, SHARED, INVOKER");
        };
    }
}
