package org.edm.bench.floor;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** MAC addresses as the low 48 bits of a {@code long}, read and written in wire order without allocation. */
final class Macs
{
    private Macs()
    {
    }

    /** Parses {@code 02:ed:00:00:00:01}. */
    static long parse(final String mac)
    {
        long value = 0;
        for (final String part : mac.split(":"))
        {
            value = (value << 8) | Integer.parseInt(part, 16);
        }
        return value;
    }

    /** From 6 bytes. */
    static long of(final byte[] mac)
    {
        long value = 0;
        for (int i = 0; i < 6; i++)
        {
            value = (value << 8) | (mac[i] & 0xFF);
        }
        return value;
    }

    static long read(final DirectBuffer buffer, final int offset)
    {
        long value = 0;
        for (int i = 0; i < 6; i++)
        {
            value = (value << 8) | (buffer.getByte(offset + i) & 0xFF);
        }
        return value;
    }

    static void write(final MutableDirectBuffer buffer, final int offset, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            buffer.putByte(offset + i, (byte)(mac >>> (40 - 8 * i)));
        }
    }
}
