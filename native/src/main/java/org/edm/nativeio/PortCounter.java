package org.edm.nativeio;

/**
 * The counters every {@link FramePort} keeps, with stable ids (their slot in {@link PortCounters}) and labels that
 * the agents expose unchanged.
 */
public enum PortCounter
{
    /** Frames handed to a {@link FrameHandler}. */
    FRAMES_IN(0, "frames received"),
    /** Bytes of the frames handed to a {@link FrameHandler} (Ethernet header included, no FCS). */
    BYTES_IN(1, "bytes received"),
    /** Frames the kernel or the peer accepted from this port. */
    FRAMES_OUT(2, "frames sent"),
    /** Bytes of the frames counted by {@link #FRAMES_OUT}. */
    BYTES_OUT(3, "bytes sent"),
    /**
     * Frames lost on the receive side because this port did not drain fast enough: the kernel's count for an RX ring
     * ({@code tp_drops}) or a socket ({@code SO_RXQ_OVFL}), or frames that did not fit a receive slot.
     */
    DROPS(4, "frames dropped"),
    /** Times a claim, flush or send met a full ring or buffer and reported {@code BACK_PRESSURED}. */
    RING_FULL(5, "ring-full events"),
    /** Failed system calls and malformed frames; the last errno is kept by the port. */
    ERRORS(6, "errors"),
    /** Received frames of a foreign EtherType discarded in user space (kernel-filtered ones are never seen). */
    FILTERED(7, "frames filtered");

    /** Number of counters, i.e. slots a {@link PortCounters} needs. */
    public static final int COUNT = values().length;

    private final int id;
    private final String label;

    PortCounter(final int id, final String label)
    {
        this.id = id;
        this.label = label;
    }

    public int id()
    {
        return id;
    }

    public String label()
    {
        return label;
    }
}
