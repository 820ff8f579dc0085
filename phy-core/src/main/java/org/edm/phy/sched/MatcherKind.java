package org.edm.phy.sched;

/** How the central scheduler picks the circuits of a slot. */
public enum MatcherKind
{
    /**
     * The reference (edm-protocol §4.3): greedy maximal matching over all eligible demand in shortest-remaining-first
     * order, each sender and each receiver at most once. What priority PIM converges to.
     */
    GREEDY,
    /**
     * k iterations of priority PIM: every free receiver offers to its best legal sender, every sender accepts its best
     * offer (§4.3 [REC], A8). With enough iterations it equals GREEDY; with few it models a hardware pipeline.
     */
    PIM,
    /**
     * k iterations of round-robin matching in the style of iSLIP: receivers offer to the next requesting sender after
     * a pointer, senders accept the next offering receiver after theirs; pointers move on first-iteration accepts.
     * Within a (sender, receiver) pair the shortest remaining message goes first.
     */
    ISLIP;

    /** The name used on command lines and in reports: "greedy", "pim" or "islip". */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the matcher runs a number of iterations per slot (PIM and ISLIP). */
    public boolean iterative()
    {
        return this != GREEDY;
    }

    /** Parses "greedy", "pim" or "islip"; throws naming the allowed values otherwise. */
    public static MatcherKind parse(final String name)
    {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT))
        {
            case "greedy" -> GREEDY;
            case "pim" -> PIM;
            case "islip" -> ISLIP;
            default -> throw new IllegalArgumentException("matcher=" + name + " is not one of greedy, pim, islip");
        };
    }
}
