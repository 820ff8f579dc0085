package org.edm.bench.frames;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The ordinary frames {@code edm bench} puts on the fabric itself: the raw-frame baseline's requests and replies, and
 * the background frames of {@code --load frames}. EtherType 0x88B6 (IEEE 802 local experimental 2; the carrier frames
 * use 0x88B5). Fields are big-endian; offsets from the start of the Ethernet header; the FCS is the MAC's.
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                    Destination MAC address                    |   0
 *  +                               +-------------------------------+
 *  |                               |                               |   4
 *  +-------------------------------+                               +
 *  |                      Source MAC address                       |   8
 *  +-------------------------------+---------------+---------------+
 *  |      EtherType = 0x88B6       |  Version = 1  |     Kind      |  12
 *  +-------------------------------+---------------+---------------+
 *  |                              Tag                              |  16
 *  +---------------------------------------------------------------+
 *  |                    Length of the operation                    |  20
 *  +---------------------------------------------------------------+
 *  |                 Offset of this frame's payload                |  24
 *  +---------------------------------------------------------------+
 *  |                                                               |  28
 *  +                  Sent (the sender's nanoTime)                 +
 *  |                                                               |  32
 *  +---------------------------------------------------------------+
 *  |                 Payload (up to MTU - 36 bytes)               ...  36
 *  +---------------------------------------------------------------+
 * </pre>
 * <table>
 *   <caption>Kinds</caption>
 *   <tr><td>HELLO</td><td>broadcast once by every bench endpoint, so the switch learns its MAC before traffic</td></tr>
 *   <tr><td>READ_REQUEST</td><td>client to server: send Length bytes back (no payload)</td></tr>
 *   <tr><td>READ_DATA</td><td>server to client: bytes Offset.. of the reply; the last one completes the read</td></tr>
 *   <tr><td>WRITE_DATA</td><td>client to server: bytes Offset.. of the write; the last one is acknowledged</td></tr>
 *   <tr><td>WRITE_ACK</td><td>server to client: the write of Tag arrived whole</td></tr>
 *   <tr><td>FILL</td><td>background traffic; Sent gives its one-way latency</td></tr>
 * </table>
 * Tag names the client's operation (its slot and a generation, so a late frame of an operation that timed out is
 * recognised and dropped). Payload bytes are not meaningful: the floor measures movement, not memory.
 */
public final class BenchFrame
{
    public static final int ETHER_TYPE = 0x88B6;
    public static final int VERSION = 1;

    public static final int HELLO = 0;
    public static final int READ_REQUEST = 1;
    public static final int READ_DATA = 2;
    public static final int WRITE_DATA = 3;
    public static final int WRITE_ACK = 4;
    public static final int FILL = 5;

    public static final int DESTINATION_OFFSET = 0;
    public static final int SOURCE_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;
    public static final int VERSION_OFFSET = 14;
    public static final int KIND_OFFSET = 15;
    public static final int TAG_OFFSET = 16;
    public static final int LENGTH_OFFSET = 20;
    public static final int FRAGMENT_OFFSET = 24;
    public static final int SENT_OFFSET = 28;
    public static final int HEADER_LENGTH = 36;

    /** The broadcast MAC, as a 48-bit number. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;

    /** Ethernet framing around a frame on the wire: FCS 4, preamble and SFD 8, inter-frame gap 12; minimum 64. */
    public static final int FCS = 4;
    public static final int PREAMBLE_SFD = 8;
    public static final int INTER_FRAME_GAP = 12;
    public static final int MIN_FRAME = 64;

    private static final ByteOrder ORDER = ByteOrder.BIG_ENDIAN;

    private BenchFrame()
    {
    }

    /**
     * Writes a header at {@code at}.
     *
     * @return {@link #HEADER_LENGTH}.
     */
    public static int writeHeader(
        final MutableDirectBuffer buffer,
        final int at,
        final long destination,
        final long source,
        final int kind,
        final int tag,
        final int length,
        final int fragmentOffset,
        final long sentNanos)
    {
        putMac(buffer, at + DESTINATION_OFFSET, destination);
        putMac(buffer, at + SOURCE_OFFSET, source);
        buffer.putShort(at + ETHER_TYPE_OFFSET, (short)ETHER_TYPE, ORDER);
        buffer.putByte(at + VERSION_OFFSET, (byte)VERSION);
        buffer.putByte(at + KIND_OFFSET, (byte)kind);
        buffer.putInt(at + TAG_OFFSET, tag, ORDER);
        buffer.putInt(at + LENGTH_OFFSET, length, ORDER);
        buffer.putInt(at + FRAGMENT_OFFSET, fragmentOffset, ORDER);
        buffer.putLong(at + SENT_OFFSET, sentNanos, ORDER);
        return HEADER_LENGTH;
    }

    /** True when the frame is a bench frame this code understands (EtherType, version, length). */
    public static boolean isBenchFrame(final DirectBuffer buffer, final int at, final int length)
    {
        return length >= HEADER_LENGTH &&
            (buffer.getShort(at + ETHER_TYPE_OFFSET, ORDER) & 0xFFFF) == ETHER_TYPE &&
            buffer.getByte(at + VERSION_OFFSET) == VERSION;
    }

    public static int kind(final DirectBuffer buffer, final int at)
    {
        return buffer.getByte(at + KIND_OFFSET) & 0xFF;
    }

    public static int tag(final DirectBuffer buffer, final int at)
    {
        return buffer.getInt(at + TAG_OFFSET, ORDER);
    }

    public static int length(final DirectBuffer buffer, final int at)
    {
        return buffer.getInt(at + LENGTH_OFFSET, ORDER);
    }

    public static int fragmentOffset(final DirectBuffer buffer, final int at)
    {
        return buffer.getInt(at + FRAGMENT_OFFSET, ORDER);
    }

    public static long sentNanos(final DirectBuffer buffer, final int at)
    {
        return buffer.getLong(at + SENT_OFFSET, ORDER);
    }

    public static long source(final DirectBuffer buffer, final int at)
    {
        long mac = 0;
        for (int i = 0; i < 6; i++)
        {
            mac = (mac << 8) | (buffer.getByte(at + SOURCE_OFFSET + i) & 0xFF);
        }
        return mac;
    }

    /** Payload bytes one frame of an {@code mtu}-byte port carries. */
    public static int payloadPerFrame(final int mtu)
    {
        return mtu - HEADER_LENGTH;
    }

    /** Bytes a frame of {@code frameLength} bytes (no FCS) takes on the wire: FCS, minimum size, preamble, gap. */
    public static int onWire(final int frameLength)
    {
        return Math.max(frameLength + FCS, MIN_FRAME) + PREAMBLE_SFD + INTER_FRAME_GAP;
    }

    private static void putMac(final MutableDirectBuffer buffer, final int at, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            buffer.putByte(at + i, (byte)(mac >>> (40 - 8 * i)));
        }
    }
}
