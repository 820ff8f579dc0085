package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The IPv4 header of a RoCEv2 packet (RFC 791), always 20 bytes: RoCEv2 senders use no options, and a received
 * packet with options is not taken for RoCE here.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |Version|  IHL  |    DSCP   |ECN|          Total Length         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |         Identification        |R|D|M|    Fragment Offset      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |  Time to Live |  Protocol (17)|        Header Checksum        |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        Source Address                         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Destination Address                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   Version 4, IHL 5; D = Don't Fragment, set: RoCEv2 packets are never fragmented.
 * </pre>
 * The ICRC masks the DSCP/ECN byte, the TTL and the checksum (they may change hop by hop); see {@link Icrc}.
 */
public final class Ipv4Header
{
    public static final int VERSION_IHL_OFFSET = 0;
    public static final int TOS_OFFSET = 1;
    public static final int TOTAL_LENGTH_OFFSET = 2;
    public static final int IDENTIFICATION_OFFSET = 4;
    public static final int FLAGS_FRAGMENT_OFFSET = 6;
    public static final int TTL_OFFSET = 8;
    public static final int PROTOCOL_OFFSET = 9;
    public static final int CHECKSUM_OFFSET = 10;
    public static final int SOURCE_OFFSET = 12;
    public static final int DESTINATION_OFFSET = 16;
    public static final int LENGTH = 20;

    /** Version 4, header length 5 words. */
    public static final int VERSION_IHL = 0x45;
    /** Flags and fragment offset: Don't Fragment, offset 0. */
    public static final int DONT_FRAGMENT = 0x4000;
    public static final int PROTOCOL_UDP = 17;

    private Ipv4Header()
    {
    }

    /**
     * Writes a 20-byte header with the Don't Fragment flag and its checksum.
     *
     * @param tos the DSCP (high six bits) and ECN (low two bits) byte.
     */
    public static void put(
        final MutableDirectBuffer buffer,
        final int offset,
        final int tos,
        final int totalLength,
        final int identification,
        final int ttl,
        final int protocol,
        final int source,
        final int destination)
    {
        buffer.putByte(offset + VERSION_IHL_OFFSET, (byte)VERSION_IHL);
        buffer.putByte(offset + TOS_OFFSET, (byte)tos);
        buffer.putShort(offset + TOTAL_LENGTH_OFFSET, (short)totalLength, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + IDENTIFICATION_OFFSET, (short)identification, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + FLAGS_FRAGMENT_OFFSET, (short)DONT_FRAGMENT, ByteOrder.BIG_ENDIAN);
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        buffer.putByte(offset + PROTOCOL_OFFSET, (byte)protocol);
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)0);
        buffer.putInt(offset + SOURCE_OFFSET, source, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + DESTINATION_OFFSET, destination, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum(buffer, offset), ByteOrder.BIG_ENDIAN);
    }

    /**
     * The Internet checksum (RFC 1071) of the 20-byte header as it stands: the one's complement of the one's
     * complement sum of its 16-bit words. Written into a header whose checksum field is 0 it makes the header valid;
     * over a valid header it is 0.
     */
    public static int checksum(final DirectBuffer buffer, final int offset)
    {
        int sum = 0;
        for (int i = 0; i < LENGTH; i += 2)
        {
            sum += buffer.getShort(offset + i, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        }
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }

    public static int versionIhl(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + VERSION_IHL_OFFSET) & 0xFF;
    }

    public static int tos(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TOS_OFFSET) & 0xFF;
    }

    public static int totalLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + TOTAL_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int identification(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + IDENTIFICATION_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int flagsFragment(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + FLAGS_FRAGMENT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int ttl(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    public static int protocol(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + PROTOCOL_OFFSET) & 0xFF;
    }

    public static int source(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    public static int destination(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
    }
}
