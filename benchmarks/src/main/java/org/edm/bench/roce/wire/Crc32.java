package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * CRC-32 as zlib and Ethernet compute it (reflected polynomial 0xEDB88320, initial value and final XOR 0xFFFFFFFF),
 * over any {@link DirectBuffer}: on-heap, off-heap or a mapped ring slot, where {@link java.util.zip.CRC32} cannot be
 * fed without allocating a {@code ByteBuffer} view. Table-driven, eight bytes per step ("slicing by 8"). Values
 * chain like zlib's {@code crc32(crc, buf, len)}: {@code update(update(0, a), b)} is the CRC of a followed by b.
 */
public final class Crc32
{
    private static final int[] TABLE = table();

    private Crc32()
    {
    }

    /** The CRC of the bytes so far ({@code crc}, 0 for none) followed by {@code length} bytes at {@code offset}. */
    public static int update(final int crc, final DirectBuffer buffer, final int offset, final int length)
    {
        final int[] t = TABLE;
        int c = ~crc;
        int index = offset;
        int remaining = length;
        while (remaining >= 8)
        {
            final long word = buffer.getLong(index, ByteOrder.LITTLE_ENDIAN);
            final int low = (int)word ^ c;
            final int high = (int)(word >>> 32);
            c = t[(7 << 8) + (low & 0xFF)] ^ t[(6 << 8) + ((low >>> 8) & 0xFF)] ^
                t[(5 << 8) + ((low >>> 16) & 0xFF)] ^ t[(4 << 8) + (low >>> 24)] ^
                t[(3 << 8) + (high & 0xFF)] ^ t[(2 << 8) + ((high >>> 8) & 0xFF)] ^
                t[(1 << 8) + ((high >>> 16) & 0xFF)] ^ t[high >>> 24];
            index += 8;
            remaining -= 8;
        }
        while (remaining > 0)
        {
            c = t[(c ^ buffer.getByte(index)) & 0xFF] ^ (c >>> 8);
            index++;
            remaining--;
        }
        return ~c;
    }

    /** Same as {@link #update(int, DirectBuffer, int, int)} over a byte array. */
    public static int update(final int crc, final byte[] bytes, final int offset, final int length)
    {
        final int[] t = TABLE;
        int c = ~crc;
        for (int i = offset, end = offset + length; i < end; i++)
        {
            c = t[(c ^ bytes[i]) & 0xFF] ^ (c >>> 8);
        }
        return ~c;
    }

    private static int[] table()
    {
        final int[] t = new int[8 * 256];
        for (int n = 0; n < 256; n++)
        {
            int c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >>> 1) : c >>> 1;
            }
            t[n] = c;
        }
        for (int slice = 1; slice < 8; slice++)
        {
            for (int n = 0; n < 256; n++)
            {
                final int previous = t[((slice - 1) << 8) + n];
                t[(slice << 8) + n] = (previous >>> 8) ^ t[previous & 0xFF];
            }
        }
        return t;
    }
}
