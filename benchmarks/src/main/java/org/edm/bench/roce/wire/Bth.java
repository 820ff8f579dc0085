package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The InfiniBand Base Transport Header (IBA vol. 1, 9.2), 12 bytes, first in every RoCEv2 UDP payload.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |    OpCode     |S|M|Pad|  TVer |       Partition Key (P_Key)   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |F|B|  Resv6    |         Destination QP (24 bits)              |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |A|   Resv7     |      Packet Sequence Number (24 bits)         |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   S: solicited event   M: MigReq   Pad: pad count (bytes added to make the payload a multiple of 4)
 *   TVer: transport header version (0)   F/B: FECN/BECN   A: acknowledge request
 * </pre>
 * Byte 4 (F, B, Resv6) is replaced by 0xFF when the ICRC is computed (see {@link Icrc}).
 */
public final class Bth
{
    public static final int OPCODE_OFFSET = 0;
    public static final int FLAGS_OFFSET = 1;
    public static final int PKEY_OFFSET = 2;
    public static final int FECN_BECN_OFFSET = 4;
    public static final int DEST_QP_OFFSET = 4;
    public static final int ACK_REQUEST_OFFSET = 8;
    public static final int PSN_OFFSET = 8;
    public static final int LENGTH = 12;

    /** (S) solicited event, in the flags byte. */
    public static final int SOLICITED_FLAG = 0b1000_0000;
    /** (M) migration request, in the flags byte. */
    public static final int MIGREQ_FLAG = 0b0100_0000;
    /** Pad count: bits 5-4 of the flags byte. */
    public static final int PAD_COUNT_SHIFT = 4;
    /** Transport header version: bits 3-0 of the flags byte. */
    public static final int TVER_MASK = 0b0000_1111;
    /** (F) forward explicit congestion notification, in byte 4. */
    public static final int FECN_FLAG = 0b1000_0000;
    /** (B) backward explicit congestion notification, in byte 4. */
    public static final int BECN_FLAG = 0b0100_0000;
    /** (A) acknowledge request, in byte 8. */
    public static final int ACK_REQUEST_FLAG = 0b1000_0000;

    /** The default partition key (full membership of the default partition). */
    public static final int DEFAULT_PKEY = 0xFFFF;
    /** Queue pair numbers and PSNs are 24 bits. */
    public static final int MASK_24 = 0xFF_FFFF;

    private Bth()
    {
    }

    /**
     * Writes a BTH with TVer 0, M 0, FECN and BECN 0.
     *
     * @param padCount bytes of padding after the payload (0..3).
     */
    public static void put(
        final MutableDirectBuffer buffer,
        final int offset,
        final int opcode,
        final boolean solicited,
        final int padCount,
        final int pkey,
        final int destinationQp,
        final boolean ackRequest,
        final int psn)
    {
        buffer.putByte(offset + OPCODE_OFFSET, (byte)opcode);
        buffer.putByte(offset + FLAGS_OFFSET, (byte)((solicited ? SOLICITED_FLAG : 0) | (padCount << PAD_COUNT_SHIFT)));
        buffer.putShort(offset + PKEY_OFFSET, (short)pkey, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + DEST_QP_OFFSET, destinationQp & MASK_24, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + PSN_OFFSET, (ackRequest ? 0x8000_0000 : 0) | (psn & MASK_24), ByteOrder.BIG_ENDIAN);
    }

    public static int opcode(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + OPCODE_OFFSET) & 0xFF;
    }

    public static int flags(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public static boolean solicited(final DirectBuffer buffer, final int offset)
    {
        return (flags(buffer, offset) & SOLICITED_FLAG) != 0;
    }

    public static boolean migReq(final DirectBuffer buffer, final int offset)
    {
        return (flags(buffer, offset) & MIGREQ_FLAG) != 0;
    }

    public static int padCount(final DirectBuffer buffer, final int offset)
    {
        return (flags(buffer, offset) >>> PAD_COUNT_SHIFT) & 0b11;
    }

    public static int transportVersion(final DirectBuffer buffer, final int offset)
    {
        return flags(buffer, offset) & TVER_MASK;
    }

    public static int pkey(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + PKEY_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
    }

    public static boolean fecn(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + FECN_BECN_OFFSET) & FECN_FLAG) != 0;
    }

    public static boolean becn(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + FECN_BECN_OFFSET) & BECN_FLAG) != 0;
    }

    public static int destinationQp(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + DEST_QP_OFFSET, ByteOrder.BIG_ENDIAN) & MASK_24;
    }

    public static boolean ackRequest(final DirectBuffer buffer, final int offset)
    {
        return (buffer.getByte(offset + ACK_REQUEST_OFFSET) & ACK_REQUEST_FLAG) != 0;
    }

    public static int psn(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + PSN_OFFSET, ByteOrder.BIG_ENDIAN) & MASK_24;
    }
}
