package org.edm.sim;

/**
 * The reference simulator's "expected runtime" of a flow, in slots: the denominator of its slowdown. Both scoring
 * modes use these formulas, so a slowdown means the same thing in either. All arithmetic is integer arithmetic with
 * truncating division, as in the C source ({@code int} fields, {@code int} constants).
 * <p>
 * Symbols, with the reference's values: {@code B} = bytes per block ({@code BLK_SIZE} = 8), {@code P} = propagation
 * per hop in slots (16 = 10 ns at 0.64 ns), {@code C} = grant chunk ({@code CHUNK_SIZE} = 256),
 * {@code D} = switch delay of network packets in slots ({@code per_sw_delay_in_timeslots} = 781 = 500 ns).
 * <pre>
 * RREQ, WREQ  (initialize_flow, edm.c:796-811; netsimu/src/edm.c at b9b8d3f)
 *     t = size/B + 4P                                       (size/8 + 64)
 *     RREQ:  if rreq_bytes > C:  t += rreq_bytes/B + 4P     (an RREQ whose response exceeds one chunk)
 *     WREQ:  t += min(4C, size)/B                           (min(1024, size)/8)
 *     both:  if size > C:  t += 4P                          (+64 for any flow over 256 B)
 * NET  (initialize_flow, edm.c:812-816)
 *     t = size/B + 2P + D                                   (size/8 + 32 + 781)
 * RRESP  (created on the first GRANT at the memory node, edm.c:542-547)
 *     t = size/B + 2P                                       (size/8 + 32)
 *     if size > C:  t += (size/C + 1)*C/B + t_RREQ - size/B
 *         where t_RREQ is the ideal of the read's RREQ above; evaluated left to right:
 *         ((size/C + 1) * C) / B. For size > C the RRESP's ideal thus covers the whole read
 *         (request, chunked response), for size <= C only the response's own transfer.
 * </pre>
 * Every term is determined by the source; none is guessed. The reference's RREQ size is 16 B, so
 * {@code t_RREQ = 2 + 64 (+ rreq_bytes/8 + 64 when rreq_bytes > 256)}. Worked examples at the reference's constants:
 * a 64 B WREQ: 8 + 64 + 8 = 80; a 64 B read: RREQ 66, RRESP 8 + 32 = 40; a 5840 B read: RREQ 2 + 64 + 730 + 64 = 860,
 * RRESP 730 + 32 + 23*32 + 860 - 730 = 1628.
 * <p>
 * With other parameters (7-byte blocks, 25 Gb/s, other chunk sizes) the same formulas are evaluated with those
 * values; only the netsim-compatible preset reproduces the reference's numbers.
 */
public final class IdealFct
{
    /** The reference's constants: 8-byte blocks, 16-slot hops, 256-byte chunks, 781-slot network switch delay. */
    public static final IdealFct NETSIM = new IdealFct(8, 16, 256, 781);

    private final int blockBytes;
    private final long propagationSlots;
    private final int chunkBytes;
    private final long netSwitchDelaySlots;

    /**
     * @param blockBytes          bytes per block (B).
     * @param propagationSlots    propagation per hop in slots (P).
     * @param chunkBytes          grant chunk in bytes (C).
     * @param netSwitchDelaySlots extra switch delay of network packets in slots (D).
     */
    public IdealFct(
        final int blockBytes, final long propagationSlots, final int chunkBytes, final long netSwitchDelaySlots)
    {
        if (blockBytes < 1 || propagationSlots < 0 || chunkBytes < 1 || netSwitchDelaySlots < 0)
        {
            throw new IllegalArgumentException("IdealFct: blockBytes=" + blockBytes + " propagationSlots=" +
                propagationSlots + " chunkBytes=" + chunkBytes + " netSwitchDelaySlots=" + netSwitchDelaySlots +
                " (block and chunk must be >= 1, delays >= 0)");
        }
        this.blockBytes = blockBytes;
        this.propagationSlots = propagationSlots;
        this.chunkBytes = chunkBytes;
        this.netSwitchDelaySlots = netSwitchDelaySlots;
    }

    /** The ideal FCT of an RREQ of {@code sizeBytes} that reads back {@code rreqBytes}. */
    public long request(final long sizeBytes, final long rreqBytes)
    {
        long t = sizeBytes / blockBytes + 4 * propagationSlots;
        if (rreqBytes > chunkBytes)
        {
            t += rreqBytes / blockBytes + 4 * propagationSlots;
        }
        if (sizeBytes > chunkBytes)
        {
            t += 4 * propagationSlots;
        }
        return t;
    }

    /** The ideal FCT of a WREQ of {@code sizeBytes}. */
    public long write(final long sizeBytes)
    {
        long t = sizeBytes / blockBytes + 4 * propagationSlots;
        t += Math.min(4L * chunkBytes, sizeBytes) / blockBytes;
        if (sizeBytes > chunkBytes)
        {
            t += 4 * propagationSlots;
        }
        return t;
    }

    /** The ideal FCT of a network flow of {@code sizeBytes}. */
    public long network(final long sizeBytes)
    {
        return sizeBytes / blockBytes + 2 * propagationSlots + netSwitchDelaySlots;
    }

    /**
     * The ideal FCT of a read response of {@code sizeBytes} whose RREQ has the ideal {@code requestIdeal}
     * ({@link #request(long, long)}).
     */
    public long response(final long sizeBytes, final long requestIdeal)
    {
        long t = sizeBytes / blockBytes + 2 * propagationSlots;
        if (sizeBytes > chunkBytes)
        {
            t += (sizeBytes / chunkBytes + 1) * chunkBytes / blockBytes + requestIdeal - sizeBytes / blockBytes;
        }
        return t;
    }

    /** The ideal FCT of row {@code i} of {@code flows} (an RREQ, WREQ or NET flow). */
    public long ofFlow(final FlowTable flows, final int i)
    {
        return switch (flows.type(i))
        {
            case FlowType.RREQ -> request(flows.sizeBytes(i), flows.rreqBytes(i));
            case FlowType.WREQ -> write(flows.sizeBytes(i));
            case FlowType.NET -> network(flows.sizeBytes(i));
            default -> throw new IllegalArgumentException("flow row " + i + " has type " + flows.type(i));
        };
    }

    /** The ideal FCT of the response to read row {@code i} of {@code flows}. */
    public long ofResponse(final FlowTable flows, final int i)
    {
        return response(flows.rreqBytes(i), request(flows.sizeBytes(i), flows.rreqBytes(i)));
    }

    public String toString()
    {
        return "IdealFct{blockBytes=" + blockBytes + ", propagationSlots=" + propagationSlots + ", chunkBytes=" +
            chunkBytes + ", netSwitchDelaySlots=" + netSwitchDelaySlots + "}";
    }
}
