package org.edm.phy.mem;

/**
 * How a remote-memory request ended. The codes below 16 travel on the wire in an {@link AckBlock}; the others are
 * decided at the requester and never cross the fabric.
 */
public final class CompletionStatus
{
    public static final int SUCCESS = 0;
    /** No region with that key at the memory node. */
    public static final int BAD_KEY = 1;
    /** Address plus length leaves the region. */
    public static final int OUT_OF_BOUNDS = 2;
    /** Zero length, or longer than the fabric's maximum message. */
    public static final int BAD_LENGTH = 3;
    /** The destination is not a node of this fabric. */
    public static final int UNKNOWN_NODE = 4;
    /** The request arrived malformed (blocks missing or out of order) and was dropped. */
    public static final int MALFORMED = 5;
    /** The memory node could not take the request (too many in progress). */
    public static final int NO_RESOURCES = 6;

    /** Local only: no completion arrived within the request timeout (blocks were lost). */
    public static final int TIMEOUT = 16;
    /** Local only: the agent is closing. */
    public static final int CANCELLED = 17;
    /** Local only: the request queue was full. */
    public static final int BACK_PRESSURED = 18;

    private CompletionStatus()
    {
    }

    public static String name(final int status)
    {
        return switch (status)
        {
            case SUCCESS -> "success";
            case BAD_KEY -> "bad-key";
            case OUT_OF_BOUNDS -> "out-of-bounds";
            case BAD_LENGTH -> "bad-length";
            case UNKNOWN_NODE -> "unknown-node";
            case MALFORMED -> "malformed";
            case NO_RESOURCES -> "no-resources";
            case TIMEOUT -> "timeout";
            case CANCELLED -> "cancelled";
            case BACK_PRESSURED -> "back-pressured";
            default -> "status-" + status;
        };
    }

    /** Whether the status fits in an ACK block's 4-bit field. */
    public static boolean isWireCode(final int status)
    {
        return status >= 0 && status < 16;
    }
}
