package org.edm.phy.sw;

import java.util.Arrays;

/**
 * The L2 switch's learning table: which port a MAC address was last seen on, forgotten after a configurable number
 * of slots without traffic from it (aging), so that a host that moves or goes away stops attracting frames. Static
 * entries never age and are never moved by learning: the owner installs them for addresses it knows, as a switch
 * does after ARP or from configuration.
 * <p>
 * Open addressing with linear probing over a preallocated power-of-two array, at most half full. An aged entry keeps
 * its place in the probe chains (nothing is ever emptied in place), so a lookup never misses a live key behind it;
 * learning a new address reuses the first aged place on its chain. When the table has used all its places, it is
 * rebuilt once with its live entries only, into a second preallocated array (no allocation); if every entry is still
 * live the new address is not learned (counted under {@link #learnFailures()}) and its frames are flooded, as in a
 * switch whose table is full.
 * <p>
 * MAC addresses are the 48 bits as a long, first byte on the wire in bits 40-47. Single-threaded; no allocation,
 * no exceptions after construction.
 */
public final class MacTable
{
    /** {@link #learn(long, int, long)}: a new address was learned. */
    public static final int LEARNED = 0;
    /** {@link #learn(long, int, long)}: a known address was seen again on its port. */
    public static final int REFRESHED = 1;
    /** {@link #learn(long, int, long)}: a known address was seen on another port and moved there. */
    public static final int MOVED = 2;
    /** {@link #learn(long, int, long)}: the address has a static entry; nothing changed. */
    public static final int STATIC = 3;
    /** {@link #learn(long, int, long)}: the table is full of live entries; not learned. */
    public static final int FULL = -1;

    private static final long EMPTY = -1L;

    private final long agingSlots;
    private final int mask;
    private final int maxEntries;
    private long[] keys;
    private int[] ports;
    private long[] lastSeen;
    private boolean[] permanent;
    private long[] spareKeys;
    private int[] sparePorts;
    private long[] spareLastSeen;
    private boolean[] sparePermanent;
    private int used;
    /** No learned entry can have aged before this slot (as of the last rebuild): rebuilding earlier frees nothing. */
    private long earliestAging = Long.MIN_VALUE;
    private long learned;
    private long moves;
    private long learnFailures;

    /**
     * @param maxEntries addresses held at most (the array is twice that, rounded up to a power of two).
     * @param agingSlots slots after which an address not seen again is forgotten; {@link Long#MAX_VALUE}: never.
     */
    public MacTable(final int maxEntries, final long agingSlots)
    {
        if (maxEntries < 1 || maxEntries > (1 << 24))
        {
            throw new IllegalArgumentException("maxEntries=" + maxEntries + " outside 1.." + (1 << 24));
        }
        if (agingSlots < 1)
        {
            throw new IllegalArgumentException("agingSlots=" + agingSlots + " must be >= 1");
        }
        final int size = Integer.highestOneBit(maxEntries * 2 - 1) << 1;
        this.agingSlots = agingSlots;
        this.maxEntries = maxEntries;
        this.mask = size - 1;
        keys = new long[size];
        Arrays.fill(keys, EMPTY);
        ports = new int[size];
        lastSeen = new long[size];
        permanent = new boolean[size];
        spareKeys = new long[size];
        sparePorts = new int[size];
        spareLastSeen = new long[size];
        sparePermanent = new boolean[size];
    }

    /** The port {@code mac} was learned on, or -1 when it is unknown or its entry has aged out at {@code slot}. */
    public int lookup(final long mac, final long slot)
    {
        final int at = find(mac);
        return at < 0 || aged(at, slot) ? -1 : ports[at];
    }

    /**
     * Records that {@code mac} sent a frame that arrived on {@code port} at {@code slot}.
     *
     * @return {@link #LEARNED}, {@link #REFRESHED}, {@link #MOVED}, {@link #STATIC} or {@link #FULL}.
     */
    public int learn(final long mac, final int port, final long slot)
    {
        final int at = find(mac);
        if (at >= 0)
        {
            if (permanent[at])
            {
                return STATIC;
            }
            final boolean wasAged = aged(at, slot);
            final boolean moved = !wasAged && ports[at] != port;
            ports[at] = port;
            lastSeen[at] = slot;
            if (wasAged)
            {
                learned++;
                return LEARNED;
            }
            if (moved)
            {
                moves++;
                return MOVED;
            }
            return REFRESHED;
        }
        int place = freePlace(mac, slot, true);
        if (place < 0 && slot >= earliestAging)
        {
            rebuild(slot);
            place = freePlace(mac, slot, true);
        }
        if (place < 0)
        {
            learnFailures++;
            return FULL;
        }
        keys[place] = mac;
        ports[place] = port;
        lastSeen[place] = slot;
        learned++;
        return LEARNED;
    }

    /**
     * Installs a static entry: {@code mac} is on {@code port} for good, whatever learning sees. Replaces a learned
     * entry for the same address.
     *
     * @return false when the table has no room (nothing installed).
     */
    public boolean addStatic(final long mac, final int port)
    {
        int at = find(mac);
        if (at < 0)
        {
            at = freePlace(mac, 0, false);
            if (at < 0)
            {
                return false;
            }
            keys[at] = mac;
        }
        ports[at] = port;
        permanent[at] = true;
        return true;
    }

    /** Live entries at {@code slot}: static ones and learned ones that have not aged out. */
    public int size(final long slot)
    {
        int live = 0;
        for (int i = 0; i <= mask; i++)
        {
            if (keys[i] != EMPTY && !aged(i, slot))
            {
                live++;
            }
        }
        return live;
    }

    /** Slots after which an unseen address is forgotten. */
    public long agingSlots()
    {
        return agingSlots;
    }

    /** New addresses learned (an aged address learned again counts again). */
    public long learned()
    {
        return learned;
    }

    /** Addresses that moved to another port while their entry was live. */
    public long moves()
    {
        return moves;
    }

    /** Addresses not learned because the table was full of live entries. */
    public long learnFailures()
    {
        return learnFailures;
    }

    private boolean aged(final int at, final long slot)
    {
        return !permanent[at] && slot - lastSeen[at] >= agingSlots;
    }

    private int find(final long mac)
    {
        int at = hash(mac);
        while (true)
        {
            final long key = keys[at];
            if (key == mac)
            {
                return at;
            }
            if (key == EMPTY)
            {
                return -1;
            }
            at = (at + 1) & mask;
        }
    }

    /**
     * The first aged (when {@code reuseAged}) or empty place on {@code mac}'s chain, or -1 when the table already
     * holds its maximum of entries and none on the chain has aged. There is always an empty place to end a chain:
     * the array is at least twice {@code maxEntries}.
     */
    private int freePlace(final long mac, final long slot, final boolean reuseAged)
    {
        int at = hash(mac);
        while (true)
        {
            if (keys[at] == EMPTY)
            {
                if (used == maxEntries)
                {
                    return -1;
                }
                used++;
                return at;
            }
            if (reuseAged && aged(at, slot))
            {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    /**
     * Moves the entries still live at {@code slot} into the spare arrays and swaps them in: aged places become empty
     * again.
     */
    private void rebuild(final long slot)
    {
        Arrays.fill(spareKeys, EMPTY);
        Arrays.fill(sparePermanent, false);
        int live = 0;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i <= mask; i++)
        {
            if (keys[i] == EMPTY || aged(i, slot))
            {
                continue;
            }
            if (!permanent[i])
            {
                earliest = Math.min(earliest, lastSeen[i] + agingSlots < lastSeen[i] ? Long.MAX_VALUE :
                    lastSeen[i] + agingSlots);
            }
            int at = hash(keys[i]);
            while (spareKeys[at] != EMPTY)
            {
                at = (at + 1) & mask;
            }
            spareKeys[at] = keys[i];
            sparePorts[at] = ports[i];
            spareLastSeen[at] = lastSeen[i];
            sparePermanent[at] = permanent[i];
            live++;
        }
        final long[] k = keys;
        keys = spareKeys;
        spareKeys = k;
        final int[] p = ports;
        ports = sparePorts;
        sparePorts = p;
        final long[] l = lastSeen;
        lastSeen = spareLastSeen;
        spareLastSeen = l;
        final boolean[] s = permanent;
        permanent = sparePermanent;
        sparePermanent = s;
        used = live;
        earliestAging = earliest;
    }

    private int hash(final long mac)
    {
        final long h = mac * 0x9E37_79B9_7F4A_7C15L;
        return (int)(h ^ (h >>> 32)) & mask;
    }
}
