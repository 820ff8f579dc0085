package org.edm.sim;

import java.util.Locale;

/**
 * Which of its ready messages a host sends first (edm-protocol §8 A19).
 */
public enum HostOrder
{
    /**
     * The reference netsim's order ({@code cmp_flow}, {@code edm.c:989-1029}): by state (granted, then waiting to
     * notify, then network, then waiting for a grant), then RREQs first, then writes and responses with the fewest
     * remaining bytes, then the earliest arrival.
     */
    NETSIM("netsim"),
    /** The host RTL's order ({@code buf_mon.v:60-69}): read responses above requests. */
    RTL("rtl");

    private final String label;

    HostOrder(final String label)
    {
        this.label = label;
    }

    /** "netsim" or "rtl". */
    public String label()
    {
        return label;
    }

    /** Parses "netsim" or "rtl"; the message names {@code --host-order} otherwise. */
    public static HostOrder parse(final String text)
    {
        for (final HostOrder order : values())
        {
            if (order.label.equals(text.strip().toLowerCase(Locale.ROOT)))
            {
                return order;
            }
        }
        throw new IllegalArgumentException("--host-order=" + text + " is not one of netsim, rtl");
    }
}
