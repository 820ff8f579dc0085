package org.edm.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Random memory traffic for the rack invariant tests: reads and writes of random sizes (mostly small, some several
 * chunks long, a few tens of KB) at random slots, with incast bursts (many senders to one receiver at once), read
 * hotspots (many requesters reading one memory node), all-to-all bursts, and one node that gets more than its share
 * of everything.
 * Addresses are 0; callers that move real data place the requests themselves.
 */
final class RandomTraces
{
    private static final int[] EDGE_SIZES = { 1, 6, 7, 8, 9, 14, 15, 16, 17, 255, 256, 257, 511, 512, 513, 65_535 };

    private RandomTraces()
    {
    }

    /**
     * A trace of about {@code count} requests over {@code hosts} hosts, all of at most {@code maxBytes} bytes, starting
     * within {@code horizon} slots; sorted by slot.
     */
    static List<TraceRequest> generate(
        final Random random, final int hosts, final int count, final int maxBytes, final long horizon)
    {
        final List<TraceRequest> trace = new ArrayList<>();
        final int hotspot = random.nextInt(hosts);
        while (trace.size() < count)
        {
            final long slot = horizon == 0 ? 0 : (long)(random.nextDouble() * random.nextDouble() * horizon);
            final int pattern = random.nextInt(10);
            if (pattern == 0)
            {
                incast(random, hosts, maxBytes, slot, trace, false);
            }
            else if (pattern == 1)
            {
                incast(random, hosts, maxBytes, slot, trace, true);
            }
            else if (pattern == 2)
            {
                outcast(random, hosts, maxBytes, slot, trace);
            }
            else if (pattern == 3 && random.nextInt(4) == 0)
            {
                allToAll(random, hosts, maxBytes, slot, trace);
            }
            else
            {
                final int requester = random.nextInt(hosts);
                final int node = random.nextInt(3) == 0 && hotspot != requester ? hotspot : other(random, hosts, requester);
                trace.add(TraceRequest.good(random.nextBoolean(), requester, node, 0, size(random, maxBytes), slot));
            }
        }
        trace.sort(Comparator.comparingLong(TraceRequest::slot));
        return trace;
    }

    /**
     * A message size: 1 byte to a few KB mostly, some spanning many chunks, a few up to {@code maxBytes}, and now and
     * then one at an edge (a block or a 256-byte chunk, one either side of it, or the largest).
     */
    static int size(final Random random, final int maxBytes)
    {
        final int band = random.nextInt(100);
        final int size;
        if (band < 5)
        {
            size = EDGE_SIZES[random.nextInt(EDGE_SIZES.length)];
        }
        else if (band < 30)
        {
            size = 1 + random.nextInt(64);
        }
        else if (band < 60)
        {
            size = 65 + random.nextInt(448);
        }
        else if (band < 85)
        {
            size = 513 + random.nextInt(3584);
        }
        else if (band < 97)
        {
            size = 4097 + random.nextInt(12288);
        }
        else
        {
            size = 16385 + random.nextInt(Math.max(1, maxBytes - 16384));
        }
        return Math.min(size, maxBytes);
    }

    /** Several hosts write to (or read from) one node within a few slots. */
    private static void incast(
        final Random random, final int hosts, final int maxBytes, final long slot, final List<TraceRequest> trace,
        final boolean reads)
    {
        final int target = random.nextInt(hosts);
        final int senders = 1 + random.nextInt(hosts - 1);
        for (int i = 0; i < senders; i++)
        {
            final int host = other(random, hosts, target);
            final int bytes = random.nextBoolean() ? 1 + random.nextInt(256) : size(random, maxBytes);
            trace.add(TraceRequest.good(reads, host, target, 0, bytes, slot + random.nextInt(4)));
        }
    }

    /** One host issues several requests to several nodes at once. */
    private static void outcast(
        final Random random, final int hosts, final int maxBytes, final long slot, final List<TraceRequest> trace)
    {
        final int host = random.nextInt(hosts);
        final int requests = 2 + random.nextInt(5);
        for (int i = 0; i < requests; i++)
        {
            trace.add(TraceRequest.good(random.nextBoolean(), host, other(random, hosts, host), 0,
                size(random, maxBytes), slot));
        }
    }

    /** Every host sends one request to every other host at once. */
    private static void allToAll(
        final Random random, final int hosts, final int maxBytes, final long slot, final List<TraceRequest> trace)
    {
        final boolean reads = random.nextBoolean();
        for (int from = 0; from < hosts; from++)
        {
            for (int to = 0; to < hosts; to++)
            {
                if (from != to)
                {
                    trace.add(TraceRequest.good(reads, from, to, 0, 1 + random.nextInt(Math.min(maxBytes, 2048)), slot));
                }
            }
        }
    }

    /** A host other than {@code host}. */
    static int other(final Random random, final int hosts, final int host)
    {
        final int pick = random.nextInt(hosts - 1);
        return pick >= host ? pick + 1 : pick;
    }
}
