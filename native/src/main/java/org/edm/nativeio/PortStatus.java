package org.edm.nativeio;

/**
 * Return codes of the {@link FramePort} data path, in the style of Aeron's {@code Publication} codes: a non-negative
 * value is a result (an offset or a count), a negative value is one of the constants below. The data path never
 * throws for these conditions.
 */
public final class PortStatus
{
    /**
     * The frame could not be staged or sent now because a ring or queue is full: the local TX ring or staging area
     * (its frames still wait for the kernel), the socket's send buffer, or, for in-memory ports, the peer's receive
     * ring because the peer does not drain. Retry later; the {@code RING_FULL} counter counts these events.
     */
    public static final int BACK_PRESSURED = -1;

    /** The port is closed; nothing more can be sent or received. */
    public static final int CLOSED = -2;

    /** The claimed length is larger than the port's MTU (frame length without FCS). */
    public static final int TOO_LONG = -3;

    /** The claimed length is shorter than an Ethernet header (14 bytes). */
    public static final int TOO_SHORT = -4;

    /**
     * The call does not fit the claim protocol: {@code tryClaim} while a claim is open, {@code commit} or
     * {@code abort} without one, or a commit length larger than the claim.
     */
    public static final int NOT_CLAIMED = -5;

    /**
     * A system call failed for a reason other than back-pressure; {@link FramePort#lastErrno()} holds the errno and
     * the {@code ERRORS} counter counts it.
     */
    public static final int ERROR = -6;

    private PortStatus()
    {
    }

    /** A short upper-case name of a status code, or the number itself for a non-negative value; control plane only. */
    public static String name(final long status)
    {
        if (status >= 0)
        {
            return Long.toString(status);
        }
        return switch ((int)status)
        {
            case BACK_PRESSURED -> "BACK_PRESSURED";
            case CLOSED -> "CLOSED";
            case TOO_LONG -> "TOO_LONG";
            case TOO_SHORT -> "TOO_SHORT";
            case NOT_CLAIMED -> "NOT_CLAIMED";
            case ERROR -> "ERROR";
            default -> "UNKNOWN(" + status + ")";
        };
    }
}
