package org.edm.phy.mem;


/**
 * Data blocks of a WREQ or RRESP, in one of two sizes chosen per fabric.
 * <pre>
 *  7-byte data block (hardware-faithful, the default): control sync, middle or last type
 *   63                                                            8 7       0
 *  +-------+-------+-------+-------+-------+-------+-------+---------+
 *  | d6    | d5    | d4    | d3    | d2    | d1    | d0    | type    |    d0 is the first data byte
 *  +-------+-------+-------+-------+-------+-------+-------+---------+
 *
 *  8-byte data block (the reference simulator's abstraction): sync 00 (write data) or 11 (response data)
 *   63                                                                      0
 *  +-------+-------+-------+-------+-------+-------+-------+-------+
 *  | d7    | d6    | d5    | d4    | d3    | d2    | d1    | d0    |
 *  +-------+-------+-------+-------+-------+-------+-------+-------+
 * </pre>
 * An 8-byte block leaves no room for a type byte, so it is marked by one of the two sync headers clause 49 declares
 * invalid; a hardware PHY could not do this, which is why 7 is the default. Whether it is the last block follows from
 * the message length in the header. Unused bytes of the final block are zero. Bytes are little-endian in the
 * payload, so data byte 0 is transmitted first.
 */
public final class DataBlock
{
    private DataBlock()
    {
    }

    /** Packs up to 7 bytes (taken little-endian from {@code bytes}) into a 7-byte data block of {@code type}. */
    public static long encode7(final int type, final long bytes, final int count)
    {
        return ((bytes & lowBytesMask(count)) << 8) | (type & 0xFF);
    }

    /** The data bytes of a 7-byte data block, little-endian in the low 56 bits. */
    public static long data7(final long payload)
    {
        return payload >>> 8;
    }

    /** Packs up to 8 bytes into an 8-byte data block's payload (its sync header is chosen by the caller). */
    public static long encode8(final long bytes, final int count)
    {
        return bytes & lowBytesMask(count);
    }

    /** The sync header of an 8-byte data block of the given message class. */
    public static int sync8(final int messageClass)
    {
        return messageClass == MemoryBlockTypes.CLASS_RRESP
            ? MemoryBlockTypes.SYNC_RESPONSE_DATA_8 : MemoryBlockTypes.SYNC_WRITE_DATA_8;
    }

    /** The message class an 8-byte data block belongs to, from its sync header; -1 if it is not one. */
    public static int class8(final int sync)
    {
        return switch (sync)
        {
            case MemoryBlockTypes.SYNC_RESPONSE_DATA_8 -> MemoryBlockTypes.CLASS_RRESP;
            case MemoryBlockTypes.SYNC_WRITE_DATA_8 -> MemoryBlockTypes.CLASS_WREQ;
            default -> -1;
        };
    }

    /** Whether the sync header marks an 8-byte data block. */
    public static boolean isData8(final int sync)
    {
        return sync == MemoryBlockTypes.SYNC_RESPONSE_DATA_8 || sync == MemoryBlockTypes.SYNC_WRITE_DATA_8;
    }

    /** A mask of the low {@code count} bytes (0..8). */
    public static long lowBytesMask(final int count)
    {
        return count >= 8 ? -1L : (1L << (count << 3)) - 1;
    }

}
