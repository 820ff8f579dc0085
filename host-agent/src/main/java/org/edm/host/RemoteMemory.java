package org.edm.host;

import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.edm.phy.mem.CompletionStatus;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * A session of remote-memory operations for one application thread, the way an RDMA queue pair serves one thread:
 * reads and writes of (node, region key, address, length) into or from the caller's native memory, asynchronous,
 * completed by {@link #poll polling} or by a callback, with blocking conveniences. Requests go to the host agent over a
 * lock-free single-producer ring and completions come back over another; nothing is shared with other sessions.
 * <pre>
 *   long id = session.read(node, key, address, destination);   // >= 0, or a negative CompletionStatus code
 *   ...
 *   session.poll((requestId, status) -> ..., 64);               // delivers completions, runs callbacks
 *   int status = session.readBlocking(node, key, address, destination);
 * </pre>
 * Buffers must be native {@link MemorySegment}s (from an {@code Arena}) and must stay valid and unchanged (for writes)
 * until the request completes. At most {@link #capacity()} requests may be outstanding; beyond that a submission
 * returns {@code -BACK_PRESSURED}. Not thread-safe: one session per thread.
 * <p>
 * Request ids are unique in a session but not consecutive: the low bits name the callback slot the request holds until
 * it completes, so completions may come back in any order (different nodes, sizes and timeouts) without one request's
 * callback being confused with another's.
 */
public final class RemoteMemory implements AutoCloseable
{
    /** Waits used by the blocking calls: run the agent (INVOKER mode) or idle. */
    public interface Waiter
    {
        void waitOnce();
    }

    private final int index;
    private final int capacity;
    private final OneToOneRingBuffer requests;
    private final OneToOneRingBuffer completions;
    private final org.agrona.concurrent.MessageHandler completionReader = this::onCompletion;
    private final CompletionHandler[] callbacks;
    private final long[] callbackIds;
    private final int[] freeSlots;
    private final int slotBits;
    private int freeCount;
    private final Waiter waiter;
    private final BlockingWait blockingWait = new BlockingWait();
    private long nextSequence;
    private int outstanding;
    private CompletionHandler pollHandler;
    private volatile boolean closed;

    RemoteMemory(final int index, final int capacity, final Waiter waiter)
    {
        if (Integer.bitCount(capacity) != 1 || capacity < 1 || capacity > 65536)
        {
            throw new IllegalArgumentException("session capacity=" + capacity + " must be a power of two in 1..65536");
        }
        this.index = index;
        this.capacity = capacity;
        this.waiter = waiter;
        requests = new OneToOneRingBuffer(ring(capacity * (RequestRecords.REQUEST_LENGTH + 8)));
        completions = new OneToOneRingBuffer(ring(capacity * (RequestRecords.COMPLETION_LENGTH + 8) * 2));
        callbacks = new CompletionHandler[capacity];
        callbackIds = new long[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        java.util.Arrays.fill(callbackIds, -1);
        freeCount = capacity;
        slotBits = Integer.numberOfTrailingZeros(capacity);
    }

    /** The session's number at its agent. */
    public int index()
    {
        return index;
    }

    /** Requests that may be outstanding at once. */
    public int capacity()
    {
        return capacity;
    }

    /** Requests submitted and not yet completed (as seen by this session). */
    public int outstanding()
    {
        return outstanding;
    }

    /**
     * Reads {@code destination.byteSize()} bytes at {@code address} of region {@code key} on {@code node}.
     *
     * @return the request id (>= 0), or a negative CompletionStatus code (BACK_PRESSURED, BAD_LENGTH).
     */
    public long read(final int node, final int key, final long address, final MemorySegment destination)
    {
        return submit(RequestRecords.READ, node, key, address, destination, null);
    }

    /** As {@link #read(int, int, long, MemorySegment)}, with {@code callback} run by {@link #poll} on completion. */
    public long read(
        final int node, final int key, final long address, final MemorySegment destination,
        final CompletionHandler callback)
    {
        return submit(RequestRecords.READ, node, key, address, destination, callback);
    }

    /**
     * Writes {@code source.byteSize()} bytes to {@code address} of region {@code key} on {@code node}.
     *
     * @return the request id (>= 0), or a negative CompletionStatus code.
     */
    public long write(final int node, final int key, final long address, final MemorySegment source)
    {
        return submit(RequestRecords.WRITE, node, key, address, source, null);
    }

    /** As {@link #write(int, int, long, MemorySegment)}, with a callback. */
    public long write(
        final int node, final int key, final long address, final MemorySegment source, final CompletionHandler callback)
    {
        return submit(RequestRecords.WRITE, node, key, address, source, callback);
    }

    /**
     * Delivers up to {@code limit} completions: to the request's callback if it had one, else to {@code handler}.
     *
     * @return completions delivered.
     */
    public int poll(final CompletionHandler handler, final int limit)
    {
        pollHandler = handler;
        return completions.read(completionReader, limit);
    }

    /** Reads and waits for the completion; returns its status. */
    public int readBlocking(final int node, final int key, final long address, final MemorySegment destination)
    {
        return await(read(node, key, address, destination, blockingWait));
    }

    /** Writes and waits for the completion; returns its status. */
    public int writeBlocking(final int node, final int key, final long address, final MemorySegment source)
    {
        return await(write(node, key, address, source, blockingWait));
    }

    /** Waits until every outstanding request has completed, delivering completions to {@code handler}. */
    public void drain(final CompletionHandler handler)
    {
        while (outstanding > 0)
        {
            if (poll(handler, 256) == 0)
            {
                waiter.waitOnce();
            }
        }
    }

    /** A batch of requests handed to the agent together. */
    public Batch batch()
    {
        return new Batch();
    }

    public void close()
    {
        closed = true;
    }

    boolean isClosed()
    {
        return closed;
    }

    // ---- the agent's side ------------------------------------------------------------------------------------------

    OneToOneRingBuffer requestRing()
    {
        return requests;
    }

    /** Called by the agent: a request of this session ended. False when the completion ring is full (counted). */
    boolean complete(final long requestId, final int status)
    {
        final int at = completions.tryClaim(RequestRecords.COMPLETION, RequestRecords.COMPLETION_LENGTH);
        if (at < 0)
        {
            return false;
        }
        final var buffer = completions.buffer();
        buffer.putLong(at + RequestRecords.REQUEST_ID_OFFSET, requestId);
        buffer.putInt(at + RequestRecords.STATUS_OFFSET, status);
        completions.commit(at);
        return true;
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private long submit(
        final int type, final int node, final int key, final long address, final MemorySegment buffer,
        final CompletionHandler callback)
    {
        final long length = checkBuffer(buffer);
        if (length <= 0 || length > Integer.MAX_VALUE)
        {
            return -CompletionStatus.BAD_LENGTH;
        }
        if (outstanding == capacity || closed)
        {
            return -CompletionStatus.BACK_PRESSURED;
        }
        final int slot = freeSlots[freeCount - 1];
        final long id = (nextSequence << slotBits) | slot;
        final int at = requests.tryClaim(type, RequestRecords.REQUEST_LENGTH);
        if (at < 0)
        {
            return -CompletionStatus.BACK_PRESSURED;
        }
        nextSequence++;
        freeCount--;
        final var out = requests.buffer();
        out.putLong(at + RequestRecords.REQUEST_ID_OFFSET, id);
        out.putLong(at + RequestRecords.ADDRESS_OFFSET, address);
        out.putLong(at + RequestRecords.BUFFER_OFFSET, buffer.address());
        out.putInt(at + RequestRecords.NODE_OFFSET, node);
        out.putInt(at + RequestRecords.KEY_OFFSET, key);
        out.putInt(at + RequestRecords.LENGTH_OFFSET, (int)length);
        requests.commit(at);
        callbacks[slot] = callback;
        callbackIds[slot] = id;
        outstanding++;
        return id;
    }

    private static long checkBuffer(final MemorySegment buffer)
    {
        if (buffer == null || !buffer.isNative())
        {
            throw new IllegalArgumentException("remote-memory buffers must be native memory segments (Arena.allocate)");
        }
        return buffer.byteSize();
    }

    private void onCompletion(final int type, final org.agrona.MutableDirectBuffer buffer, final int at, final int length)
    {
        final long id = buffer.getLong(at + RequestRecords.REQUEST_ID_OFFSET);
        final int status = buffer.getInt(at + RequestRecords.STATUS_OFFSET);
        final int slot = (int)id & (capacity - 1);
        if (callbackIds[slot] != id)
        {
            return;
        }
        final CompletionHandler callback = callbacks[slot];
        callbacks[slot] = null;
        callbackIds[slot] = -1;
        freeSlots[freeCount++] = slot;
        outstanding--;
        if (callback != null)
        {
            callback.onComplete(id, status);
        }
        else if (pollHandler != null)
        {
            pollHandler.onComplete(id, status);
        }
    }

    private int await(final long id)
    {
        if (id < 0)
        {
            return (int)-id;
        }
        blockingWait.expect(id);
        while (!blockingWait.done)
        {
            if (poll(null, 64) == 0)
            {
                waiter.waitOnce();
            }
        }
        return blockingWait.status;
    }

    private static UnsafeBuffer ring(final int bytes)
    {
        final int size = Integer.highestOneBit(Math.max(1024, bytes) - 1) << 1;
        return new UnsafeBuffer(ByteBuffer.allocateDirect(size + RingBufferDescriptor.TRAILER_LENGTH));
    }

    /** The completion callback of a blocking call. */
    private static final class BlockingWait implements CompletionHandler
    {
        private long expected;
        private boolean done;
        private int status;

        void expect(final long id)
        {
            expected = id;
            done = false;
        }

        public void onComplete(final long requestId, final int completionStatus)
        {
            if (requestId == expected)
            {
                status = completionStatus;
                done = true;
            }
        }
    }

    /**
     * Several requests written to the ring back to back, so the agent takes them in one duty cycle. Reusable:
     * {@link #submit()} returns the count handed over and empties it.
     */
    public final class Batch
    {
        private final int[] types = new int[capacity];
        private final int[] nodes = new int[capacity];
        private final int[] keys = new int[capacity];
        private final long[] addresses = new long[capacity];
        private final MemorySegment[] buffers = new MemorySegment[capacity];
        private final CompletionHandler[] handlers = new CompletionHandler[capacity];
        private int count;

        public Batch read(final int node, final int key, final long address, final MemorySegment destination,
            final CompletionHandler callback)
        {
            return add(RequestRecords.READ, node, key, address, destination, callback);
        }

        public Batch write(final int node, final int key, final long address, final MemorySegment source,
            final CompletionHandler callback)
        {
            return add(RequestRecords.WRITE, node, key, address, source, callback);
        }

        /**
         * Hands every request of the batch to the agent, in order.
         *
         * @return requests submitted; those beyond the session's room are not submitted and stay in the batch.
         */
        public int submit()
        {
            int submitted = 0;
            while (submitted < count)
            {
                final long id = RemoteMemory.this.submit(types[submitted], nodes[submitted], keys[submitted],
                    addresses[submitted], buffers[submitted], handlers[submitted]);
                if (id == -CompletionStatus.BACK_PRESSURED)
                {
                    break;
                }
                if (id < 0 && handlers[submitted] != null)
                {
                    handlers[submitted].onComplete(id, (int)-id);
                }
                submitted++;
            }
            final int left = count - submitted;
            System.arraycopy(types, submitted, types, 0, left);
            System.arraycopy(nodes, submitted, nodes, 0, left);
            System.arraycopy(keys, submitted, keys, 0, left);
            System.arraycopy(addresses, submitted, addresses, 0, left);
            System.arraycopy(buffers, submitted, buffers, 0, left);
            System.arraycopy(handlers, submitted, handlers, 0, left);
            for (int i = left; i < count; i++)
            {
                buffers[i] = null;
                handlers[i] = null;
            }
            count = left;
            return submitted;
        }

        public int size()
        {
            return count;
        }

        private Batch add(final int type, final int node, final int key, final long address, final MemorySegment buffer,
            final CompletionHandler callback)
        {
            if (count == capacity)
            {
                throw new IllegalStateException("batch holds at most " + capacity + " requests");
            }
            checkBuffer(buffer);
            types[count] = type;
            nodes[count] = node;
            keys[count] = key;
            addresses[count] = address;
            buffers[count] = buffer;
            handlers[count] = callback;
            count++;
            return this;
        }
    }
}
