package org.edm.phy.sw;

import org.edm.phy.link.MacBlockFraming;

/**
 * Settings of the switch's L2 path ({@link L2Switch}): the ordinary-frame side of an EDM switch, which forwards MAC
 * frames below memory traffic.
 *
 * @param ports          switch ports (the same as the memory side's).
 * @param maxFrameLength largest frame forwarded, without FCS (1514 for a standard MTU); longer ones are dropped.
 * @param queueFrames    frames each egress port holds at most (rounded up to a power of two); beyond that, tail drop.
 * @param macEntries     addresses the learning table holds at most.
 * @param agingSlots     slots after which a learned address not seen again is forgotten; {@link Long#MAX_VALUE}:
 *                       never.
 * @param latencySlots   the L2 pipeline latency: a frame received whole in slot t may start leaving in slot
 *                       t + latencySlots at the earliest (0 allowed: the next slot the egress runs). The reference
 *                       simulator charges 500 ns, 781 slots at 100G ({@link #REFERENCE_LATENCY_SLOTS}).
 */
public record L2Config(
    int ports,
    int maxFrameLength,
    int queueFrames,
    int macEntries,
    long agingSlots,
    long latencySlots)
{
    /** The reference simulator's L2 pipeline delay: 500 ns at 100G, slots of 0.64 ns ({@code edm.c:10}). */
    public static final long REFERENCE_LATENCY_SLOTS = 781;
    /** 300 s, the usual bridge aging time (IEEE 802.1D), in slots of 0.64 ns (100G). */
    public static final long DEFAULT_AGING_SLOTS = 468_750_000_000L;
    /** Frames per egress port by default: 64 full-size frames, about 98 KB. */
    public static final int DEFAULT_QUEUE_FRAMES = 64;
    /** Learning table entries by default. */
    public static final int DEFAULT_MAC_ENTRIES = 4096;

    public L2Config
    {
        if (ports < 1)
        {
            throw new IllegalArgumentException("ports=" + ports + " must be >= 1");
        }
        if (maxFrameLength < MacBlockFraming.MIN_FRAME_LENGTH || maxFrameLength > MacBlockFraming.MAX_MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength=" + maxFrameLength + " outside " +
                MacBlockFraming.MIN_FRAME_LENGTH + ".." + MacBlockFraming.MAX_MAX_FRAME_LENGTH);
        }
        if (queueFrames < 1 || queueFrames > (1 << 16))
        {
            throw new IllegalArgumentException("queueFrames=" + queueFrames + " outside 1.." + (1 << 16));
        }
        if (macEntries < 1 || macEntries > (1 << 24))
        {
            throw new IllegalArgumentException("macEntries=" + macEntries + " outside 1.." + (1 << 24));
        }
        if (agingSlots < 1)
        {
            throw new IllegalArgumentException("agingSlots=" + agingSlots + " must be >= 1");
        }
        if (latencySlots < 0)
        {
            throw new IllegalArgumentException("latencySlots=" + latencySlots + " must be >= 0");
        }
    }

    /** Standard MTU, 64-frame queues, 4096 addresses, 300 s aging, the reference's 781-slot latency. */
    public static L2Config defaults(final int ports)
    {
        return new L2Config(ports, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, DEFAULT_QUEUE_FRAMES, DEFAULT_MAC_ENTRIES,
            DEFAULT_AGING_SLOTS, REFERENCE_LATENCY_SLOTS);
    }

    /** The same with another L2 latency. */
    public L2Config withLatencySlots(final long slots)
    {
        return new L2Config(ports, maxFrameLength, queueFrames, macEntries, agingSlots, slots);
    }

    /** The same with another egress queue length (frames per port). */
    public L2Config withQueueFrames(final int frames)
    {
        return new L2Config(ports, maxFrameLength, frames, macEntries, agingSlots, latencySlots);
    }

    /** The same with another aging time. */
    public L2Config withAgingSlots(final long slots)
    {
        return new L2Config(ports, maxFrameLength, queueFrames, macEntries, slots, latencySlots);
    }

    /** The same with other egress queue and table sizes. */
    public L2Config withCapacity(final int frames, final int entries)
    {
        return new L2Config(ports, maxFrameLength, frames, entries, agingSlots, latencySlots);
    }
}
