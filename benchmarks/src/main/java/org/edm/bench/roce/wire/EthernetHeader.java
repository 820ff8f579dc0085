package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The Ethernet II header of a RoCEv2 frame, as Linux AF_PACKET shows it: no preamble, no VLAN tag, no FCS (the MAC
 * adds the FCS, pads short frames and counts preamble and gap; see {@code MacFrameQueue}).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Destination MAC (48 bits)                  |
 *  +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                               |                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 *  |                      Source MAC (48 bits)                     |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      EtherType (0x0800)       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * MAC addresses are held as the low 48 bits of a {@code long}, most significant byte first on the wire.
 */
public final class EthernetHeader
{
    public static final int DESTINATION_OFFSET = 0;
    public static final int SOURCE_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;
    public static final int LENGTH = 14;

    /** EtherType of IPv4, the network layer of RoCEv2 here. */
    public static final int ETHER_TYPE_IPV4 = 0x0800;

    private EthernetHeader()
    {
    }

    public static void put(
        final MutableDirectBuffer buffer, final int offset, final long destination, final long source,
        final int etherType)
    {
        putMac(buffer, offset + DESTINATION_OFFSET, destination);
        putMac(buffer, offset + SOURCE_OFFSET, source);
        buffer.putShort(offset + ETHER_TYPE_OFFSET, (short)etherType, ByteOrder.BIG_ENDIAN);
    }

    public static long destination(final DirectBuffer buffer, final int offset)
    {
        return mac(buffer, offset + DESTINATION_OFFSET);
    }

    public static long source(final DirectBuffer buffer, final int offset)
    {
        return mac(buffer, offset + SOURCE_OFFSET);
    }

    public static int etherType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    /** Writes the low 48 bits of {@code mac}, most significant byte first. */
    public static void putMac(final MutableDirectBuffer buffer, final int offset, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            buffer.putByte(offset + i, (byte)(mac >>> (40 - 8 * i)));
        }
    }

    public static long mac(final DirectBuffer buffer, final int offset)
    {
        long mac = 0;
        for (int i = 0; i < 6; i++)
        {
            mac = (mac << 8) | (buffer.getByte(offset + i) & 0xFF);
        }
        return mac;
    }
}
