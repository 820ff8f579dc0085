package org.edm.sim;

/** The classes the summary reports, in report order. */
public enum MessageClass
{
    /** Reads: RREQ and, depending on the {@link ScoringMode}, their responses. */
    READ("read"),
    /** Writes (WREQ). */
    WRITE("write"),
    /** Network (MAC frame) flows. */
    NETWORK("network"),
    /** Every sample of the three classes above. */
    ALL("all");

    private final String label;

    MessageClass(final String label)
    {
        this.label = label;
    }

    /** The name used in reports. */
    public String label()
    {
        return label;
    }

    /** The class of a row of {@link FlowType} {@code type}. */
    static MessageClass ofType(final int type)
    {
        return switch (type)
        {
            case FlowType.RREQ, FlowType.RRESP -> READ;
            case FlowType.WREQ -> WRITE;
            case FlowType.NET -> NETWORK;
            default -> throw new IllegalArgumentException("no message class for type " + type);
        };
    }
}
