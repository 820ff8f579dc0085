package org.edm.bench.roce;

import org.edm.bench.roce.wire.Aeth;

/**
 * The responder's output, in PSN order: READ responses to send (one item per READ, sent packet by packet),
 * acknowledgements and NAKs. One ordered queue, because an ACK must never overtake the READ responses before it: the
 * requester would take it for an implied NAK of that READ. An ACK joining a tail ACK that has not gone out yet
 * replaces it (ACKs are cumulative): that is the responder's ACK coalescing.
 * Items are in PSN order, so a READ served again drops what follows it from the tail ({@link #dropFrom}).
 * <pre>
 *   head -> [READ psn=10 packets=4 next=1] [ACK psn=14] [READ psn=15 packets=1] [NAK psn=17 seq-error] <- tail
 * </pre>
 * Parallel arrays in a ring; no allocation after construction.
 */
final class ResponseQueue
{
    static final int READ = 1;
    static final int ACK = 2;
    static final int NAK = 3;

    final int mask;
    final int[] kind;
    final int[] psn;
    final int[] syndrome;
    final int[] msn;
    final int[] region;
    final long[] address;
    final int[] length;
    final int[] packets;
    final int[] nextPacket;
    /** Whether a READ item answers a new request (true) or serves a duplicate again (false). */
    final boolean[] original;
    long head;
    long tail;

    ResponseQueue(final int capacity)
    {
        final int size = 1 << (32 - Integer.numberOfLeadingZeros(capacity - 1));
        mask = size - 1;
        kind = new int[size];
        psn = new int[size];
        syndrome = new int[size];
        msn = new int[size];
        region = new int[size];
        address = new long[size];
        length = new int[size];
        packets = new int[size];
        nextPacket = new int[size];
        original = new boolean[size];
    }

    boolean isEmpty()
    {
        return head == tail;
    }

    boolean isFull()
    {
        return tail - head > mask;
    }

    int headIndex()
    {
        return (int)head & mask;
    }

    int size()
    {
        return (int)(tail - head);
    }

    /** Queues a READ response of {@code packets} packets from {@code firstPsn}; false when full. */
    boolean pushRead(
        final int firstPsn, final int regionIndex, final long regionAddress, final int readLength,
        final int packetCount, final int messageSequence, final boolean isOriginal)
    {
        if (isFull())
        {
            return false;
        }
        final int i = (int)tail & mask;
        kind[i] = READ;
        psn[i] = firstPsn;
        syndrome[i] = Aeth.SYNDROME_ACK;
        msn[i] = messageSequence;
        region[i] = regionIndex;
        address[i] = regionAddress;
        length[i] = readLength;
        packets[i] = packetCount;
        nextPacket[i] = 0;
        original[i] = isOriginal;
        tail++;
        return true;
    }

    /** Queues an ACK of {@code ackPsn}, or moves a tail ACK still waiting up to it; false when full. */
    boolean pushAck(final int ackPsn, final int ackSyndrome, final int messageSequence)
    {
        if (tail != head)
        {
            final int last = (int)(tail - 1) & mask;
            if (kind[last] == ACK)
            {
                psn[last] = ackPsn;
                syndrome[last] = ackSyndrome;
                msn[last] = messageSequence;
                return true;
            }
        }
        return pushControl(ACK, ackPsn, ackSyndrome, messageSequence);
    }

    /** Queues a NAK; false when full. */
    boolean pushNak(final int nakPsn, final int nakSyndrome, final int messageSequence)
    {
        return pushControl(NAK, nakPsn, nakSyndrome, messageSequence);
    }

    private boolean pushControl(final int itemKind, final int itemPsn, final int itemSyndrome, final int itemMsn)
    {
        if (isFull())
        {
            return false;
        }
        final int i = (int)tail & mask;
        kind[i] = itemKind;
        original[i] = false;
        psn[i] = itemPsn;
        syndrome[i] = itemSyndrome;
        msn[i] = itemMsn;
        tail++;
        return true;
    }

    /**
     * Drops, from the tail, every item that covers {@code fromPsn} or a later PSN (a READ whose PSN range reaches it,
     * an ACK or NAK at or after it): what a READ served again from {@code fromPsn} replaces.
     *
     * @return the original READ items dropped (see {@link #original}).
     */
    int dropFrom(final int fromPsn)
    {
        int reads = 0;
        while (tail != head)
        {
            final int i = (int)(tail - 1) & mask;
            final int end = Psn.add(psn[i], kind[i] == READ ? packets[i] : 1);
            if (Psn.diff(end, fromPsn) <= 0)
            {
                break;
            }
            if (original[i])
            {
                reads++;
            }
            tail--;
        }
        return reads;
    }

    /** Removes the head item; returns whether it was an original READ. */
    boolean removeHead()
    {
        final boolean wasOriginal = original[(int)head & mask];
        head++;
        return wasOriginal;
    }

    void clear()
    {
        head = tail;
    }
}
