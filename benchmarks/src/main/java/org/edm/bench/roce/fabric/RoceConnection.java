package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.edm.bench.roce.RoceCompletionListener;
import org.edm.bench.roce.RoceQueuePair;
import org.edm.bench.roce.RoceStatus;

import java.nio.ByteBuffer;

/**
 * One client's connection to one server as the client host's {@link RoceEndpoint} runs it, on the host agent's thread:
 * it takes the requests its {@link RoceClient} put on the request ring, hands each to the queue pair with the fewest
 * outstanding, and puts every completion on the completion ring. The two rings are the only things the client's
 * thread and the agent's thread share, as with EDM's {@code RemoteMemory} sessions.
 * <pre>
 *   request record (type READ or WRITE)           completion record (type COMPLETION)
 *   0        4        8                16        0        4        8
 *   +--------+--------+----------------+         +--------+--------+
 *   | slot   | length | remote address |         | slot   | status |
 *   +--------+--------+----------------+         +--------+--------+
 *   | local buffer address (native)    |
 *   +----------------------------------+ 24
 * </pre>
 * The slot names the client's request (its token and buffer) until the completion has been read. Status is a
 * {@link RoceStatus} completion code, or {@link RoceClient#REFUSED} minus a submission code when no queue pair took
 * the request. No allocation, locks or exceptions per request.
 */
final class RoceConnection implements RoceCompletionListener
{
    static final int READ = 1;
    static final int WRITE = 2;
    static final int COMPLETION = 3;

    static final int SLOT_OFFSET = 0;
    static final int LENGTH_OFFSET = 4;
    static final int REMOTE_ADDRESS_OFFSET = 8;
    static final int LOCAL_ADDRESS_OFFSET = 16;
    static final int REQUEST_LENGTH = 24;
    static final int STATUS_OFFSET = 4;
    static final int COMPLETION_LENGTH = 8;

    private static final byte[] NO_BYTES = new byte[0];

    private final RoceQueuePair[] queuePairs;
    private final int rkey;
    private final OneToOneRingBuffer requests;
    private final OneToOneRingBuffer completions;
    private final UnsafeBuffer[] slotBuffers;
    private final MessageHandler reader = this::onRequest;
    private long nowNanos;
    private long lostCompletions;
    private long refused;

    /**
     * @param capacity       requests the client may have outstanding (a power of two).
     * @param rkey           the server region's key.
     * @param queuePairCount queue pairs toward the server, set with {@link #queuePair(int, RoceQueuePair)} before use
     *                       (they complete through this connection, so it exists first).
     */
    RoceConnection(final int capacity, final int rkey, final int queuePairCount)
    {
        this.rkey = rkey;
        this.queuePairs = new RoceQueuePair[queuePairCount];
        requests = new OneToOneRingBuffer(ring(capacity * (REQUEST_LENGTH + 8)));
        completions = new OneToOneRingBuffer(ring(capacity * (COMPLETION_LENGTH + 8) * 2));
        slotBuffers = new UnsafeBuffer[capacity];
        for (int i = 0; i < capacity; i++)
        {
            slotBuffers[i] = new UnsafeBuffer(NO_BYTES);
        }
    }

    void queuePair(final int index, final RoceQueuePair queuePair)
    {
        queuePairs[index] = queuePair;
    }

    RoceQueuePair queuePair(final int index)
    {
        return queuePairs[index];
    }

    int queuePairCount()
    {
        return queuePairs.length;
    }

    OneToOneRingBuffer requests()
    {
        return requests;
    }

    OneToOneRingBuffer completions()
    {
        return completions;
    }

    /** Agent thread: submits up to {@code limit} requests from the ring; returns how many. */
    int takeRequests(final long now, final int limit)
    {
        nowNanos = now;
        return requests.read(reader, limit);
    }

    private void onRequest(final int type, final MutableDirectBuffer buffer, final int at, final int length)
    {
        final int slot = buffer.getInt(at + SLOT_OFFSET);
        final int bytes = buffer.getInt(at + LENGTH_OFFSET);
        final long remote = buffer.getLong(at + REMOTE_ADDRESS_OFFSET);
        final long local = buffer.getLong(at + LOCAL_ADDRESS_OFFSET);
        final RoceQueuePair queuePair = leastLoaded();
        if (queuePair == null)
        {
            complete(slot, RoceClient.REFUSED - RoceStatus.QP_ERROR);
            return;
        }
        final UnsafeBuffer data = slotBuffers[slot];
        data.wrap(local, bytes);
        final int result = type == READ ?
            queuePair.submitRead(slot, remote, rkey, bytes, data, 0, nowNanos) :
            queuePair.submitWrite(slot, remote, rkey, bytes, data, 0, nowNanos);
        if (result != RoceStatus.OK)
        {
            complete(slot, RoceClient.REFUSED - result);
        }
    }

    /** The queue pair not in error with the fewest outstanding requests, or null when all are in error. */
    private RoceQueuePair leastLoaded()
    {
        RoceQueuePair best = null;
        for (final RoceQueuePair queuePair : queuePairs)
        {
            if (!queuePair.inError() && (best == null || queuePair.outstanding() < best.outstanding()))
            {
                best = queuePair;
            }
        }
        return best;
    }

    @Override
    public void onComplete(final long requestId, final int status, final long submitNanos, final long completeNanos)
    {
        complete((int)requestId, status);
    }

    private void complete(final int slot, final int status)
    {
        slotBuffers[slot].wrap(NO_BYTES);
        if (status >= RoceClient.REFUSED)
        {
            refused++;
        }
        final int at = completions.tryClaim(COMPLETION, COMPLETION_LENGTH);
        if (at < 0)
        {
            // the ring holds twice the client's capacity, so this means the client broke its contract
            lostCompletions++;
            return;
        }
        final MutableDirectBuffer out = completions.buffer();
        out.putInt(at + SLOT_OFFSET, slot);
        out.putInt(at + STATUS_OFFSET, status);
        completions.commit(at);
    }

    /** Completions the ring had no room for. */
    long lostCompletions()
    {
        return lostCompletions;
    }

    /** Requests no queue pair took. */
    long refused()
    {
        return refused;
    }

    private static UnsafeBuffer ring(final int bytes)
    {
        final int size = Integer.highestOneBit(Math.max(1024, bytes) - 1) << 1;
        return new UnsafeBuffer(ByteBuffer.allocateDirect(size + RingBufferDescriptor.TRAILER_LENGTH));
    }
}
