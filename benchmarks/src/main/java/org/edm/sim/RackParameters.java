package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.edm.phy.sw.L2Config;

/**
 * What the rack model needs to build a rack: the fabric's framing, the scheduler, the hosts' order, and the link and
 * switch timing in slots (memory and MAC frames).
 *
 * @param hosts          hosts (node i on switch port i).
 * @param framing        the fabric's framing.
 * @param scheduler      the central scheduler's settings (its port count must equal {@code hosts}).
 * @param hostOrder      the hosts' transmit order.
 * @param egressMode     how switch ports order memory blocks.
 * @param linkSlots      slots a block takes to cross a link (reference: 16 = 10 ns at 100G).
 * @param maxOutstanding requests one host may have outstanding (more wait in the host's backlog).
 * @param acknowledgeWrites whether writes are acknowledged (false: the reference's model, no write ACK).
 * @param regionBytes    0: every host serves a virtual region (key 0, no data, any address); otherwise every host
 *                       serves a real region of this many bytes under key 0, and data moves (tests of the protocol).
 * @param l2LatencySlots the switch's L2 pipeline latency for MAC frames (network flows): a frame received whole in
 *                       slot t may start leaving at t + this (reference: 781 = 500 ns at 100G).
 */
public record RackParameters(
    int hosts,
    Framing framing,
    SchedulerConfig scheduler,
    HostOrder hostOrder,
    EgressMode egressMode,
    int linkSlots,
    int maxOutstanding,
    boolean acknowledgeWrites,
    int regionBytes,
    long l2LatencySlots)
{
    public RackParameters
    {
        if (hosts < 2)
        {
            throw new IllegalArgumentException("hosts=" + hosts + " must be >= 2");
        }
        if (scheduler.ports() != hosts)
        {
            throw new IllegalArgumentException("scheduler ports=" + scheduler.ports() + " differ from hosts=" + hosts);
        }
        if (hosts - 1 > framing.maxNode())
        {
            throw new IllegalArgumentException(
                "hosts=" + hosts + " exceeds the " + (framing.maxNode() + 1) + " nodes the " + framing.name() +
                " framing can address");
        }
        if (regionBytes < 0)
        {
            throw new IllegalArgumentException("regionBytes=" + regionBytes + " must be >= 0");
        }
        if (regionBytes > 0 && !framing.carriesData())
        {
            throw new IllegalArgumentException("a real region needs a framing that carries data, not " + framing.name());
        }
        if (linkSlots < 1)
        {
            throw new IllegalArgumentException("linkSlots=" + linkSlots + " must be >= 1");
        }
        if (l2LatencySlots < 0)
        {
            throw new IllegalArgumentException("l2LatencySlots=" + l2LatencySlots + " must be >= 0");
        }
    }

    /** The same rack with real regions of {@code bytes} bytes at every host, so that data moves. */
    public RackParameters withRegionBytes(final int bytes)
    {
        return new RackParameters(hosts, framing, scheduler, hostOrder, egressMode, linkSlots, maxOutstanding,
            acknowledgeWrites, bytes, l2LatencySlots);
    }

    /** The same rack with another L2 latency for MAC frames. */
    public RackParameters withL2LatencySlots(final long slots)
    {
        return new RackParameters(hosts, framing, scheduler, hostOrder, egressMode, linkSlots, maxOutstanding,
            acknowledgeWrites, regionBytes, slots);
    }

    /** The reference's IRD baseline on the same rack (edm-protocol §5.2): oracle release, no sender conflicts. */
    public static RackParameters netsimIrd(final int hosts)
    {
        final RackParameters edm = netsim(hosts);
        return new RackParameters(hosts, edm.framing(), edm.scheduler().ird(), HostOrder.SRPT, edm.egressMode(),
            edm.linkSlots(), edm.maxOutstanding(), edm.acknowledgeWrites(), 0, edm.l2LatencySlots());
    }

    /**
     * The reference simulator's rack (edm-protocol §6.4): netsim framing, 16-slot links, greedy, FIFO egress, 781-slot
     * L2 latency.
     */
    public static RackParameters netsim(final int hosts)
    {
        return new RackParameters(hosts, Framing.netsim(), SchedulerConfig.reference(hosts), HostOrder.NETSIM,
            EgressMode.FIFO, 16, 4096, false, 0, L2Config.REFERENCE_LATENCY_SLOTS);
    }
}
