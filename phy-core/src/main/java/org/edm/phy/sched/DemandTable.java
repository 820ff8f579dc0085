package org.edm.phy.sched;

import org.agrona.collections.Long2LongHashMap;

import java.util.Arrays;

/**
 * The scheduler's demand entries, one per message that needs grants, keyed by message id (kind, requester, tag) and
 * stored as parallel primitive arrays indexed by entry id. Not the reference's re-sorted array (edm-protocol §4.9:
 * its slot reuse could overwrite a live entry): ids are only reused after {@link #free(int)}.
 * <p>
 * Sizes grow by doubling when more messages are live at once than ever before, so memory follows the number of live
 * messages, not the length of a run.
 */
final class DemandTable
{
    static final int NONE = -1;

    private final Long2LongHashMap index;
    private int[] freeIds;
    private int freeCount;
    private int capacity;
    private int liveCount;

    long[] messageKey;
    int[] kind;
    int[] requester;
    int[] tag;
    int[] sender;
    int[] receiver;
    /** Blocks not yet granted. */
    int[] remaining;
    /** Blocks granted and not yet forwarded to the receiver. */
    int[] quota;
    /** Arrival order, the tie-break after remaining. */
    long[] sequence;
    /** Key under which the entry sits in the eligible set, or -1 when it is not there. */
    long[] eligibleKey;
    /** Slot from which a new entry may be matched (scheduler pipeline delay). */
    long[] eligibleFrom;
    boolean[] firstGrantPending;
    long[] registeredSlot;
    /** Last slot the message made progress (registered, granted, or had blocks forwarded). */
    long[] progressSlot;
    boolean[] live;

    DemandTable(final int initialCapacity)
    {
        capacity = Math.max(16, initialCapacity);
        // sized for the messages live at once, not the entry capacity: a small index stays in cache (it grows as needed)
        index = new Long2LongHashMap(64, 0.5f, NONE);
        allocateArrays(capacity);
        freeIds = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeIds[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    int live()
    {
        return liveCount;
    }

    int capacity()
    {
        return capacity;
    }

    /** Whether entry id {@code id} is live (0 <= id < capacity). */
    boolean isLive(final int id)
    {
        return live[id];
    }

    int find(final long key)
    {
        return (int)index.get(key);
    }

    /** A new entry for {@code key}, or NONE when the key is already live. */
    int allocate(final long key)
    {
        if (index.containsKey(key))
        {
            return NONE;
        }
        if (freeCount == 0)
        {
            grow();
        }
        final int id = freeIds[--freeCount];
        index.put(key, id);
        messageKey[id] = key;
        eligibleKey[id] = -1;
        this.live[id] = true;
        liveCount++;
        return id;
    }

    void free(final int id)
    {
        index.remove(messageKey[id]);
        live[id] = false;
        eligibleKey[id] = -1;
        remaining[id] = 0;
        quota[id] = 0;
        freeIds[freeCount++] = id;
        liveCount--;
    }

    private void grow()
    {
        final int old = capacity;
        capacity = old << 1;
        messageKey = Arrays.copyOf(messageKey, capacity);
        kind = Arrays.copyOf(kind, capacity);
        requester = Arrays.copyOf(requester, capacity);
        tag = Arrays.copyOf(tag, capacity);
        sender = Arrays.copyOf(sender, capacity);
        receiver = Arrays.copyOf(receiver, capacity);
        remaining = Arrays.copyOf(remaining, capacity);
        quota = Arrays.copyOf(quota, capacity);
        sequence = Arrays.copyOf(sequence, capacity);
        eligibleKey = Arrays.copyOf(eligibleKey, capacity);
        eligibleFrom = Arrays.copyOf(eligibleFrom, capacity);
        firstGrantPending = Arrays.copyOf(firstGrantPending, capacity);
        registeredSlot = Arrays.copyOf(registeredSlot, capacity);
        progressSlot = Arrays.copyOf(progressSlot, capacity);
        live = Arrays.copyOf(live, capacity);
        freeIds = Arrays.copyOf(freeIds, capacity);
        for (int id = capacity - 1; id >= old; id--)
        {
            freeIds[freeCount++] = id;
        }
    }

    private void allocateArrays(final int size)
    {
        messageKey = new long[size];
        kind = new int[size];
        requester = new int[size];
        tag = new int[size];
        sender = new int[size];
        receiver = new int[size];
        remaining = new int[size];
        quota = new int[size];
        sequence = new long[size];
        eligibleKey = new long[size];
        eligibleFrom = new long[size];
        firstGrantPending = new boolean[size];
        registeredSlot = new long[size];
        progressSlot = new long[size];
        live = new boolean[size];
    }
}
