package org.edm.sim;

/**
 * The link speeds the simulator models. A slot is one 64-bit block time: 64 bits / rate, i.e. 0.64 ns at 100 Gb/s
 * (the reference netsim, {@code edm.c:963}) and 2.56 ns at 25 Gb/s (the FPGA testbed and hwsimu's cycle).
 */
public enum LinkSpeed
{
    /** 25 Gb/s: 2.56 ns slots. */
    G25("25G", 25),
    /** 100 Gb/s: 0.64 ns slots. */
    G100("100G", 100);

    private final String label;
    private final int gbps;

    LinkSpeed(final String label, final int gbps)
    {
        this.label = label;
        this.gbps = gbps;
    }

    /** "25G" or "100G". */
    public String label()
    {
        return label;
    }

    /** Line rate in Gb/s. */
    public int gbps()
    {
        return gbps;
    }

    /** Slot length in ns: 64 / rate in Gb/s. */
    public double slotNanos()
    {
        return 64.0 / gbps;
    }

    /** Parses "25G" or "100G" (case-insensitive, the G optional); the message names {@code --speed} otherwise. */
    public static LinkSpeed parse(final String text)
    {
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT))
        {
            case "25G", "25" -> G25;
            case "100G", "100" -> G100;
            default -> throw new IllegalArgumentException("--speed=" + text + " is not one of 25G, 100G");
        };
    }
}
