package org.edm.phy.timing;

/**
 * Line rates the fabric models, with the time of one 66-bit block slot: 66 bits at the line's baud rate
 * (25GBASE-R: 25.78125 GBd, one block per 2.56 ns, 390.625 M blocks/s; 100 Gb/s: four such lanes, 0.64 ns per block,
 * the reference simulator's slot of "8 bytes at 100 Gb/s").
 */
public enum LinkSpeed
{
    G25(2.56, 25),
    G100(0.64, 100);

    private final double blockNanos;
    private final int gbps;

    LinkSpeed(final double blockNanos, final int gbps)
    {
        this.blockNanos = blockNanos;
        this.gbps = gbps;
    }

    /** The nominal rate in Gb/s. */
    public int gbps()
    {
        return gbps;
    }

    /** Same as {@link #blockNanos()}: the simulator's slot is one block. */
    public double slotNanos()
    {
        return blockNanos;
    }

    /** Nanoseconds per block slot. */
    public double blockNanos()
    {
        return blockNanos;
    }

    /** Block slots per second. */
    public double blocksPerSecond()
    {
        return 1e9 / blockNanos;
    }

    /** Payload bits per second when every slot carries 8 data bytes. */
    public double bitsPerSecond()
    {
        return blocksPerSecond() * 64;
    }

    public static LinkSpeed parse(final String text)
    {
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT))
        {
            case "25G", "25" -> G25;
            case "100G", "100" -> G100;
            default -> throw new IllegalArgumentException("speed=" + text + " is not one of 25G, 100G");
        };
    }

    public String label()
    {
        return this == G25 ? "25G" : "100G";
    }
}
