package org.edm.cli.phy.pcap;

/**
 * A captured packet seen as an Ethernet frame: {@code frame} starts with a 14-byte Ethernet header (destination MAC,
 * source MAC, EtherType), so that code written for Ethernet (such as the carrier frame accessors) reads it at offset 0
 * whatever the capture's link type was.
 *
 * @param destinationKnown false for a Linux cooked capture, which records only the source address; the destination
 *                         bytes of {@code frame} are then zero.
 */
public record EthernetFrame(byte[] frame, boolean destinationKnown)
{
    /** Length of the Ethernet header: two MAC addresses and the EtherType. */
    public static final int HEADER_LENGTH = 14;

    public long destination()
    {
        return mac(0);
    }

    public long source()
    {
        return mac(6);
    }

    public int etherType()
    {
        return ((frame[12] & 0xFF) << 8) | (frame[13] & 0xFF);
    }

    /** A MAC address in the usual notation, {@code 02:00:00:00:00:01}. */
    public static String macText(final long mac)
    {
        final StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            text.append(String.format("%02x", (mac >>> shift) & 0xFF));
            if (shift > 0)
            {
                text.append(':');
            }
        }
        return text.toString();
    }

    private long mac(final int offset)
    {
        long mac = 0;
        for (int i = 0; i < 6; i++)
        {
            mac = (mac << 8) | (frame[offset + i] & 0xFF);
        }
        return mac;
    }
}
