package org.edm.phy.host;

/**
 * The order in which a host puts its memory blocks on the link (edm-protocol §4.4, §8 A19). In both, blocks of messages
 * that hold a grant go before NOTIFs and not-yet-started requests, and within a rank the message with the fewest
 * remaining blocks, then the earliest, goes first.
 */
public enum HostOrder
{
    /** The reference simulator's order, the default: read requests (and ACKs) before writes and responses. */
    NETSIM,
    /** The prototype RTL's order: responses (and ACKs) before requests. */
    RTL,
    /** The reference's IRD baseline: no rule by class, shortest remaining first, then earliest (edm-protocol §5.2). */
    SRPT;

    /** The name used on command lines and in reports: "netsim", "rtl" or "srpt". */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static HostOrder parse(final String name)
    {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT))
        {
            case "netsim" -> NETSIM;
            case "rtl" -> RTL;
            case "srpt" -> SRPT;
            default -> throw new IllegalArgumentException("host order=" + name + " is not one of netsim, rtl, srpt");
        };
    }
}
