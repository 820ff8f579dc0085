package org.edm.bench.roce.fabric;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.edm.bench.roce.RoceStatus;

/**
 * A client's handle on its RoCE connection to one server, for one application thread: RDMA READs and WRITEs of the
 * server's region into or from the caller's native memory, completed by {@link #poll polling}. The counterpart of
 * EDM's {@code RemoteMemory} session: requests go to the client host's {@link RoceEndpoint} over a single-producer
 * ring and completions come back over another, so the endpoint may run on the host agent's own thread.
 * <pre>
 *   client.read(remoteAddress, length, buffer, offset, token)   0, or BACK_PRESSURED / BAD_BUFFER
 *   client.poll((token, status) -> ..., limit)                   status 0 = success, else statusName(status)
 * </pre>
 * Buffers must be off-heap ({@code ByteBuffer.allocateDirect}, an arena) and stay untouched until the request
 * completes. Not thread-safe: one client per thread. No allocation, locks or exceptions per request.
 */
public final class RoceClient
{
    /** A request was refused: back-pressured, no free slot or ring room; poll and try again. */
    public static final int BACK_PRESSURED = -1;
    /** A request was refused: the buffer is on the heap or too small, or the length is below 1. */
    public static final int BAD_BUFFER = -2;
    /** Completion statuses at or above this say no queue pair took the request: REFUSED - a RoceStatus code. */
    public static final int REFUSED = 16;

    /** Receives completions. */
    @FunctionalInterface
    public interface Completions
    {
        void onComplete(long token, int status);
    }

    private final RoceConnection connection;
    private final Runnable release;
    private final OneToOneRingBuffer requests;
    private final OneToOneRingBuffer completions;
    private final MessageHandler reader = this::onCompletion;
    private final long[] tokens;
    private final int[] freeSlots;
    private int freeCount;
    private Completions handler;
    private long unknownCompletions;

    RoceClient(final RoceConnection connection, final int capacity, final Runnable release)
    {
        this.connection = connection;
        this.release = release;
        this.requests = connection.requests();
        this.completions = connection.completions();
        tokens = new long[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    /** Reads {@code length} bytes at {@code remoteAddress} of the server's region into {@code buffer} at {@code offset}. */
    public int read(
        final long remoteAddress, final int length, final MutableDirectBuffer buffer, final int offset, final long token)
    {
        return submit(RoceConnection.READ, remoteAddress, length, buffer, offset, token);
    }

    /** Writes {@code length} bytes from {@code buffer} at {@code offset} to {@code remoteAddress} of the server's region. */
    public int write(
        final long remoteAddress, final int length, final DirectBuffer buffer, final int offset, final long token)
    {
        return submit(RoceConnection.WRITE, remoteAddress, length, buffer, offset, token);
    }

    /**
     * Delivers up to {@code limit} completions.
     *
     * @return completions delivered.
     */
    public int poll(final Completions completionHandler, final int limit)
    {
        handler = completionHandler;
        return completions.read(reader, limit);
    }

    /** Requests submitted and not yet delivered by {@link #poll}. */
    public int outstanding()
    {
        return tokens.length - freeCount;
    }

    /** Requests that may be outstanding at once. */
    public int capacity()
    {
        return tokens.length;
    }

    /** Completions for a slot that was not outstanding (none unless the endpoint misbehaves). */
    public long unknownCompletions()
    {
        return unknownCompletions;
    }

    /** Completions the endpoint could not deliver because the ring was full. */
    public long lostCompletions()
    {
        return connection.lostCompletions();
    }

    /** Gives the connection's queue pairs back (control plane); outstanding requests are abandoned. */
    void release()
    {
        release.run();
    }

    /** A readable name for a completion status. */
    public static String statusName(final int status)
    {
        return status >= REFUSED ? "refused-" + RoceStatus.name(REFUSED - status) : RoceStatus.name(status);
    }

    private int submit(
        final int type,
        final long remoteAddress,
        final int length,
        final DirectBuffer buffer,
        final int offset,
        final long token)
    {
        if (length < 1 || buffer.byteArray() != null || buffer.addressOffset() == 0 || offset < 0 ||
            (long)offset + length > buffer.capacity())
        {
            return BAD_BUFFER;
        }
        if (freeCount == 0)
        {
            return BACK_PRESSURED;
        }
        final int at = requests.tryClaim(type, RoceConnection.REQUEST_LENGTH);
        if (at < 0)
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[--freeCount];
        tokens[slot] = token;
        final MutableDirectBuffer out = requests.buffer();
        out.putInt(at + RoceConnection.SLOT_OFFSET, slot);
        out.putInt(at + RoceConnection.LENGTH_OFFSET, length);
        out.putLong(at + RoceConnection.REMOTE_ADDRESS_OFFSET, remoteAddress);
        out.putLong(at + RoceConnection.LOCAL_ADDRESS_OFFSET, buffer.addressOffset() + offset);
        requests.commit(at);
        return 0;
    }

    private void onCompletion(final int type, final MutableDirectBuffer buffer, final int at, final int length)
    {
        final int slot = buffer.getInt(at + RoceConnection.SLOT_OFFSET);
        final int status = buffer.getInt(at + RoceConnection.STATUS_OFFSET);
        if (slot < 0 || slot >= tokens.length)
        {
            unknownCompletions++;
            return;
        }
        final long token = tokens[slot];
        freeSlots[freeCount++] = slot;
        handler.onComplete(token, status);
    }
}
