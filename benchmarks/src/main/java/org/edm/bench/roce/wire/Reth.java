package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The RDMA Extended Transport Header (IBA vol. 1, 9.3.3), 16 bytes after the BTH of an RDMA WRITE First or Only and
 * of an RDMA READ Request: where the operation goes and how long the whole message is.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                                                               |
 *  +                   Virtual Address (64 bits)                   +
 *  |                                                               |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                      Remote Key (R_Key)                       |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                       DMA Length (bytes)                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * Regions here are zero-based (like {@code IBV_ACCESS_ZERO_BASED}): the virtual address is an offset in the region
 * the R_Key names, as an EDM address is.
 */
public final class Reth
{
    public static final int VIRTUAL_ADDRESS_OFFSET = 0;
    public static final int RKEY_OFFSET = 8;
    public static final int DMA_LENGTH_OFFSET = 12;
    public static final int LENGTH = 16;

    private Reth()
    {
    }

    public static void put(
        final MutableDirectBuffer buffer, final int offset, final long virtualAddress, final int rkey,
        final int dmaLength)
    {
        buffer.putLong(offset + VIRTUAL_ADDRESS_OFFSET, virtualAddress, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + RKEY_OFFSET, rkey, ByteOrder.BIG_ENDIAN);
        buffer.putInt(offset + DMA_LENGTH_OFFSET, dmaLength, ByteOrder.BIG_ENDIAN);
    }

    public static long virtualAddress(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + VIRTUAL_ADDRESS_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    public static int rkey(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + RKEY_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    /** The DMA length as an unsigned 32-bit value. */
    public static long dmaLength(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + DMA_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL;
    }
}
