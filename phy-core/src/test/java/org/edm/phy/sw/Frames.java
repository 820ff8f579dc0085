package org.edm.phy.sw;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/** Test frames: destination, source, EtherType 0x88B6, a 4-byte sequence number, then filler bytes. */
final class Frames
{
    static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    private Frames()
    {
    }

    /** Host {@code h}'s address, 02:ed:00:00:hh:hh as in the simulator. */
    static long mac(final int h)
    {
        return 0x02ED_0000_0000L | h;
    }

    static UnsafeBuffer frame(final long destination, final long source, final int sequence, final int length)
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[length]);
        putMac(frame, 0, destination);
        putMac(frame, 6, source);
        frame.putShort(12, (short)0x88B6, ByteOrder.BIG_ENDIAN);
        frame.putInt(14, sequence, ByteOrder.BIG_ENDIAN);
        for (int i = 18; i < length; i++)
        {
            frame.putByte(i, (byte)(sequence * 31 + i));
        }
        return frame;
    }

    static int sequence(final DirectBuffer frame, final int offset)
    {
        return frame.getInt(offset + 14, ByteOrder.BIG_ENDIAN);
    }

    static byte[] bytes(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return copy;
    }

    private static void putMac(final UnsafeBuffer frame, final int offset, final long mac)
    {
        frame.putInt(offset, (int)(mac >>> 16), ByteOrder.BIG_ENDIAN);
        frame.putShort(offset + 4, (short)mac, ByteOrder.BIG_ENDIAN);
    }
}
