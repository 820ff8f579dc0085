package org.edm.nativeio;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * One end of a link that carries raw Ethernet frames: the only interface the agents use to move frames, whatever
 * moves them (an mmap'd AF_PACKET ring, a kernel UDP socket, an in-process ring).
 *
 * <h2>Receiving</h2>
 * {@link #poll(FrameHandler, int)} hands up to {@code limit} received frames to a handler, in arrival order, as views
 * valid only during the callback (zero-copy where the backend allows: for AF_PACKET the view is the TPACKET_V2 slot,
 * handed back to the kernel when the handler returns). Only frames of the port's EtherType are delivered
 * ({@link PortOptions#etherType(int)}, 0x88B5 by default); others are filtered by the kernel or, where it cannot,
 * counted as {@link PortCounter#FILTERED} and skipped.
 *
 * <h2>Sending</h2>
 * A frame is staged with {@link #tryClaim(int)}, which returns an offset in {@link #txBuffer()} where the caller writes
 * the whole frame (Ethernet header first, no FCS), then {@link #commit(int)}; {@link #flush()} sends every committed
 * frame with one system call or one TX-ring kick. At most one claim is open at a time. {@link #send} stages a copy and
 * flushes at once.
 *
 * <h2>Return codes</h2>
 * The data path ({@code poll}, {@code tryClaim}, {@code commit}, {@code abort}, {@code flush}, {@code offer},
 * {@code send}) does not allocate, lock, log or throw: a negative result is one of the {@link PortStatus} codes.
 *
 * <h2>Threads</h2>
 * A port is used by one thread at a time (the agent that owns it), including {@link #close()}: closing unmaps the
 * rings, so no other thread may be inside a data-path call then. {@link #counters()} may be read from any thread.
 */
public interface FramePort extends AutoCloseable
{
    /** Ethernet header length: destination MAC, source MAC, EtherType. */
    int ETHERNET_HEADER_LENGTH = 14;

    /** Offset of the EtherType in a frame (big-endian). */
    int ETHER_TYPE_OFFSET = 12;

    /** The EtherType of EDM carrier frames (IEEE local experimental EtherType 1). */
    int EDM_ETHER_TYPE = 0x88B5;

    /** Default MTU of a port: the longest frame without FCS on a 1500-byte Ethernet link. */
    int DEFAULT_MTU = 1514;

    /** A name for logs: the backend and its endpoint, e.g. {@code af_packet:edm0@edm-r0-h0}. */
    String name();

    /** Longest frame, in bytes without FCS, that this port sends or receives. */
    int mtu();

    /**
     * Delivers up to {@code limit} received frames to {@code handler}.
     *
     * @return the number of frames delivered (0 when none waited), or {@link PortStatus#CLOSED} or
     * {@link PortStatus#ERROR}.
     */
    int poll(FrameHandler handler, int limit);

    /** The buffer the offsets returned by {@link #tryClaim(int)} point into. The same object for the port's life. */
    MutableDirectBuffer txBuffer();

    /**
     * Reserves room for one frame of up to {@code length} bytes.
     *
     * @return the offset in {@link #txBuffer()} of the frame's first byte, or {@link PortStatus#BACK_PRESSURED},
     * {@link PortStatus#TOO_LONG}, {@link PortStatus#TOO_SHORT}, {@link PortStatus#NOT_CLAIMED} (a claim is already
     * open) or {@link PortStatus#CLOSED}.
     */
    int tryClaim(int length);

    /**
     * Commits the open claim as a frame of {@code length} bytes (at most the claimed length, at least 14); it is sent
     * by the next {@link #flush()}.
     *
     * @return 0, or {@link PortStatus#NOT_CLAIMED}, {@link PortStatus#TOO_SHORT} or {@link PortStatus#CLOSED}.
     */
    int commit(int length);

    /** Drops the open claim. @return 0, or {@link PortStatus#NOT_CLAIMED} or {@link PortStatus#CLOSED}. */
    int abort();

    /**
     * Sends every committed frame with one system call (or one TX-ring kick). Frames the kernel did not take stay
     * staged, in order, for the next flush.
     *
     * @return the number of frames sent now (0 when none was staged), or {@link PortStatus#BACK_PRESSURED} when
     * frames were staged but none could go, {@link PortStatus#ERROR} or {@link PortStatus#CLOSED}.
     */
    int flush();

    /** Frames committed and not yet taken by a {@link #flush()}. */
    int pendingFrames();

    /**
     * Stages a copy of a frame: {@code tryClaim}, copy, {@code commit}.
     *
     * @return 0, or a negative {@link PortStatus} code from {@link #tryClaim(int)}.
     */
    default int offer(final DirectBuffer frame, final int offset, final int length)
    {
        final int at = tryClaim(length);
        if (at < 0)
        {
            return at;
        }
        txBuffer().putBytes(at, frame, offset, length);
        return commit(length);
    }

    /**
     * Stages a copy of a frame and flushes at once.
     *
     * @return the result of {@link #flush()} (the frames sent now, this one and any staged before it), or a negative
     * {@link PortStatus} code from {@link #tryClaim(int)}; after {@code BACK_PRESSURED} from the flush the frame stays
     * staged and leaves with the next flush.
     */
    default int send(final DirectBuffer frame, final int offset, final int length)
    {
        final int result = offer(frame, offset, length);
        return result < 0 ? result : flush();
    }

    /**
     * Folds counters the kernel keeps by itself into {@link #counters()}: the frames it dropped because this port's
     * ring or socket buffer was full while nobody polled. One system call; call it on a housekeeping cadence (or
     * before reading the counters), not in every duty cycle. Owning thread only.
     *
     * @return 0, or {@link PortStatus#ERROR} or {@link PortStatus#CLOSED}.
     */
    default int updateCounters()
    {
        return isClosed() ? PortStatus.CLOSED : 0;
    }

    /** The counters of this port; readable from any thread. */
    PortCounters counters();

    /** The errno of the last failed system call, 0 if none failed (always 0 for in-memory ports). */
    int lastErrno();

    /** True once {@link #close()} ran. */
    boolean isClosed();

    /** Releases every resource (sockets, mappings, memory); idempotent; owning thread only. */
    void close();
}
