package org.edm.sim;

/** Why a simulation stopped. */
public enum StopReason
{
    /** Every flow and response completed ({@link Termination#COMPLETION}). */
    ALL_COMPLETED("all-completed"),
    /** Every trace flow had started ({@link Termination#ALL_STARTED}). */
    ALL_STARTED("all-started"),
    /** The {@code --max-slots} safety limit was reached first. */
    MAX_SLOTS("max-slots");

    private final String label;

    StopReason(final String label)
    {
        this.label = label;
    }

    /** The name used in reports. */
    public String label()
    {
        return label;
    }
}
