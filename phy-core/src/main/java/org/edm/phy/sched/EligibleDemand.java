package org.edm.phy.sched;

import org.edm.phy.util.IndexedMinHeap;

/**
 * The entries that may be granted now, organised for matching without scanning every outstanding message.
 * <pre>
 *   per (receiver, sender) pair:  EntryHeap of eligible entries, smallest (remaining, arrival) first
 *   per receiver:                 IndexedMinHeap of senders, keyed by the smallest entry of their pair
 *   all receivers:                bit set of those whose sender heap is not empty
 * </pre>
 * {@link #bestLegal(int, boolean[])} walks a receiver's senders in priority order, skipping senders that may not send
 * this slot; at most one sender per locked receiver can be illegal, so a walk skips at most P entries whatever the
 * number of messages. Entries leave lazily: an entry whose {@code eligibleKey} no longer matches its heap key is
 * dropped when it reaches the top.
 */
final class EligibleDemand
{
    private final DemandTable table;
    private final int ports;
    private final EntryHeap[] pairs;
    private final IndexedMinHeap[] sendersByReceiver;
    private final int[] stash;
    private final long[] stashKeys;
    /** Bit r set while receiver r's sender heap is not empty, so matching visits only receivers with demand. */
    private final long[] demandBits;
    private int eligible;

    EligibleDemand(final DemandTable table, final int ports)
    {
        this.table = table;
        this.ports = ports;
        pairs = new EntryHeap[ports * ports];
        sendersByReceiver = new IndexedMinHeap[ports];
        for (int r = 0; r < ports; r++)
        {
            sendersByReceiver[r] = new IndexedMinHeap(ports);
        }
        stash = new int[ports];
        stashKeys = new long[ports];
        demandBits = new long[(ports + 63) >>> 6];
    }

    /** Eligible entries (approximate: retired entries leave lazily). */
    int size()
    {
        return eligible;
    }

    static long key(final int remaining, final long sequence)
    {
        return ((long)remaining << 40) | (sequence & ((1L << 40) - 1));
    }

    void add(final int entry)
    {
        add(entry, table.remaining[entry]);
    }

    /** Adds an entry ranked as if {@code rankRemaining} blocks remained (the starvation guard ranks starved ones 0). */
    void add(final int entry, final int rankRemaining)
    {
        final int r = table.receiver[entry];
        final int s = table.sender[entry];
        final long key = key(rankRemaining, table.sequence[entry]);
        table.eligibleKey[entry] = key;
        final int pairIndex = r * ports + s;
        EntryHeap pair = pairs[pairIndex];
        if (pair == null)
        {
            pair = new EntryHeap(4);
            pairs[pairIndex] = pair;
        }
        pair.push(key, entry);
        eligible++;
        final IndexedMinHeap senders = sendersByReceiver[r];
        if (!senders.contains(s) || key < senders.key(s))
        {
            senders.put(s, key);
        }
        demandBits[r >>> 6] |= 1L << r;
    }

    /** Marks an entry as no longer eligible; it leaves its heap when it reaches the top. */
    void invalidate(final int entry)
    {
        if (table.eligibleKey[entry] >= 0)
        {
            table.eligibleKey[entry] = -1;
            eligible--;
        }
    }

    boolean hasDemand(final int receiver)
    {
        return !sendersByReceiver[receiver].isEmpty();
    }

    /** Word {@code word} of the set of receivers with demand (receiver r is bit r % 64 of word r / 64). */
    long demandWord(final int word)
    {
        return demandBits[word];
    }

    int demandWords()
    {
        return demandBits.length;
    }

    /** Whether sender {@code s} has eligible demand for receiver {@code r} (after dropping stale entries). */
    boolean hasPair(final int r, final int s)
    {
        return sendersByReceiver[r].contains(s) && cleanTop(r, s) >= 0;
    }

    /** The best eligible entry of the pair (r, s), or -1. */
    int pairTop(final int r, final int s)
    {
        return sendersByReceiver[r].contains(s) ? cleanTop(r, s) : -1;
    }

    /**
     * The highest-priority eligible entry for {@code receiver} whose sender is not {@code illegal}, or -1.
     */
    int bestLegal(final int receiver, final boolean[] illegal)
    {
        final IndexedMinHeap senders = sendersByReceiver[receiver];
        int stashed = 0;
        int best = -1;
        while (!senders.isEmpty())
        {
            final int s = senders.peek();
            final int top = cleanTop(receiver, s);
            if (top < 0)
            {
                continue;
            }
            if (!illegal[s])
            {
                best = top;
                break;
            }
            stash[stashed] = s;
            stashKeys[stashed++] = senders.key(s);
            senders.remove(s);
        }
        for (int i = 0; i < stashed; i++)
        {
            senders.put(stash[i], stashKeys[i]);
        }
        // the walk may have emptied the heap for a moment (stale tops dropped while legal senders were stashed)
        if (senders.isEmpty())
        {
            demandBits[receiver >>> 6] &= ~(1L << receiver);
        }
        else
        {
            demandBits[receiver >>> 6] |= 1L << receiver;
        }
        return best;
    }

    /** Removes a granted entry, which must be the top of its pair. */
    void removeTop(final int entry)
    {
        final int r = table.receiver[entry];
        final int s = table.sender[entry];
        final EntryHeap pair = pairs[r * ports + s];
        pair.pop();
        table.eligibleKey[entry] = -1;
        eligible--;
        cleanTop(r, s);
    }

    /**
     * Drops stale entries from the top of pair (r, s) and keeps the receiver's sender heap in step.
     *
     * @return the pair's best live entry, or -1 (the sender then leaves the receiver's heap).
     */
    private int cleanTop(final int r, final int s)
    {
        final EntryHeap pair = pairs[r * ports + s];
        final IndexedMinHeap senders = sendersByReceiver[r];
        while (pair != null && !pair.isEmpty())
        {
            final int top = pair.peekId();
            final long key = pair.peekKey();
            if (table.eligibleKey[top] == key)
            {
                if (senders.key(s) != key || !senders.contains(s))
                {
                    senders.put(s, key);
                    demandBits[r >>> 6] |= 1L << r;
                }
                return top;
            }
            pair.pop();
        }
        senders.remove(s);
        if (senders.isEmpty())
        {
            demandBits[r >>> 6] &= ~(1L << r);
        }
        return -1;
    }
}
