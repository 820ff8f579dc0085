package org.edm.sim;

/** When a simulation stops (besides the {@code --max-slots} safety limit). */
public enum Termination
{
    /** Run until every flow and every read response has completed (edm-protocol §4.9, recommended). */
    COMPLETION("completion"),
    /**
     * Stop at the end of the first slot in which every trace flow has started, as the reference does
     * ({@code terminate1}, {@code edm.c:649-652}); flows still in flight are left incomplete.
     */
    ALL_STARTED("all-started");

    private final String label;

    Termination(final String label)
    {
        this.label = label;
    }

    /** "completion" or "all-started". */
    public String label()
    {
        return label;
    }
}
