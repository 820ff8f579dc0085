package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The UDP header of a RoCEv2 packet (RFC 768). The destination port is always {@link #ROCE_V2_PORT}; the source
 * port carries flow entropy for ECMP (derived from the queue pair here) and the checksum is 0, which RoCEv2 allows
 * over IPv4: the ICRC protects the packet end to end instead.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |          Source Port          |    Destination Port (4791)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |      Length (8 + payload)     |         Checksum (0)          |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 */
public final class UdpHeader
{
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int DESTINATION_PORT_OFFSET = 2;
    public static final int LENGTH_OFFSET = 4;
    public static final int CHECKSUM_OFFSET = 6;
    public static final int LENGTH = 8;

    /** The IANA port of RoCEv2. */
    public static final int ROCE_V2_PORT = 4791;

    private UdpHeader()
    {
    }

    public static void put(
        final MutableDirectBuffer buffer,
        final int offset,
        final int sourcePort,
        final int destinationPort,
        final int length,
        final int checksum)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)sourcePort, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + DESTINATION_PORT_OFFSET, (short)destinationPort, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + LENGTH_OFFSET, (short)length, ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, ByteOrder.BIG_ENDIAN);
    }

    public static int sourcePort(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int destinationPort(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + DESTINATION_PORT_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int length(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static int checksum(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }
}
