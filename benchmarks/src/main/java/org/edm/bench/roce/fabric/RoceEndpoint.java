package org.edm.bench.roce.fabric;

import org.agrona.DirectBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.bench.roce.RoceQueuePair;
import org.edm.bench.roce.wire.EthernetHeader;
import org.edm.phy.memory.MemoryRegions;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A host's software RoCE NIC on the emulated fabric: the {@link FrameEndpoint} its host agent carries ordinary frames
 * for. It holds the host's RC queue pairs (a client's toward each server it reads, a server's toward each client it
 * serves), hands received frames to them by destination QPN, and gives the agent their frames, which then travel as
 * MAC frames on the same emulated PHY as EDM's blocks, paced at the same line rate, through the switch agent's L2
 * path.
 * <pre>
 *   onFrame:  destination MAC not ours -> notForThisHost   (flooded before the switch learned us)
 *             not IPv4/UDP 4791/BTH     -> notRoce
 *             QPN not ours              -> unknownQueuePair
 *             else queue pair.accept    -> framesReceived, or dropped (the queue pair counts why)
 *   doWork:   clients' request rings -> queue pairs; timers; then frames out, queue pairs taking turns, while the
 *             host's MAC queue holds fewer than txQueueFrames of ours
 * </pre>
 * Connections are added on the control plane ({@link RoceBaseline#transport}) while the agent may already run: the
 * arrays of queue pairs and connections are replaced, never changed, and published through volatile fields. The
 * data path does not allocate, lock or throw.
 */
public final class RoceEndpoint implements FrameEndpoint
{
    private static final int REQUESTS_PER_CONNECTION = 256;
    private static final RoceQueuePair[] NO_QUEUE_PAIRS = new RoceQueuePair[0];
    private static final RoceConnection[] NO_CONNECTIONS = new RoceConnection[0];

    private final RoceAddress address;
    private final RoceBaselineOptions options;
    private final OutletSink sink;
    private volatile RoceQueuePair[] byQpn = NO_QUEUE_PAIRS;
    private volatile RoceQueuePair[] queuePairs = NO_QUEUE_PAIRS;
    private volatile RoceConnection[] connections = NO_CONNECTIONS;
    private int next;
    private int queueCapacity;
    private int nextQpn = RoceBaselineOptions.FIRST_QPN;
    private MemoryRegions served;

    private long framesReceived;
    private long framesSent;
    private long notForThisHost;
    private long notRoce;
    private long unknownQueuePair;
    private long dropped;
    private long runts;

    public RoceEndpoint(final RoceAddress address, final RoceBaselineOptions options)
    {
        this.address = address;
        this.options = options;
        this.sink = new OutletSink(options.queuePairConfig().maxFrameLength());
    }

    public RoceAddress address()
    {
        return address;
    }

    public RoceBaselineOptions options()
    {
        return options;
    }

    // ---- control plane ---------------------------------------------------------------------------------------------

    /** A QPN no queue pair of this host has had (control plane). */
    synchronized int allocateQpn()
    {
        if (nextQpn > 0xFF_FFFF)
        {
            throw new IllegalStateException(address.host() + " ran out of QPNs");
        }
        return nextQpn++;
    }

    /** The regions this host serves to its clients' queue pairs, made by {@code regions} on first use. */
    synchronized MemoryRegions served(final Supplier<MemoryRegions> regions)
    {
        if (served == null)
        {
            served = regions.get();
        }
        return served;
    }

    /** Adds a queue pair under its local QPN (control plane; the agent may be running). */
    synchronized void install(final RoceQueuePair queuePair)
    {
        final int index = queuePair.config().localQpn() - RoceBaselineOptions.FIRST_QPN;
        final RoceQueuePair[] current = byQpn;
        if (index < current.length && current[index] != null)
        {
            throw new IllegalStateException(address.host() + " already has queue pair 0x" +
                Integer.toHexString(queuePair.config().localQpn()));
        }
        final RoceQueuePair[] table = Arrays.copyOf(current, Math.max(current.length, index + 1));
        table[index] = queuePair;
        final RoceQueuePair[] all = Arrays.copyOf(queuePairs, queuePairs.length + 1);
        all[all.length - 1] = queuePair;
        byQpn = table;
        queuePairs = all;
    }

    /** Adds a client connection whose requests this endpoint takes (control plane). */
    synchronized void install(final RoceConnection connection)
    {
        final RoceConnection[] all = Arrays.copyOf(connections, connections.length + 1);
        all[all.length - 1] = connection;
        connections = all;
    }

    /** Removes a queue pair (control plane): frames for its QPN are dropped from now on, as unknown. */
    synchronized void uninstall(final RoceQueuePair queuePair)
    {
        final int index = queuePair.config().localQpn() - RoceBaselineOptions.FIRST_QPN;
        final RoceQueuePair[] table = byQpn.clone();
        if (index < table.length && table[index] == queuePair)
        {
            table[index] = null;
        }
        final RoceQueuePair[] current = queuePairs;
        final RoceQueuePair[] all = new RoceQueuePair[current.length];
        int count = 0;
        for (final RoceQueuePair each : current)
        {
            if (each != queuePair)
            {
                all[count++] = each;
            }
        }
        byQpn = table;
        queuePairs = Arrays.copyOf(all, count);
    }

    /** Removes a client connection (control plane): its request ring is no longer read. */
    synchronized void uninstall(final RoceConnection connection)
    {
        final RoceConnection[] current = connections;
        final RoceConnection[] all = new RoceConnection[current.length];
        int count = 0;
        for (final RoceConnection each : current)
        {
            if (each != connection)
            {
                all[count++] = each;
            }
        }
        connections = Arrays.copyOf(all, count);
    }

    /** The queue pair with local QPN {@code qpn}, or null. */
    public RoceQueuePair queuePair(final int qpn)
    {
        final RoceQueuePair[] table = byQpn;
        final int index = qpn - RoceBaselineOptions.FIRST_QPN;
        return index >= 0 && index < table.length ? table[index] : null;
    }

    // ---- data path (the host agent's thread) -----------------------------------------------------------------------

    @Override
    public void onFrame(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        if (length < EthernetHeader.LENGTH)
        {
            runts++;
            return;
        }
        if (EthernetHeader.destination(buffer, offset) != address.mac())
        {
            notForThisHost++;
            return;
        }
        final int qpn = RoceQueuePair.peekDestinationQp(buffer, offset, length);
        if (qpn < 0)
        {
            notRoce++;
            return;
        }
        final RoceQueuePair queuePair = queuePair(qpn);
        if (queuePair == null)
        {
            unknownQueuePair++;
            return;
        }
        if (queuePair.accept(buffer, offset, length, nowNanos) == RoceQueuePair.OK)
        {
            framesReceived++;
        }
        else
        {
            dropped++;
        }
    }

    @Override
    public int doWork(final Outlet outlet, final long nowNanos)
    {
        int work = 0;
        for (final RoceConnection connection : connections)
        {
            work += connection.takeRequests(nowNanos, REQUESTS_PER_CONNECTION);
        }
        final RoceQueuePair[] all = queuePairs;
        for (final RoceQueuePair queuePair : all)
        {
            work += queuePair.tick(nowNanos);
        }
        return work + emit(all, outlet, nowNanos);
    }

    /** Frames out, one queue pair after another, while our share of the host's MAC queue lasts. */
    private int emit(final RoceQueuePair[] all, final Outlet outlet, final long nowNanos)
    {
        final int room = outlet.room();
        // the outlet's room when none of our frames wait is its capacity: learn it rather than assume it
        queueCapacity = Math.max(queueCapacity, room);
        final int queued = queueCapacity - room;
        sink.use(outlet, Math.min(room, options.txQueueFrames() - queued));
        final int count = all.length;
        int sent = 0;
        int idle = 0;
        int i = next;
        while (sink.limit() > 0 && idle < count)
        {
            if (i >= count)
            {
                i = 0;
            }
            final RoceQueuePair queuePair = all[i++];
            if (queuePair.hasWork() && queuePair.emit(nowNanos, sink) > 0)
            {
                sent++;
                idle = 0;
            }
            else
            {
                idle++;
            }
        }
        next = i;
        framesSent += sent;
        return sent;
    }

    // ---- counters --------------------------------------------------------------------------------------------------

    /** Frames handed to a queue pair that took them. */
    public long framesReceived()
    {
        return framesReceived;
    }

    /** Frames given to the host's MAC queue. */
    public long framesSent()
    {
        return framesSent;
    }

    /** Frames for another destination MAC (flooded unknown unicast, broadcast): dropped. */
    public long notForThisHost()
    {
        return notForThisHost;
    }

    /** Frames to this host that are not RoCEv2 (other EtherType, protocol, UDP port, or no BTH): dropped. */
    public long notRoce()
    {
        return notRoce;
    }

    /** RoCEv2 frames for a QPN this host does not have: dropped. */
    public long unknownQueuePair()
    {
        return unknownQueuePair;
    }

    /** Frames a queue pair refused (malformed, bad checksum or ICRC, wrong peer, in error; it counts which). */
    public long dropped()
    {
        return dropped;
    }

    /** Frames shorter than an Ethernet header: dropped. */
    public long runts()
    {
        return runts;
    }

    /** Packets its queue pairs sent again after going back N (losses, or timeouts that fired too early). */
    public long packetsRetransmitted()
    {
        long total = 0;
        for (final RoceQueuePair queuePair : queuePairs)
        {
            total += queuePair.requester().packetsRetransmitted();
        }
        return total;
    }

    /** Local ACK timeouts its queue pairs' requesters took. */
    public long timeouts()
    {
        long total = 0;
        for (final RoceQueuePair queuePair : queuePairs)
        {
            total += queuePair.requester().timeouts();
        }
        return total;
    }

    /** Every frame this endpoint dropped, for whatever reason. */
    public long droppedTotal()
    {
        return notForThisHost + notRoce + unknownQueuePair + dropped + runts;
    }
}
