package org.edm.sim;

/**
 * The flow types of the reference trace format (edm-protocol §7.2), with the reference's numeric codes so that a
 * trace or a per-flow CSV means the same thing to this simulator and to the reference netsim.
 * <ul>
 * <li>{@link #RREQ} (1): a read request; the trace's {@code rreq_bytes} is the size read back.</li>
 * <li>{@link #RRESP} (2): a read response. Never in a trace: the simulator creates it at the memory node.</li>
 * <li>{@link #WREQ} (3): a write.</li>
 * <li>{@link #NET} (100): an ordinary network (MAC frame) flow.</li>
 * </ul>
 */
public final class FlowType
{
    /** Read request. */
    public static final int RREQ = 1;
    /** Read response, created by the simulator. */
    public static final int RRESP = 2;
    /** Write request. */
    public static final int WREQ = 3;
    /** Network (MAC frame) flow. */
    public static final int NET = 100;

    private FlowType()
    {
    }

    /** Whether {@code type} may appear in a trace: RREQ, WREQ or NET. */
    public static boolean isTraceType(final int type)
    {
        return type == RREQ || type == WREQ || type == NET;
    }

    /** A short name for messages and reports: "RREQ", "RRESP", "WREQ", "NET" or "type N". */
    public static String name(final int type)
    {
        return switch (type)
        {
            case RREQ -> "RREQ";
            case RRESP -> "RRESP";
            case WREQ -> "WREQ";
            case NET -> "NET";
            default -> "type " + type;
        };
    }
}
