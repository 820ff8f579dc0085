package org.edm.switchagent;

import org.agrona.concurrent.Agent;
import org.edm.agent.CarrierLink;
import org.edm.agent.SlotClock;
import org.edm.phy.pcs.BlockSink;
import org.edm.phy.sw.SwitchConfig;
import org.edm.phy.sw.L2Config;
import org.edm.phy.sw.L2Switch;
import org.edm.phy.sw.SwitchEngine;
import org.edm.phy.sw.SwitchPorts;

/**
 * The switch agent: the phy-core switch engine (central scheduler, circuits, held read requests) and its L2 path for
 * ordinary frames (a learning switch below memory traffic), driven in real time over one fabric port per attached
 * host. Its duty cycle unpacks every port's carrier frames into the engine, then
 * advances the emulated slot clock: per slot, the engine schedules and forwards, and every port sends at most one
 * block. No allocation, exception, log or lock in {@link #doWork()} in steady state.
 */
public final class SwitchAgent implements Agent
{
    private static final int FRAMES_PER_PORT = 16;

    private final SwitchEngine engine;
    private final SwitchPorts ports;
    private final CarrierLink[] links;
    private final BlockSink[] portSinks;
    private final SlotClock clock;
    private final int maxSlotsPerCycle;
    private final int words;
    private final long staleSlots;
    private long slot;
    private long nextReap;
    private long slotsStepped;

    /**
     * @param links one per switch port, in port order (port i is cabled to the host of node {@code nodeOfPort[i]}).
     */
    public SwitchAgent(
        final SwitchConfig config,
        final CarrierLink[] links,
        final double lineRateGbps,
        final int maxSlotsPerCycle,
        final long epochNanos)
    {
        this(config, links, lineRateGbps, maxSlotsPerCycle, epochNanos, 1_000_000);
    }

    /**
     * @param staleMicros demand whose granted blocks stopped arriving this long ago is forgotten (lost on the way), so it
     *                    cannot hold a circuit forever; twice the hosts' request timeout is a sound value.
     */
    public SwitchAgent(
        final SwitchConfig config,
        final CarrierLink[] links,
        final double lineRateGbps,
        final int maxSlotsPerCycle,
        final long epochNanos,
        final long staleMicros)
    {
        this(config, links, lineRateGbps, maxSlotsPerCycle, epochNanos, staleMicros, L2Config.DEFAULT_QUEUE_FRAMES);
    }

    /**
     * @param l2QueueFrames ordinary frames each egress port queues before it drops (edm.switch.l2.queue.frames).
     */
    public SwitchAgent(
        final SwitchConfig config,
        final CarrierLink[] links,
        final double lineRateGbps,
        final int maxSlotsPerCycle,
        final long epochNanos,
        final long staleMicros,
        final int l2QueueFrames)
    {
        if (links.length != config.ports())
        {
            throw new IllegalArgumentException(links.length + " links for a switch of " + config.ports() + " ports");
        }
        this.engine = new SwitchEngine(config);
        this.ports = new SwitchPorts(engine, new L2Switch(L2Config.defaults(config.ports()).withLatencySlots(0).withQueueFrames(l2QueueFrames)));
        this.links = links.clone();
        this.clock = new SlotClock(lineRateGbps, epochNanos);
        this.maxSlotsPerCycle = maxSlotsPerCycle;
        this.words = (links.length + 63) >>> 6;
        portSinks = new BlockSink[links.length];
        for (int p = 0; p < links.length; p++)
        {
            final int port = p;
            portSinks[p] = (sync, payload) -> ports.accept(port, slot, sync, payload);
            final org.edm.phy.mem.Reassembler ingress = engine.ingress(p);
            final org.edm.phy.link.RxDemux demux = ports.rx(p);
            this.links[p].gapHandler(() ->
            {
                ingress.reset();
                demux.abortFrame();
            });
        }
        slot = clock.slotAt(epochNanos);
        staleSlots = Math.max(1, (long)(staleMicros * 1000 / clock.slotNanos()));
        nextReap = slot + staleSlots / 8;
    }

    public String roleName()
    {
        return "edm-switch";
    }

    public int doWork()
    {
        int work = 0;
        final long target = clock.slotAt(System.nanoTime());
        if (target - slot > maxSlotsPerCycle)
        {
            slot = target - maxSlotsPerCycle;
        }
        for (int p = 0; p < links.length; p++)
        {
            work += links[p].poll(portSinks[p], FRAMES_PER_PORT);
        }
        while (slot < target)
        {
            if (ports.idle())
            {
                slot = target;
                break;
            }
            ports.beginSlot(slot);
            slotsStepped++;
            for (int w = 0; w < words; w++)
            {
                long bits = ports.busyPorts(w);
                while (bits != 0)
                {
                    final int port = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (!links[port].ready(slot))
                    {
                        continue; // that host takes no frames now: the port's blocks wait in its egress queue
                    }
                    if (ports.emit(port, slot) != SwitchPorts.IDLE && links[port].add(slot, ports.sync(), ports.payload()))
                    {
                        work++;
                    }
                }
            }
            slot++;
        }
        for (final CarrierLink link : links)
        {
            work += link.flush(slot);
            if (link.holdsFrame())
            {
                work++; // a held frame waits for more of its write: do not back off meanwhile
            }
        }
        if (slot >= nextReap)
        {
            nextReap = slot + staleSlots / 8;
            work += engine.retireStale(slot, staleSlots);
        }
        return work;
    }

    /** Sends every frame a carrier hold still keeps open, so that nothing is left in a claim when the ports close. */
    public void onClose()
    {
        for (final CarrierLink link : links)
        {
            link.drain(slot);
        }
    }

    public SwitchEngine engine()
    {
        return engine;
    }

    /** The ports: memory engine and L2 path behind one demultiplexer and arbiter per port. */
    public SwitchPorts ports()
    {
        return ports;
    }

    public CarrierLink link(final int port)
    {
        return links[port];
    }

    public SlotClock clock()
    {
        return clock;
    }

    public long slot()
    {
        return slot;
    }

    /** Slots the duty cycle stepped one by one (the others were skipped while nothing waited). */
    public long slotsStepped()
    {
        return slotsStepped;
    }
}
