package org.edm.bench.baseline;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The datagrams of the kernel UDP baseline: a request/response protocol with the same operations as the raw-frame
 * floor, carried by the hosts' kernels (UDP over IPv4 over their TAP interfaces) instead of raw frames. Big-endian;
 * each datagram fits one Ethernet frame (no IP fragmentation at the usual 1500-byte MTU).
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                              Tag                              |   0
 *  +---------------+-----------------------------------------------+
 *  |     Kind      |                   Reserved                    |   4
 *  +---------------+-----------------------------------------------+
 *  |                    Length of the operation                    |   8
 *  +---------------------------------------------------------------+
 *  |                Offset of this datagram's payload              |  12
 *  +---------------------------------------------------------------+
 *  |                 Payload (up to 1456 bytes)                   ...  16
 *  +---------------------------------------------------------------+
 * </pre>
 * Kinds: READ (client to server, no payload), READ_DATA (server to client, bytes Offset..), WRITE_DATA (client to
 * server, bytes Offset..), WRITE_ACK (server to client, after the last WRITE_DATA). Tag as in the raw floor: slot and
 * generation.
 */
final class UdpMessage
{
    static final int READ = 1;
    static final int READ_DATA = 2;
    static final int WRITE_DATA = 3;
    static final int WRITE_ACK = 4;

    static final int TAG_OFFSET = 0;
    static final int KIND_OFFSET = 4;
    static final int LENGTH_OFFSET = 8;
    static final int FRAGMENT_OFFSET = 12;
    static final int HEADER_LENGTH = 16;
    /** Payload per datagram: a 1500-byte IP MTU less IPv4 (20), UDP (8) and this header. */
    static final int PAYLOAD = 1500 - 20 - 8 - HEADER_LENGTH;
    /** Ethernet (14), IPv4 (20) and UDP (8) headers around a datagram's bytes. */
    static final int FRAME_OVERHEAD = 14 + 20 + 8;

    private UdpMessage()
    {
    }

    /** Writes a header into {@code buffer} (cleared), leaving its position after the header. */
    static void header(final ByteBuffer buffer, final int kind, final int tag, final int length, final int offset)
    {
        buffer.clear();
        buffer.order(ByteOrder.BIG_ENDIAN);
        buffer.putInt(TAG_OFFSET, tag);
        buffer.put(KIND_OFFSET, (byte)kind);
        buffer.putInt(LENGTH_OFFSET, length);
        buffer.putInt(FRAGMENT_OFFSET, offset);
        buffer.position(HEADER_LENGTH);
    }

    static int kind(final ByteBuffer datagram)
    {
        return datagram.get(KIND_OFFSET) & 0xFF;
    }

    static int tag(final ByteBuffer datagram)
    {
        return datagram.getInt(TAG_OFFSET);
    }

    static int length(final ByteBuffer datagram)
    {
        return datagram.getInt(LENGTH_OFFSET);
    }

    static int offset(final ByteBuffer datagram)
    {
        return datagram.getInt(FRAGMENT_OFFSET);
    }
}
