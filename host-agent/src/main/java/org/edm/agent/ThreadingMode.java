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
    INVOKER,
    /**
     * The first agent (a whole rack's switch) alone on a thread of its own, with its role's idle strategy and CPU; the
     * caller runs every other agent (the hosts) as in INVOKER mode, beside its own work (a client tool's requests and
     * completions). A whole local rack on two cores with nearly twice SHARED mode's memory throughput, since the switch
     * does about half the work (it handles every block twice); Aeron's SHARED_NETWORK splits its driver similarly.
     * A process with a single agent (a daemon of one role) runs it on its own thread, as DEDICATED does.
     */
    SPLIT;

    /** Parses a mode name, in any case; throws naming the allowed values otherwise. */
    public static ThreadingMode parse(final String text)
    {
        return switch (text.strip().toUpperCase(Locale.ROOT))
        {
            case "DEDICATED" -> DEDICATED;
            case "SHARED" -> SHARED;
            case "INVOKER" -> INVOKER;
            case "SPLIT" -> SPLIT;
            default -> throw new IllegalArgumentException("is not one of DEDICATED, SHARED, INVOKER, SPLIT");
        };
    }
}
