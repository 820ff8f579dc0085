package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The RoCEv2 Invariant CRC (IBA vol. 1 annex A17.3.3): a CRC-32 over the parts of the packet no switch or router may
 * change, appended after the payload (and its pad) and before the MAC's FCS.
 * <pre>
 *   CRC-32 (zlib) over the pseudo-packet
 *   +------------+------------------------+---------------+----------------+-----------------------------+
 *   | 8 x 0xFF   | IPv4 header (20)       | UDP header (8)| BTH (12)       | RETH/AETH, payload, pad     |
 *   | (masked    | TOS = 0xFF, TTL = 0xFF | checksum =    | byte 4 (FECN,  | as sent                     |
 *   |  LRH)      | checksum = 0xFFFF      | 0xFFFF        | BECN, resv6) = |                             |
 *   |            |                        |               | 0xFF           |                             |
 *   +------------+------------------------+---------------+----------------+-----------------------------+
 *   appended as 4 bytes, least significant byte first (Wireshark prints those bytes as one big-endian number)
 * </pre>
 * The masked headers are copied into a 48-byte scratch array; the rest is fed from the frame itself, through the
 * JDK's intrinsic {@link CRC32} when the frame lives in a {@code byte[]} and through the table-driven {@link Crc32}
 * otherwise. One instance per thread; no allocation after construction.
 */
public final class Icrc
{
    /** Length of the ICRC on the wire. */
    public static final int LENGTH = 4;
    /** Length of the masked pseudo-header: 8 + IPv4 + UDP + BTH. */
    public static final int PSEUDO_HEADER_LENGTH = 8 + Ipv4Header.LENGTH + UdpHeader.LENGTH + Bth.LENGTH;

    private static final int IP_AT = 8;
    private static final int UDP_AT = IP_AT + Ipv4Header.LENGTH;
    private static final int BTH_AT = UDP_AT + UdpHeader.LENGTH;

    private final byte[] pseudo = new byte[PSEUDO_HEADER_LENGTH];
    private final UnsafeBuffer pseudoBuffer = new UnsafeBuffer(pseudo);
    private final CRC32 crc = new CRC32();

    /**
     * Computes the ICRC of the packet whose IPv4 header starts at {@code ipOffset}, over everything up to
     * {@code icrcOffset} (exclusive: where the ICRC goes).
     *
     * @return the CRC value; {@link #put} writes it in wire order.
     */
    public int compute(final DirectBuffer buffer, final int ipOffset, final int icrcOffset)
    {
        pseudoBuffer.setMemory(0, IP_AT, (byte)0xFF);
        pseudoBuffer.putBytes(IP_AT, buffer, ipOffset, PSEUDO_HEADER_LENGTH - IP_AT);
        pseudo[IP_AT + Ipv4Header.TOS_OFFSET] = (byte)0xFF;
        pseudo[IP_AT + Ipv4Header.TTL_OFFSET] = (byte)0xFF;
        pseudo[IP_AT + Ipv4Header.CHECKSUM_OFFSET] = (byte)0xFF;
        pseudo[IP_AT + Ipv4Header.CHECKSUM_OFFSET + 1] = (byte)0xFF;
        pseudo[UDP_AT + UdpHeader.CHECKSUM_OFFSET] = (byte)0xFF;
        pseudo[UDP_AT + UdpHeader.CHECKSUM_OFFSET + 1] = (byte)0xFF;
        pseudo[BTH_AT + Bth.FECN_BECN_OFFSET] = (byte)0xFF;

        final int restOffset = ipOffset + PSEUDO_HEADER_LENGTH - IP_AT;
        final int restLength = icrcOffset - restOffset;
        final byte[] array = buffer.byteArray();
        if (array != null)
        {
            crc.reset();
            crc.update(pseudo, 0, PSEUDO_HEADER_LENGTH);
            crc.update(array, buffer.wrapAdjustment() + restOffset, restLength);
            return (int)crc.getValue();
        }
        final int head = Crc32.update(0, pseudoBuffer, 0, PSEUDO_HEADER_LENGTH);
        return Crc32.update(head, buffer, restOffset, restLength);
    }

    /** Writes an ICRC value in wire order (least significant byte first). */
    public static void put(final MutableDirectBuffer buffer, final int offset, final int icrc)
    {
        buffer.putInt(offset, icrc, ByteOrder.LITTLE_ENDIAN);
    }

    /** Reads the ICRC value stored at {@code offset}. */
    public static int get(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
    }
}
