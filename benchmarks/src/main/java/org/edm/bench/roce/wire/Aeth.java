package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The ACK Extended Transport Header (IBA vol. 1, 9.3.5), 4 bytes after the BTH of an Acknowledge and of an RDMA READ
 * Response First, Last or Only.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |R| Op|  Value  |     Message Sequence Number (MSN, 24 bits)    |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   syndrome = R (reserved, 0) | Op (2 bits) | Value (5 bits):
 *     Op 00  ACK       Value = credit count (0x1F: no credit information; no SENDs here, so no credits)
 *     Op 01  RNR NAK   Value = RNR timer code
 *     Op 11  NAK       Value = 0 PSN sequence error, 1 invalid request, 2 remote access error,
 *                              3 remote operational error, 4 invalid RD request
 * </pre>
 */
public final class Aeth
{
    public static final int SYNDROME_OFFSET = 0;
    public static final int MSN_OFFSET = 0;
    public static final int LENGTH = 4;

    public static final int TYPE_SHIFT = 5;
    public static final int TYPE_ACK = 0b00;
    public static final int TYPE_RNR_NAK = 0b01;
    public static final int TYPE_RESERVED = 0b10;
    public static final int TYPE_NAK = 0b11;
    public static final int VALUE_MASK = 0b1_1111;

    /** ACK credit count meaning "no credit information" (the responder takes RDMA only, no SENDs). */
    public static final int CREDITS_INVALID = 0x1F;

    public static final int NAK_PSN_SEQUENCE_ERROR = 0;
    public static final int NAK_INVALID_REQUEST = 1;
    public static final int NAK_REMOTE_ACCESS_ERROR = 2;
    public static final int NAK_REMOTE_OPERATIONAL_ERROR = 3;
    public static final int NAK_INVALID_RD_REQUEST = 4;

    /** The syndrome of a positive ACK with no credit information. */
    public static final int SYNDROME_ACK = (TYPE_ACK << TYPE_SHIFT) | CREDITS_INVALID;

    private Aeth()
    {
    }

    /** The syndrome of an ACK carrying a credit count (0..30, or {@link #CREDITS_INVALID}). */
    public static int ackSyndrome(final int credits)
    {
        return (TYPE_ACK << TYPE_SHIFT) | (credits & VALUE_MASK);
    }

    /** The syndrome of an RNR NAK with an RNR timer code (this baseline never sends one: it has no SENDs). */
    public static int rnrNakSyndrome(final int timer)
    {
        return (TYPE_RNR_NAK << TYPE_SHIFT) | (timer & VALUE_MASK);
    }

    /** The syndrome of a NAK with {@code code} (one of the NAK_ constants). */
    public static int nakSyndrome(final int code)
    {
        return (TYPE_NAK << TYPE_SHIFT) | (code & VALUE_MASK);
    }

    public static int type(final int syndrome)
    {
        return (syndrome >>> TYPE_SHIFT) & 0b11;
    }

    public static int value(final int syndrome)
    {
        return syndrome & VALUE_MASK;
    }

    public static void put(final MutableDirectBuffer buffer, final int offset, final int syndrome, final int msn)
    {
        buffer.putInt(offset, (syndrome << 24) | (msn & Bth.MASK_24), ByteOrder.BIG_ENDIAN);
    }

    public static int syndrome(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + SYNDROME_OFFSET) & 0xFF;
    }

    public static int msn(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + MSN_OFFSET, ByteOrder.BIG_ENDIAN) & Bth.MASK_24;
    }
}
