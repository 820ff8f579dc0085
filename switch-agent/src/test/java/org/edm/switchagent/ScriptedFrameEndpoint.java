package org.edm.switchagent;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A host's ordinary-frame endpoint for tests: sends {@code count} numbered frames to one destination MAC as fast as
 * the fabric takes them, and keeps every frame it receives.
 * <pre>
 *   0        6        12     14         18          22 ... length
 *   +--------+--------+------+----------+-----------+------------------+
 *   | dst    | src    | type | sequence | length    | byte i = seq + i |
 *   +--------+--------+------+----------+-----------+------------------+
 * </pre>
 */
final class ScriptedFrameEndpoint implements FrameEndpoint
{
    static final int ETHER_TYPE = 0x88B6;

    private final long source;
    private final long destination;
    private final int count;
    private final int minLength;
    private final int maxLength;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[1514]);
    private final List<byte[]> received = new ArrayList<>();
    private int sent;

    ScriptedFrameEndpoint(final long source, final long destination, final int count, final int minLength,
        final int maxLength)
    {
        this.source = source;
        this.destination = destination;
        this.count = count;
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    /** The frame of sequence number {@code sequence} from {@code source} to {@code destination}. */
    static int build(final UnsafeBuffer frame, final long source, final long destination, final int sequence,
        final int length)
    {
        putMac(frame, 0, destination);
        putMac(frame, 6, source);
        frame.putShort(12, (short)ETHER_TYPE, ByteOrder.BIG_ENDIAN);
        frame.putInt(14, sequence, ByteOrder.BIG_ENDIAN);
        frame.putInt(18, length, ByteOrder.BIG_ENDIAN);
        for (int i = 22; i < length; i++)
        {
            frame.putByte(i, (byte)(sequence + i));
        }
        return length;
    }

    /** The length of frame {@code sequence}: spread over [minLength, maxLength]. */
    int lengthOf(final int sequence)
    {
        return minLength + (int)((sequence * 2654435761L) % (maxLength - minLength + 1));
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        received.add(copy);
    }

    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = 0;
        while (sent < count && outlet.room() > 0)
        {
            final int length = build(frame, source, destination, sent, lengthOf(sent));
            if (outlet.offer(frame, 0, length) < 0)
            {
                break;
            }
            sent++;
            work++;
        }
        return work;
    }

    int sent()
    {
        return sent;
    }

    List<byte[]> received()
    {
        return received;
    }

    private static void putMac(final UnsafeBuffer frame, final int at, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            frame.putByte(at + i, (byte)(mac >>> (40 - 8 * i)));
        }
    }
}
