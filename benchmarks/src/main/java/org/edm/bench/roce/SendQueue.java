package org.edm.bench.roce;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The requester's work queue entries, as parallel arrays in a ring, with three positions that only grow:
 * <pre>
 *        head                      send (+ sendPacket)              tail
 *   ......|== sent, not complete ==|== not (re)sent yet ============|...... free
 *   head: oldest request not yet completed; send: the request whose packet sendPacket goes next;
 *   tail: where the next submission goes. Go-back-N moves send back to head.
 * </pre>
 * A READ is one request packet but owns one PSN per response packet, so every entry owns
 * {@code packets} consecutive PSNs from {@code firstPsn}; the entries' PSN ranges follow each other with no gap.
 */
final class SendQueue
{
    final int depth;
    final int mask;
    final long[] requestId;
    final boolean[] read;
    final long[] remoteAddress;
    final int[] rkey;
    final int[] length;
    final DirectBuffer[] source;
    final MutableDirectBuffer[] destination;
    final int[] bufferOffset;
    final int[] firstPsn;
    final int[] packets;
    final long[] submitNanos;

    long head;
    long send;
    long tail;
    /** The packet of entry {@code send} to go next (for a READ: the first response packet to ask for). */
    int sendPacket;

    SendQueue(final int depth)
    {
        final int capacity = 1 << (32 - Integer.numberOfLeadingZeros(depth - 1));
        this.depth = depth;
        this.mask = capacity - 1;
        requestId = new long[capacity];
        read = new boolean[capacity];
        remoteAddress = new long[capacity];
        rkey = new int[capacity];
        length = new int[capacity];
        source = new DirectBuffer[capacity];
        destination = new MutableDirectBuffer[capacity];
        bufferOffset = new int[capacity];
        firstPsn = new int[capacity];
        packets = new int[capacity];
        submitNanos = new long[capacity];
    }

    int index(final long position)
    {
        return (int)position & mask;
    }

    boolean isFull()
    {
        return tail - head >= depth;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /** The PSN after the last of entry {@code index}. */
    int endPsn(final int index)
    {
        return Psn.add(firstPsn[index], packets[index]);
    }

    void clear()
    {
        for (int i = 0; i <= mask; i++)
        {
            source[i] = null;
            destination[i] = null;
        }
        head = 0;
        send = 0;
        tail = 0;
        sendPacket = 0;
    }
}
