package org.edm.bench.roce.wire;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * Writes whole RoCEv2 frames of one queue pair: the fixed Ethernet, IPv4 and UDP fields are kept in a 42-byte
 * template made once, and each frame gets its lengths, IPv4 identification and checksum, BTH, padding and ICRC.
 * <pre>
 *   offset 0    14      34     42     54                            54+ext+n   +pad        +4
 *   +---------+-------+------+------+-----------+-----------------+----------+-----------+
 *   | Ethernet| IPv4  | UDP  | BTH  | RETH 16 / | payload n bytes | pad 0..3 | ICRC      |
 *   |   14    |  20   |  8   |  12  | AETH 4 /- |                 | (zeros)  | 4, LE     |
 *   +---------+-------+------+------+-----------+-----------------+----------+-----------+
 *   no FCS: the MAC adds it (frames here are at least 62 bytes, so the MAC never pads them)
 * </pre>
 * Use: {@link #frameLength(int, int)} to claim room, {@link #begin} for the headers up to the BTH, write the
 * extension header and the payload at the offsets it implies ({@link #EXTENSION_OFFSET},
 * {@link #payloadOffset(int)}), then {@link #seal} for the pad and the ICRC. No allocation after construction.
 */
public final class RoceFrameWriter
{
    public static final int IP_OFFSET = EthernetHeader.LENGTH;
    public static final int UDP_OFFSET = IP_OFFSET + Ipv4Header.LENGTH;
    public static final int BTH_OFFSET = UDP_OFFSET + UdpHeader.LENGTH;
    public static final int EXTENSION_OFFSET = BTH_OFFSET + Bth.LENGTH;
    /** Ethernet + IPv4 + UDP + BTH + ICRC: the bytes every RoCEv2 frame has. */
    public static final int FIXED_OVERHEAD = EXTENSION_OFFSET + Icrc.LENGTH;

    private static final int DEFAULT_TTL = 64;

    private final UnsafeBuffer template = new UnsafeBuffer(new byte[UDP_OFFSET + UdpHeader.LENGTH]);
    private final Icrc icrc = new Icrc();
    private final int pkey;
    private final int destinationQp;
    private int identification;

    /**
     * @param tos           DSCP and ECN byte of the IPv4 header.
     * @param sourcePort    UDP source port (flow entropy).
     * @param destinationQp the remote queue pair number, in every BTH.
     */
    public RoceFrameWriter(
        final long sourceMac,
        final long destinationMac,
        final int sourceIp,
        final int destinationIp,
        final int tos,
        final int ttl,
        final int sourcePort,
        final int pkey,
        final int destinationQp)
    {
        EthernetHeader.put(template, 0, destinationMac, sourceMac, EthernetHeader.ETHER_TYPE_IPV4);
        Ipv4Header.put(template, IP_OFFSET, tos, 0, 0, ttl, Ipv4Header.PROTOCOL_UDP, sourceIp, destinationIp);
        UdpHeader.put(template, UDP_OFFSET, sourcePort, UdpHeader.ROCE_V2_PORT, 0, 0);
        this.pkey = pkey;
        this.destinationQp = destinationQp;
    }

    /** A writer with TTL 64 and TOS 0. */
    public RoceFrameWriter(
        final long sourceMac, final long destinationMac, final int sourceIp, final int destinationIp,
        final int sourcePort, final int pkey, final int destinationQp)
    {
        this(sourceMac, destinationMac, sourceIp, destinationIp, 0, DEFAULT_TTL, sourcePort, pkey, destinationQp);
    }

    /** Bytes of padding after {@code payloadLength} bytes of payload. */
    public static int padCount(final int payloadLength)
    {
        return -payloadLength & 3;
    }

    /** The whole frame's length (no FCS) for an opcode and payload length. */
    public static int frameLength(final int opcode, final int payloadLength)
    {
        return FIXED_OVERHEAD + RoceOpcodes.extensionLength(opcode) + payloadLength + padCount(payloadLength);
    }

    /** Offset of the payload from the frame's start. */
    public static int payloadOffset(final int opcode)
    {
        return EXTENSION_OFFSET + RoceOpcodes.extensionLength(opcode);
    }

    /** Sets the next IPv4 identification (it counts up by one per frame). */
    public void identification(final int next)
    {
        identification = next & 0xFFFF;
    }

    /**
     * Writes Ethernet, IPv4 (with its checksum), UDP and BTH of a frame at {@code offset}.
     */
    public void begin(
        final MutableDirectBuffer buffer,
        final int offset,
        final int opcode,
        final int psn,
        final boolean ackRequest,
        final int payloadLength)
    {
        final int frameLength = frameLength(opcode, payloadLength);
        buffer.putBytes(offset, template, 0, BTH_OFFSET);
        final int ip = offset + IP_OFFSET;
        final int ipLength = frameLength - EthernetHeader.LENGTH;
        buffer.putShort(ip + Ipv4Header.TOTAL_LENGTH_OFFSET, (short)ipLength, ByteOrder.BIG_ENDIAN);
        buffer.putShort(ip + Ipv4Header.IDENTIFICATION_OFFSET, (short)identification, ByteOrder.BIG_ENDIAN);
        identification = (identification + 1) & 0xFFFF;
        buffer.putShort(ip + Ipv4Header.CHECKSUM_OFFSET, (short)0);
        buffer.putShort(ip + Ipv4Header.CHECKSUM_OFFSET, (short)Ipv4Header.checksum(buffer, ip),
            ByteOrder.BIG_ENDIAN);
        buffer.putShort(offset + UDP_OFFSET + UdpHeader.LENGTH_OFFSET, (short)(ipLength - Ipv4Header.LENGTH),
            ByteOrder.BIG_ENDIAN);
        Bth.put(buffer, offset + BTH_OFFSET, opcode, false, padCount(payloadLength), pkey, destinationQp, ackRequest,
            psn);
    }

    /**
     * Zeroes the pad after the payload and appends the ICRC.
     *
     * @return the frame's length.
     */
    public int seal(final MutableDirectBuffer buffer, final int offset, final int opcode, final int payloadLength)
    {
        final int payloadEnd = offset + payloadOffset(opcode) + payloadLength;
        final int pad = padCount(payloadLength);
        for (int i = 0; i < pad; i++)
        {
            buffer.putByte(payloadEnd + i, (byte)0);
        }
        final int icrcOffset = payloadEnd + pad;
        Icrc.put(buffer, icrcOffset, icrc.compute(buffer, offset + IP_OFFSET, icrcOffset));
        return icrcOffset + Icrc.LENGTH - offset;
    }
}
