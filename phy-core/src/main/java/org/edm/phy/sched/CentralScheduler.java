package org.edm.phy.sched;

import org.edm.phy.util.IndexedMinHeap;

import java.util.Arrays;

/**
 * EDM's central memory-traffic scheduler (edm-protocol §4): demand in, grants out, one call per slot. No clock, no
 * threads: the caller hands in slot numbers, registers demand as NOTIF and RREQ headers arrive, and reports every
 * granted block it forwards to its receiver.
 * <pre>
 *   register(WRITE | READ_RESPONSE, ...)     a NOTIF, or an RREQ header (which is the demand for its reply)
 *   schedule(slot, listener)                 at the start of every slot: release, match, grant
 *   forwarded(entry, blocks)                 granted blocks left the switch toward the receiver
 *   retire(entry)                            the message ended early (error): forget what it still needed
 * </pre>
 * Each slot: (1) a receiver whose granted-but-unforwarded blocks fell to {@code releaseBlocks} is released (its circuit
 * can be handed over one bandwidth-delay product early); (2) a sender holding a circuit may not be matched again;
 * (3) the matcher picks a conflict-free set of (sender, receiver) pairs, each at most once; (4) each match grants
 * min(remaining, chunk) blocks of the pair's shortest message. A message's next chunk is granted automatically once its
 * granted blocks have been forwarded (or, with {@code maxChunksPerMessage} > 1, once few enough are in flight).
 * Ties in remaining size go to the earlier registration, so a run is deterministic for given inputs.
 * <p>
 * Cost per slot: O(1) when nothing changed since the last matching (no new demand, no release, no drained chunk), which
 * is most slots; otherwise O(F log P + M log N) for F free receivers with demand, P ports, M grants and N eligible
 * entries, plus at most P skipped senders per receiver. It never scans every outstanding message: 40,000 outstanding
 * messages on 144 ports cost the same per slot as 40.
 */
public final class CentralScheduler
{
    /** Demand kinds. */
    public static final int WRITE = 0;
    public static final int READ_RESPONSE = 1;

    /** register() failures. */
    public static final int DUPLICATE = -1;
    public static final int BAD_PORT = -2;
    public static final int BAD_LENGTH = -3;

    private static final int FREE = -1;

    private final SchedulerConfig config;
    private final int ports;
    private final DemandTable table;
    private final EligibleDemand eligible;
    private final int[] lockedBy;
    private final int[] inflight;
    private final boolean[] illegal;
    private final int[] pendingRelease;
    private final boolean[] releasePending;
    private int pendingReleaseCount;
    private int[] delayedEntries = new int[64];
    private long[] delayedSequences = new long[64];
    private int delayedHead;
    private int delayedTail;
    private final IndexedMinHeap candidates;
    private final int[] candidateEntry;
    private final PriorityPimMatcher pim;
    private final RoundRobinMatcher roundRobin;

    private boolean dirty;
    private long nextSequence;
    private long grants;
    private long blocksGranted;
    private long blocksForwarded;
    private long overForwarded;
    private long matchingRuns;
    private long staleRetired;
    private long starvationPromotions;
    private long nextStarvationCheck;
    private GrantListener listener;
    private long currentSlot;

    public CentralScheduler(final SchedulerConfig config)
    {
        this.config = config;
        this.ports = config.ports();
        table = new DemandTable(config.initialEntries());
        eligible = new EligibleDemand(table, ports);
        lockedBy = new int[ports];
        Arrays.fill(lockedBy, FREE);
        inflight = new int[ports];
        illegal = new boolean[ports];
        pendingRelease = new int[ports];
        releasePending = new boolean[ports];
        candidates = new IndexedMinHeap(ports);
        candidateEntry = new int[ports];
        pim = new PriorityPimMatcher(this, ports);
        roundRobin = new RoundRobinMatcher(this, ports);
    }

    public SchedulerConfig config()
    {
        return config;
    }

    /**
     * Registers the demand of a message.
     *
     * @param kind      WRITE (from a NOTIF: sender = requester) or READ_RESPONSE (from an RREQ: sender = memory node,
     *                  receiver = requester; its first grant is when the held RREQ must be released).
     * @param sender    port that will send the message's blocks.
     * @param receiver  port they go to.
     * @param requester node id of the requester (with the tag it identifies the message).
     * @param tag       the requester's tag.
     * @param blocks    blocks the message needs (the fabric's framing decides how many).
     * @param slot      the current slot.
     * @return the entry id, or DUPLICATE, BAD_PORT, BAD_LENGTH.
     */
    public int register(
        final int kind,
        final int sender,
        final int receiver,
        final int requester,
        final int tag,
        final int blocks,
        final long slot)
    {
        if (sender < 0 || sender >= ports || receiver < 0 || receiver >= ports || sender == receiver)
        {
            return BAD_PORT;
        }
        if (blocks <= 0)
        {
            return BAD_LENGTH;
        }
        final int entry = table.allocate(key(kind, requester, tag));
        if (entry < 0)
        {
            return DUPLICATE;
        }
        table.kind[entry] = kind;
        table.requester[entry] = requester;
        table.tag[entry] = tag;
        table.sender[entry] = sender;
        table.receiver[entry] = receiver;
        table.remaining[entry] = blocks;
        table.quota[entry] = 0;
        table.sequence[entry] = nextSequence++;
        table.firstGrantPending[entry] = true;
        table.registeredSlot[entry] = slot;
        table.progressSlot[entry] = slot;
        table.eligibleFrom[entry] = slot + 1 + config.delaySlots();
        if (config.delaySlots() == 0)
        {
            eligible.add(entry);
            dirty = true;
        }
        else
        {
            enqueueDelayed(entry);
        }
        return entry;
    }

    /** The entry of a message, or -1. */
    public int find(final int kind, final int requester, final int tag)
    {
        return table.find(key(kind, requester, tag));
    }

    /**
     * Runs one slot: releases receivers, matches, grants. Call once per slot, before forwarding.
     *
     * @return the number of grants made.
     */
    public int schedule(final long slot, final GrantListener grantListener)
    {
        currentSlot = slot;
        listener = grantListener;
        releaseReceivers();
        admitDelayed(slot);
        if (config.starvationSlots() > 0 && slot >= nextStarvationCheck)
        {
            promoteStarved(slot);
        }
        if (!dirty)
        {
            return 0;
        }
        dirty = false;
        matchingRuns++;
        return switch (config.matcher())
        {
            case GREEDY -> matchGreedy();
            case PIM -> pim.match(config.iterations());
            case ISLIP -> roundRobin.match(config.iterations());
        };
    }

    /**
     * Accounts for {@code blocks} granted blocks of {@code entry} that left the switch toward the receiver. When the
     * chunk has drained the message becomes eligible for its next chunk; when the message is done the entry is freed.
     */
    public void forwarded(final int entry, final int blocks)
    {
        table.progressSlot[entry] = currentSlot;
        final int r = table.receiver[entry];
        int counted = blocks;
        if (counted > table.quota[entry])
        {
            overForwarded += counted - table.quota[entry];
            counted = table.quota[entry];
        }
        table.quota[entry] -= counted;
        inflight[r] -= counted;
        blocksForwarded += counted;
        markReleaseIfDrained(r);
        if (table.remaining[entry] == 0 && table.quota[entry] == 0)
        {
            table.free(entry);
            return;
        }
        if (table.eligibleKey[entry] < 0 && isEligible(entry))
        {
            eligible.add(entry, rankRemaining(entry));
            dirty = true;
        }
    }

    /**
     * The IRD oracle: the sender of {@code entry} just spent its quota, so its receiver is released now (only with
     * {@link SchedulerConfig.ReleasePolicy#SENDER_SPENT}; otherwise ignored).
     */
    public void senderSpent(final int entry)
    {
        if (config.release() != SchedulerConfig.ReleasePolicy.SENDER_SPENT)
        {
            return;
        }
        final int r = table.receiver[entry];
        final int s = table.sender[entry];
        if (lockedBy[r] == s)
        {
            lockedBy[r] = FREE;
            if (config.senderConflicts())
            {
                illegal[s] = false;
            }
            dirty = true;
        }
    }

    /** Forgets a message that ended early (an error ACK, or its blocks will never come); frees its circuit share. */
    public void retire(final int entry)
    {
        final int r = table.receiver[entry];
        if (table.quota[entry] > 0)
        {
            // under IRD only the sender spending its quota releases the circuit, and this message never will
            senderSpent(entry);
        }
        inflight[r] -= table.quota[entry];
        eligible.invalidate(entry);
        table.free(entry);
        markReleaseIfDrained(r);
        dirty = true;
    }

    /** The registration number of a live entry: with {@link #isLive} it tells a reused entry id from the old one. */
    public long sequence(final int entry)
    {
        return table.sequence[entry];
    }

    /** Whether {@code entry} still holds the message that had {@code sequence} when registered. */
    public boolean isLive(final int entry, final long sequence)
    {
        return entry >= 0 && entry < table.capacity() && table.live[entry] && table.sequence[entry] == sequence;
    }

    /**
     * Retires every message that holds granted blocks and made no progress for {@code staleSlots} slots: its blocks
     * were lost (a lossy software fabric), so it would hold its share of the receiver's circuit forever. Scans the
     * live entries; call it every staleSlots / 8 slots or so, not every slot.
     *
     * @return messages retired.
     */
    public int retireStale(final long slot, final long staleSlots)
    {
        int retired = 0;
        for (int entry = 0; entry < table.capacity(); entry++)
        {
            if (table.isLive(entry) && table.quota[entry] > 0 && slot - table.progressSlot[entry] > staleSlots)
            {
                retire(entry);
                retired++;
            }
        }
        staleRetired += retired;
        return retired;
    }

    /** Messages retired by {@link #retireStale}. */
    public long staleRetired()
    {
        return staleRetired;
    }

    public int kind(final int entry)
    {
        return table.kind[entry];
    }

    public int requester(final int entry)
    {
        return table.requester[entry];
    }

    public int tag(final int entry)
    {
        return table.tag[entry];
    }

    public int sender(final int entry)
    {
        return table.sender[entry];
    }

    public int receiver(final int entry)
    {
        return table.receiver[entry];
    }

    /** Blocks of the message not yet granted. */
    public int remaining(final int entry)
    {
        return table.remaining[entry];
    }

    /** Blocks granted and not yet forwarded. */
    public int quota(final int entry)
    {
        return table.quota[entry];
    }

    /** The sender currently holding the circuit to {@code receiver}, or -1. */
    public int circuitOwner(final int receiver)
    {
        return lockedBy[receiver];
    }

    /** Granted-but-unforwarded blocks toward {@code receiver}. */
    public int inflight(final int receiver)
    {
        return inflight[receiver];
    }

    /** Messages with demand registered and not finished. */
    public int liveEntries()
    {
        return table.live();
    }

    public long grants()
    {
        return grants;
    }

    public long blocksGranted()
    {
        return blocksGranted;
    }

    public long blocksForwarded()
    {
        return blocksForwarded;
    }

    /** Blocks reported forwarded beyond what was granted (a misbehaving sender); not counted against the circuit. */
    public long overForwarded()
    {
        return overForwarded;
    }

    /** Slots in which the matcher ran (others were skipped because nothing had changed). */
    public long matchingRuns()
    {
        return matchingRuns;
    }

    /** Whether a schedule() call would have nothing to do: no demand waiting and no receiver to release. */
    public boolean idle()
    {
        return !dirty && pendingReleaseCount == 0 && delayedHead == delayedTail;
    }

    // ---- used by the matchers --------------------------------------------------------------------------------------

    EligibleDemand eligible()
    {
        return eligible;
    }

    boolean[] illegalSenders()
    {
        return illegal;
    }

    boolean isFree(final int receiver)
    {
        return lockedBy[receiver] == FREE;
    }

    long priorityKey(final int entry)
    {
        return table.eligibleKey[entry];
    }

    int senderOf(final int entry)
    {
        return table.sender[entry];
    }

    /** Grants the next chunk of {@code entry}, which must be the top of its pair, and locks the circuit. */
    void grant(final int entry)
    {
        final int r = table.receiver[entry];
        final int s = table.sender[entry];
        eligible.removeTop(entry);
        final int chunk = Math.min(table.remaining[entry], config.chunkBlocks());
        table.remaining[entry] -= chunk;
        table.quota[entry] += chunk;
        inflight[r] += chunk;
        lockedBy[r] = s;
        illegal[s] = config.senderConflicts();
        grants++;
        blocksGranted += chunk;
        final boolean first = table.firstGrantPending[entry];
        table.firstGrantPending[entry] = false;
        table.progressSlot[entry] = currentSlot;
        markReleaseIfDrained(r);
        if (isEligible(entry))
        {
            eligible.add(entry, rankRemaining(entry));
        }
        listener.onGrant(entry, s, r, chunk, first);
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private int matchGreedy()
    {
        candidates.clear();
        for (int w = 0; w < eligible.demandWords(); w++)
        {
            // receivers without demand are skipped without touching their heaps (cold in a rack of many ports)
            long bits = eligible.demandWord(w);
            while (bits != 0)
            {
                offerBest((w << 6) + Long.numberOfTrailingZeros(bits));
                bits &= bits - 1;
            }
        }
        int granted = 0;
        while (!candidates.isEmpty())
        {
            final int r = candidates.poll();
            final int entry = candidateEntry[r];
            if (illegal[table.sender[entry]] || table.eligibleKey[entry] != candidates.key(r))
            {
                offerBest(r);
                continue;
            }
            grant(entry);
            granted++;
        }
        return granted;
    }

    private void offerBest(final int r)
    {
        if (lockedBy[r] != FREE || !eligible.hasDemand(r))
        {
            return;
        }
        final int best = eligible.bestLegal(r, illegal);
        if (best >= 0)
        {
            candidateEntry[r] = best;
            candidates.put(r, table.eligibleKey[best]);
        }
    }

    /**
     * The starvation guard: every quarter of the threshold, demand that waited longer than the threshold since it was
     * registered and is eligible is moved to the front (as if nothing remained, so oldest first among such).
     */
    private void promoteStarved(final long slot)
    {
        final long threshold = config.starvationSlots();
        nextStarvationCheck = slot + Math.max(1, threshold / 4);
        for (int entry = 0; entry < table.capacity(); entry++)
        {
            if (table.isLive(entry) && table.eligibleKey[entry] >= 0 && slot - table.registeredSlot[entry] > threshold &&
                table.eligibleKey[entry] != EligibleDemand.key(0, table.sequence[entry]))
            {
                eligible.invalidate(entry);
                eligible.add(entry, 0);
                starvationPromotions++;
                dirty = true;
            }
        }
    }

    /** Times the starvation guard moved waiting demand to the front. */
    public long starvationPromotions()
    {
        return starvationPromotions;
    }

    /** The remaining size a message is ranked by: 0 once it has waited past the starvation threshold. */
    private int rankRemaining(final int entry)
    {
        final long threshold = config.starvationSlots();
        return threshold > 0 && currentSlot - table.registeredSlot[entry] > threshold ? 0 : table.remaining[entry];
    }

    private boolean isEligible(final int entry)
    {
        return table.remaining[entry] > 0 &&
            table.quota[entry] <= (config.maxChunksPerMessage() - 1) * config.chunkBlocks();
    }

    private void markReleaseIfDrained(final int receiver)
    {
        if (config.release() == SchedulerConfig.ReleasePolicy.BDP && lockedBy[receiver] != FREE && !releasePending[receiver] && inflight[receiver] <= config.releaseBlocks())
        {
            releasePending[receiver] = true;
            pendingRelease[pendingReleaseCount++] = receiver;
        }
    }

    private void releaseReceivers()
    {
        for (int i = 0; i < pendingReleaseCount; i++)
        {
            final int r = pendingRelease[i];
            releasePending[r] = false;
            final int s = lockedBy[r];
            if (s != FREE && inflight[r] <= config.releaseBlocks())
            {
                lockedBy[r] = FREE;
                if (config.senderConflicts())
                {
                    illegal[s] = false;
                }
                dirty = true;
            }
        }
        pendingReleaseCount = 0;
    }

    /** New entries wait here for the pipeline delay; in registration order, so also in eligibleFrom order. */
    private void enqueueDelayed(final int entry)
    {
        if (delayedTail - delayedHead == delayedEntries.length)
        {
            final int size = delayedEntries.length;
            final int[] entries = new int[size << 1];
            final long[] sequences = new long[size << 1];
            for (int i = 0; i < size; i++)
            {
                entries[i] = delayedEntries[(delayedHead + i) & (size - 1)];
                sequences[i] = delayedSequences[(delayedHead + i) & (size - 1)];
            }
            delayedEntries = entries;
            delayedSequences = sequences;
            delayedHead = 0;
            delayedTail = size;
        }
        final int mask = delayedEntries.length - 1;
        delayedEntries[delayedTail & mask] = entry;
        delayedSequences[delayedTail & mask] = table.sequence[entry];
        delayedTail++;
    }

    private void admitDelayed(final long slot)
    {
        final int mask = delayedEntries.length - 1;
        while (delayedHead != delayedTail)
        {
            final int entry = delayedEntries[delayedHead & mask];
            // a live entry is its key's entry in the index, so this is find(key) == entry without the hash lookup
            final boolean stillLive = table.sequence[entry] == delayedSequences[delayedHead & mask] && table.live[entry];
            if (stillLive && table.eligibleFrom[entry] > slot)
            {
                break;
            }
            delayedHead++;
            if (stillLive && table.remaining[entry] > 0 && table.eligibleKey[entry] < 0 && table.quota[entry] == 0)
            {
                eligible.add(entry);
                dirty = true;
            }
        }
    }

    private static long key(final int kind, final int requester, final int tag)
    {
        return ((long)kind << 40) | ((long)requester << 16) | (tag & 0xFFFF);
    }
}
