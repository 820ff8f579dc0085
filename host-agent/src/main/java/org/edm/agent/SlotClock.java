package org.edm.agent;

/**
 * Turns wall-clock time into block slots of an emulated PHY line rate (architecture.md §3). A block slot is the time
 * of 64 payload bits at the rate: 2.56 ns at 25 Gb/s, 6.4 ns at 10 Gb/s, 64 ns at 1 Gb/s. An agent never lets its
 * slot counter run ahead of {@link #slotAt(long)}, and sends at most one block per slot and port, so its ports never
 * emit faster than the rate; when the software falls behind, the counter lags and the link is simply slower.
 */
public final class SlotClock
{
    private final double gbps;
    private final double slotNanos;
    private final long epochNanos;

    /**
     * @param gbps       the emulated line rate in Gb/s (payload rate: 64 bits per slot).
     * @param epochNanos the nanoTime that is slot 0.
     */
    public SlotClock(final double gbps, final long epochNanos)
    {
        if (!(gbps > 0 && gbps <= 1000))
        {
            throw new IllegalArgumentException("line rate=" + gbps + " Gb/s outside (0, 1000]");
        }
        this.gbps = gbps;
        this.slotNanos = slotNanos(gbps);
        this.epochNanos = epochNanos;
    }

    /** The emulated rate in Gb/s. */
    public double gbps()
    {
        return gbps;
    }

    /** Nanoseconds per block slot at {@code gbps}: 64 payload bits per slot. */
    public static double slotNanos(final double gbps)
    {
        return 64.0 / gbps;
    }

    /** Nanoseconds per block slot. */
    public double slotNanos()
    {
        return slotNanos;
    }

    /** The slot that wall-clock time {@code nanoTime} falls in. */
    public long slotAt(final long nanoTime)
    {
        return (long)((nanoTime - epochNanos) / slotNanos);
    }

    /** Nanoseconds of {@code slots} slots. */
    public double nanos(final long slots)
    {
        return slots * slotNanos;
    }
}
