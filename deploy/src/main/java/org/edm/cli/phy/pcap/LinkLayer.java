package org.edm.cli.phy.pcap;

/**
 * Takes the link-layer header of a capture's link type off a record and gives the packet as an {@link EthernetFrame}.
 * <pre>
 *   Ethernet (1):            the record is the frame
 *   Linux cooked v1 (113):   | type 2 | ARPHRD 2 | addr len 2 | address 8 | protocol 2 | payload ...
 *   Linux cooked v2 (276):   | protocol 2 | reserved 2 | ifindex 4 | ARPHRD 2 | type 1 | addr len 1 | address 8 | ...
 * </pre>
 * A cooked header keeps only the source link-layer address and the protocol (the EtherType); the Ethernet header is
 * rebuilt from them, with the destination unknown.
 */
public final class LinkLayer
{
    private static final int SLL_HEADER_LENGTH = 16;
    private static final int SLL2_HEADER_LENGTH = 20;

    private LinkLayer()
    {
    }

    /** Whether records of {@code linkType} can be read. */
    public static boolean isSupported(final int linkType)
    {
        return linkType == PcapReader.LINKTYPE_ETHERNET || linkType == PcapReader.LINKTYPE_LINUX_SLL ||
            linkType == PcapReader.LINKTYPE_LINUX_SLL2;
    }

    /** A name for a link type in messages. */
    public static String name(final int linkType)
    {
        return switch (linkType)
        {
            case PcapReader.LINKTYPE_ETHERNET -> "Ethernet";
            case PcapReader.LINKTYPE_LINUX_SLL -> "Linux cooked capture";
            case PcapReader.LINKTYPE_LINUX_SLL2 -> "Linux cooked capture v2";
            case 0 -> "BSD loopback";
            case 101 -> "raw IP";
            case 105 -> "IEEE 802.11";
            case 127 -> "IEEE 802.11 radiotap";
            default -> "link type " + linkType;
        };
    }

    /**
     * The record's packet as an Ethernet frame.
     *
     * @return the frame, or null when the record is too short for its link-layer header.
     */
    public static EthernetFrame ethernet(final int linkType, final byte[] data)
    {
        return switch (linkType)
        {
            case PcapReader.LINKTYPE_ETHERNET ->
                data.length < EthernetFrame.HEADER_LENGTH ? null : new EthernetFrame(data, true);
            case PcapReader.LINKTYPE_LINUX_SLL -> data.length < SLL_HEADER_LENGTH ? null :
                cooked(data, SLL_HEADER_LENGTH, ((data[4] & 0xFF) << 8) | (data[5] & 0xFF), 6, 14);
            case PcapReader.LINKTYPE_LINUX_SLL2 -> data.length < SLL2_HEADER_LENGTH ? null :
                cooked(data, SLL2_HEADER_LENGTH, data[11] & 0xFF, 12, 0);
            default -> throw new IllegalArgumentException("linkType=" + linkType + " is not supported");
        };
    }

    private static EthernetFrame cooked(
        final byte[] data, final int headerLength, final int addressLength, final int addressOffset,
        final int protocolOffset)
    {
        final byte[] frame = new byte[EthernetFrame.HEADER_LENGTH + data.length - headerLength];
        System.arraycopy(data, addressOffset, frame, 6, Math.min(6, Math.min(addressLength, 8)));
        frame[12] = data[protocolOffset];
        frame[13] = data[protocolOffset + 1];
        System.arraycopy(data, headerLength, frame, EthernetFrame.HEADER_LENGTH, data.length - headerLength);
        return new EthernetFrame(frame, false);
    }
}
