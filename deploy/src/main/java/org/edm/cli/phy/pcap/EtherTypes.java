package org.edm.cli.phy.pcap;

/** Short names of the EtherTypes a capture is likely to hold, for counting what a tool skipped. */
public final class EtherTypes
{
    /** Values below this are an IEEE 802.3 length, not an EtherType. */
    private static final int FIRST_ETHER_TYPE = 0x0600;

    private EtherTypes()
    {
    }

    /** A name such as {@code IPv4}, {@code ARP}, {@code 802.3/LLC} or {@code EtherType 0x1234}. */
    public static String name(final int etherType)
    {
        if (etherType < FIRST_ETHER_TYPE)
        {
            return "802.3/LLC";
        }
        return switch (etherType)
        {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x86DD -> "IPv6";
            case 0x8100 -> "VLAN";
            case 0x88A8 -> "QinQ";
            case 0x8847, 0x8848 -> "MPLS";
            case 0x8808 -> "Ethernet flow control";
            case 0x888E -> "EAPOL";
            case 0x88CC -> "LLDP";
            case 0x88E5 -> "MACsec";
            case 0x88F7 -> "PTP";
            case 0x88B5 -> "EDM carrier";
            case 0x88B6 -> "local experimental 2";
            case 0x8915 -> "RoCE";
            default -> String.format("EtherType 0x%04X", etherType);
        };
    }
}
