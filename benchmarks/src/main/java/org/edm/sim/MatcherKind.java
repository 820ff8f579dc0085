package org.edm.sim;

import java.util.Locale;

/**
 * The central scheduler's matching algorithm (edm-protocol §4.3, §8 A8).
 */
public enum MatcherKind
{
    /** The reference's sequential greedy matching in shortest-remaining-first order; what priority-PIM converges to. */
    GREEDY("greedy", false),
    /** k-iteration priority PIM: receivers grant their highest-priority requester, senders accept their best grant. */
    PIM("pim", true),
    /** k-iteration iSLIP: round-robin grant and accept pointers. */
    ISLIP("islip", true);

    private final String label;
    private final boolean iterative;

    MatcherKind(final String label, final boolean iterative)
    {
        this.label = label;
        this.iterative = iterative;
    }

    /** "greedy", "pim" or "islip". */
    public String label()
    {
        return label;
    }

    /** Whether the matcher runs a number of request/grant/accept iterations per slot. */
    public boolean iterative()
    {
        return iterative;
    }

    /** Parses "greedy", "pim" or "islip"; the message names {@code --matcher} otherwise. */
    public static MatcherKind parse(final String text)
    {
        for (final MatcherKind kind : values())
        {
            if (kind.label.equals(text.strip().toLowerCase(Locale.ROOT)))
            {
                return kind;
            }
        }
        throw new IllegalArgumentException("--matcher=" + text + " is not one of greedy, pim, islip");
    }
}
