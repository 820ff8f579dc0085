package org.edm.phy.host;

import org.agrona.collections.Long2LongHashMap;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.SendStreams;
import org.edm.phy.util.IndexedMinHeap;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * Everything a host has to send, in the order of edm-protocol §4.4, as a pool of message slots and two priority heaps.
 * <pre>
 *   state      meaning                                      where
 *   PENDING    needs its NOTIF (write) or first block (read request), or is an ACK or a cancelling NOTIF
 *                                                                                   pending heap
 *   GRANTED    may send blocks now (read request after its header; write or response with quota)   granted heap
 *   WAITING    notified or out of quota, waiting for a GRANT                          no heap
 *
 *   next block: a message that must finish an announcement (tag after header, resume tag) first; else the top of
 *   the granted heap; else the top of the pending heap. Heap key (smaller first):
 *     rank (2 bits) | remaining blocks (24 bits) | arrival sequence (37 bits)
 *   rank: NETSIM order  read requests and ACKs 0, writes and responses 1
 *         RTL order     responses and ACKs 0, requests 1
 *         SRPT order    all 0 (the IRD baseline)
 * </pre>
 */
final class OutboundMessages
{
    static final int FREE = 0;
    static final int PENDING = 1;
    static final int GRANTED = 2;
    static final int WAITING = 3;

    private final HostOrder order;
    private final Framing framing;
    private final Long2LongHashMap byKey;
    private int[] freeIds;
    private int freeCount;
    private long nextSequence;

    final IndexedMinHeap granted;
    final IndexedMinHeap pending;
    /**
     * Messages in either heap, refreshed whenever one changes: the engine's idle test reads this field instead of
     * two heap objects that are cold when the host only receives.
     */
    private int queued;
    MessageDescriptor[] descriptor;
    int[] state;
    int[] messageClass;
    int[] blocks;
    int[] nextIndex;
    int[] quota;
    long[] sequence;
    long[] requestId;
    int[] requestIndex;
    /** For an ACK: its status. */
    int[] status;

    OutboundMessages(final int capacity, final HostOrder order, final Framing framing)
    {
        this.order = order;
        this.framing = framing;
        // sized for the messages in flight, not the pool: a small table stays in cache (it grows if ever needed)
        byKey = new Long2LongHashMap(64, 0.5f, -1L);
        freeIds = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeIds[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        granted = new IndexedMinHeap(capacity);
        pending = new IndexedMinHeap(capacity);
        descriptor = new MessageDescriptor[capacity];
        for (int i = 0; i < capacity; i++)
        {
            descriptor[i] = new MessageDescriptor();
        }
        state = new int[capacity];
        messageClass = new int[capacity];
        blocks = new int[capacity];
        nextIndex = new int[capacity];
        quota = new int[capacity];
        sequence = new long[capacity];
        requestId = new long[capacity];
        requestIndex = new int[capacity];
        status = new int[capacity];
    }

    /**
     * The pool grows when every slot is taken (a memory node cannot refuse the responses and ACKs remote requesters
     * cause; their own outstanding limits bound how many there can be), so allocation never fails.
     */
    private void grow()
    {
        final int old = descriptor.length;
        final int size = old * 2;
        descriptor = java.util.Arrays.copyOf(descriptor, size);
        for (int i = old; i < size; i++)
        {
            descriptor[i] = new MessageDescriptor();
        }
        state = java.util.Arrays.copyOf(state, size);
        messageClass = java.util.Arrays.copyOf(messageClass, size);
        blocks = java.util.Arrays.copyOf(blocks, size);
        nextIndex = java.util.Arrays.copyOf(nextIndex, size);
        quota = java.util.Arrays.copyOf(quota, size);
        sequence = java.util.Arrays.copyOf(sequence, size);
        requestId = java.util.Arrays.copyOf(requestId, size);
        requestIndex = java.util.Arrays.copyOf(requestIndex, size);
        status = java.util.Arrays.copyOf(status, size);
        granted.ensureCapacity(size);
        pending.ensureCapacity(size);
        freeIds = java.util.Arrays.copyOf(freeIds, size);
        for (int id = size - 1; id >= old; id--)
        {
            freeIds[freeCount++] = id;
        }
    }

    int inUse()
    {
        return freeIds.length - freeCount;
    }

    /** A free slot for a message of {@code cls} (the pool grows if needed); fill its descriptor, then {@link #enqueue}. */
    int allocate(final int cls)
    {
        if (freeCount == 0)
        {
            grow();
        }
        final int id = freeIds[--freeCount];
        messageClass[id] = cls;
        state[id] = FREE;
        nextIndex[id] = 0;
        quota[id] = 0;
        requestId[id] = -1;
        requestIndex[id] = -1;
        status[id] = 0;
        sequence[id] = nextSequence++;
        return id;
    }

    /** Puts a filled message in its first state: PENDING, or WAITING for a response that waits for its grant. */
    void enqueue(final int id, final boolean waitForGrant)
    {
        final int cls = messageClass[id];
        blocks[id] = isSingle(cls) ? 1 : framing.blocks(cls, descriptor[id].length());
        if (isFound(cls))
        {
            byKey.put(key(id), id);
        }
        if (waitForGrant)
        {
            state[id] = WAITING;
        }
        else
        {
            state[id] = PENDING;
            pending.put(id, priority(id));
            recount();
        }
    }

    /** The message slot of (class, requester, tag) for a write or a response, or -1. */
    int find(final int cls, final int requester, final int tag)
    {
        return (int)byKey.get(SendStreams.messageKey(cls, requester, tag));
    }

    long key(final int id)
    {
        final MessageDescriptor d = descriptor[id];
        return SendStreams.messageKey(messageClass[id], d.requester(), d.tag());
    }

    void moveToGranted(final int id)
    {
        pending.remove(id);
        state[id] = GRANTED;
        granted.put(id, priority(id));
        recount();
    }

    void moveToWaiting(final int id)
    {
        pending.remove(id);
        granted.remove(id);
        state[id] = WAITING;
        recount();
    }

    /** Refreshes a granted message's key after it sent a block: fewer remaining, so the key only falls. */
    void reprioritise(final int id)
    {
        if (state[id] == GRANTED)
        {
            granted.decreaseKey(id, priority(id));
        }
    }

    void free(final int id)
    {
        pending.remove(id);
        granted.remove(id);
        recount();
        if (isFound(messageClass[id]))
        {
            byKey.remove(key(id));
        }
        state[id] = FREE;
        descriptor[id].data(null, 0);
        freeIds[freeCount++] = id;
    }

    /** Whether neither heap holds a message: nothing to send until a grant or a submission. */
    boolean nothingQueued()
    {
        return queued == 0;
    }

    private void recount()
    {
        queued = granted.size() + pending.size();
    }

    int remaining(final int id)
    {
        return blocks[id] - nextIndex[id];
    }

    private long priority(final int id)
    {
        final int cls = messageClass[id];
        final int rank = switch (order)
        {
            case NETSIM -> cls == CLASS_RREQ || isSingle(cls) ? 0 : 1;
            case RTL -> cls == CLASS_RRESP || isSingle(cls) ? 0 : 1;
            case SRPT -> 0;
        };
        final boolean byArrival = isSingle(cls) || (cls == CLASS_RREQ && order != HostOrder.SRPT);
        final long remaining = byArrival ? 0 : Math.min(remaining(id), (1 << 24) - 1);
        return ((long)rank << 61) | (remaining << 37) | (sequence[id] & ((1L << 37) - 1));
    }

    /** One-block control messages a host queues: ACKs, and NOTIFs that cancel a write. */
    static boolean isSingle(final int cls)
    {
        return cls == CLASS_ACK || cls == CLASS_NOTIF;
    }

    /**
     * Whether {@link #find} must know messages of {@code cls}: writes and responses, which GRANTs and repeated read
     * requests name. A read request is never looked up, so it stays out of the table.
     */
    static boolean isFound(final int cls)
    {
        return cls == CLASS_WREQ || cls == CLASS_RRESP;
    }

    static boolean needsGrant(final int cls)
    {
        return cls == CLASS_WREQ || cls == CLASS_RRESP;
    }

    static String className(final int cls)
    {
        return MemoryBlockTypes.name(MemoryBlockTypes.type(cls, 0));
    }
}
