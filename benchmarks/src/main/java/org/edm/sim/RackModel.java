package org.edm.sim;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.CompletionListener;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.host.HostPort;
import org.edm.phy.host.HostTrace;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;
import org.edm.phy.sched.CentralScheduler;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.sw.L2Config;
import org.edm.phy.sw.L2Switch;
import org.edm.phy.sw.SwitchConfig;
import org.edm.phy.sw.SwitchEngine;
import org.edm.phy.sw.SwitchPorts;

/**
 * A rack in virtual time: N hosts and one switch joined by links of a fixed delay, stepped slot by slot in the
 * reference simulator's order (edm-protocol Appendix A). Every host is a phy-core {@link HostPort} (its memory engine
 * above its MAC frames on one link) and the switch a {@link SwitchPorts} (the memory engine and the L2 path behind a
 * demultiplexer and an arbiter per port), the same compositions the real-time agents use:
 * <pre>
 *   step(t):  network flows top up      hosts' frame queues (only hosts with network flows waiting)
 *             switch.beginSlot(t)       schedule, then forward what arrived before t
 *             hosts emit                one block each, memory first, else a frame's next block, onto their uplinks
 *             switch ports emit         one block each, memory first, else a frame's next block, onto their downlinks
 *             switch accepts            blocks whose uplink delay ends at t, in port order
 *             hosts accept              blocks whose downlink delay ends at t
 * </pre>
 * Only hosts and ports with work are visited (bitsets), idle blocks are not carried, and {@link #idle()} tells the
 * driver when nothing at all is in flight, so it can jump to the next arrival; hosts and ports without frames cost
 * what they cost before frames existed. Every host serves a virtual region (key 0, no data) large enough for any
 * request, so the simulator checks lengths and addresses but moves no bytes.
 * <p>
 * Network flows ({@link #submitNet}) are ordinary frames between the hosts' MAC addresses ({@link #macOf(int)}):
 * see {@link NetTraffic}. The switch knows every host's address from the start (static entries, as after ARP), so
 * frames are never flooded; its L2 latency is {@link RackParameters#l2LatencySlots()}.
 */
public final class RackModel
{
    /** Key of the virtual region every simulated memory node serves. */
    public static final int REGION_KEY = 0;
    /** Frames a host's transmit queue holds (its socket buffer, in effect): 8 full-size frames. */
    public static final int HOST_FRAME_QUEUE = 8;
    /** Frames a switch egress port holds: 64 full-size frames, about 98 KB. */
    public static final int SWITCH_FRAME_QUEUE = 64;

    private final RackParameters parameters;
    private final int hosts;
    private final int delay;
    private final int ringSize;
    private final HostEngine[] engines;
    private final HostPort[] ports;
    private final MemoryRegions[] regions;
    private final SwitchEngine fabricSwitch;
    private final SwitchPorts switchPorts;
    private final NetTraffic net;
    /**
     * Hosts whose memory engine has a block to send. Kept exact (set on submission and when a received block leaves
     * the engine with work, cleared when it has none), so no host is visited only to say it is idle: a visit costs
     * cache misses on a cold engine, while asking it right after it sent or received costs next to nothing.
     */
    private final long[] hostBusy;
    /** Hosts with a frame queued or in progress. */
    private final long[] frameBusy;

    /** Links: per host an uplink and a downlink ring of (sync, payload) indexed by send slot mod ringSize. */
    private final int[] upSync;
    private final long[] upPayload;
    private final int[] downSync;
    private final long[] downPayload;
    /** Per ring position: which hosts (uplink) and ports (downlink) sent in that slot. */
    private final long[][] upSent;
    private final long[][] downSent;
    private final int words;
    private long inFlight;
    /**
     * Whether a host sent a memory block or received one in the last step: {@link #idle()} answers false then, as it
     * did when such a host stayed marked busy until its next (idle) visit.
     */
    private boolean hostActivity;
    private long currentSlot;

    public RackModel(final RackParameters parameters, final RackListener listener)
    {
        this.parameters = parameters;
        this.hosts = parameters.hosts();
        this.delay = parameters.linkSlots();
        this.ringSize = delay + 1;
        words = (hosts + 63) >>> 6;
        hostBusy = new long[words];
        frameBusy = new long[words];
        engines = new HostEngine[hosts];
        ports = new HostPort[hosts];
        final CompletionListener completions = listener::completed;
        regions = new MemoryRegions[hosts];
        for (int h = 0; h < hosts; h++)
        {
            final MemoryRegions regions = new MemoryRegions(parameters.framing().maxLength());
            if (parameters.regionBytes() == 0)
            {
                regions.register(REGION_KEY, null, Long.MAX_VALUE / 2);
            }
            else
            {
                regions.register(REGION_KEY, new UnsafeBuffer(new byte[parameters.regionBytes()]),
                    parameters.regionBytes());
            }
            this.regions[h] = regions;
            final HostConfig config = HostConfig.defaults(h, parameters.framing())
                .withOrder(parameters.hostOrder())
                .withCapacity(parameters.maxOutstanding(), 2 * parameters.maxOutstanding() + 64)
                .withKnownNodes(node -> node >= 0 && node < hosts)
                .withWriteAcknowledgement(parameters.acknowledgeWrites());
            engines[h] = new HostEngine(config, regions, completions);
            final int host = h;
            ports[h] = new HostPort(engines[h], HOST_FRAME_QUEUE, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH,
                (buffer, offset, length) -> onFrame(host, buffer, offset, length));
        }
        final SwitchConfig base = SwitchConfig.identity(parameters.framing(), parameters.scheduler());
        fabricSwitch = new SwitchEngine(new SwitchConfig(base.framing(), base.scheduler(), parameters.egressMode(),
            base.egressOrder(), base.nodeOfPort(), base.maxPausedPerLink()));
        final L2Switch l2 = new L2Switch(L2Config.defaults(hosts)
            .withLatencySlots(parameters.l2LatencySlots())
            .withCapacity(SWITCH_FRAME_QUEUE, Math.max(L2Config.DEFAULT_MAC_ENTRIES, 2 * hosts)));
        for (int h = 0; h < hosts; h++)
        {
            l2.table().addStatic(macOf(h), h);
        }
        switchPorts = new SwitchPorts(fabricSwitch, l2);
        net = new NetTraffic(ports, frameBusy, listener);
        l2.dropListener((in, out, reason, buffer, offset, length, slot) -> net.frameDropped(buffer, offset, length));
        final Trace trace = new Trace(listener, fabricSwitch.scheduler());
        for (final HostEngine engine : engines)
        {
            engine.trace(trace);
        }
        upSync = new int[hosts * ringSize];
        upPayload = new long[hosts * ringSize];
        downSync = new int[hosts * ringSize];
        downPayload = new long[hosts * ringSize];
        upSent = new long[ringSize][words];
        downSent = new long[ringSize][words];
    }

    public RackParameters parameters()
    {
        return parameters;
    }

    public HostEngine host(final int index)
    {
        return engines[index];
    }

    public SwitchEngine fabricSwitch()
    {
        return fabricSwitch;
    }

    /** Host {@code index}'s port: its engine and its frames on one link. */
    public HostPort port(final int index)
    {
        return ports[index];
    }

    /** The switch, port by port: memory engine and L2 path. */
    public SwitchPorts switchPorts()
    {
        return switchPorts;
    }

    /** The MAC address of host {@code host}: locally administered, 02:ed:00:00:hh:hh. */
    public static long macOf(final int host)
    {
        return NetTraffic.macOf(host);
    }

    /**
     * Starts a network flow of {@code bytes} bytes from {@code src} to {@code dst}: ordinary frames of up to 1500
     * bytes of payload, below the hosts' memory traffic. The listener hears {@code started} when its first frame
     * starts leaving and {@code completed} (SUCCESS) when its last byte has arrived whole at {@code dst}.
     */
    public void submitNet(final long requestId, final int src, final int dst, final long bytes, final long slot)
    {
        net.submit(requestId, src, dst, bytes, slot);
    }

    /** Network frames queued at hosts (resent ones included). */
    public long netFramesQueued()
    {
        return net.framesQueued();
    }

    /** Network frames that arrived whole at their destination. */
    public long netFramesDelivered()
    {
        return net.framesDelivered();
    }

    /** Network frames the switch dropped for lack of queue room (each sent again). */
    public long netFramesDropped()
    {
        return net.framesDropped();
    }

    /** Frames no network flow could claim (0 unless something is broken). */
    public long netStrayFrames()
    {
        return net.strayFrames();
    }

    /**
     * Issues a read of {@code bytes} bytes from {@code memoryNode} by {@code requester}.
     *
     * @return the tag, or a negative CompletionStatus code (BACK_PRESSURED: try again in a later slot).
     */
    public int submitRead(final long requestId, final int requester, final int memoryNode, final int bytes, final long slot)
    {
        final int tag = engines[requester].submitRead(requestId, memoryNode, REGION_KEY, 0, bytes, null, 0, slot);
        markBusy(requester);
        return tag;
    }

    /** Issues a write of {@code bytes} bytes to {@code memoryNode} by {@code requester}; same return as a read. */
    public int submitWrite(final long requestId, final int requester, final int memoryNode, final int bytes, final long slot)
    {
        final int tag = engines[requester].submitWrite(requestId, memoryNode, REGION_KEY, 0, bytes, null, 0, slot);
        markBusy(requester);
        return tag;
    }

    /**
     * Issues a read with every field given: region key, address, and where the data goes (null: discarded).
     *
     * @return the tag, or a negative CompletionStatus code.
     */
    public int submitRead(
        final long requestId,
        final int requester,
        final int memoryNode,
        final int key,
        final long address,
        final int bytes,
        final MutableDirectBuffer destination,
        final int offset,
        final long slot)
    {
        final int tag = engines[requester].submitRead(requestId, memoryNode, key, address, bytes, destination, offset,
            slot);
        markBusy(requester);
        return tag;
    }

    /** Issues a write with every field given; the source must stay unchanged until the write completes. */
    public int submitWrite(
        final long requestId,
        final int requester,
        final int memoryNode,
        final int key,
        final long address,
        final int bytes,
        final DirectBuffer source,
        final int offset,
        final long slot)
    {
        final int tag = engines[requester].submitWrite(requestId, memoryNode, key, address, bytes, source, offset,
            slot);
        markBusy(requester);
        return tag;
    }

    /** The regions host {@code index} serves (key 0; real when the rack was built with regionBytes > 0). */
    public MemoryRegions regions(final int index)
    {
        return regions[index];
    }

    /** Whether host {@code requester} would refuse a request now for lack of room. */
    public boolean isFull(final int requester)
    {
        return engines[requester].isFull();
    }

    /** Runs slot {@code slot}. */
    public void step(final long slot)
    {
        if (!net.idle())
        {
            net.refill(slot);
        }
        currentSlot = slot;
        hostActivity = false;
        switchPorts.beginSlot(slot);
        final int sendAt = (int)(slot % ringSize);
        final long[] upNow = upSent[sendAt];
        final long[] downNow = downSent[sendAt];
        final int arriveAt = (int)((slot - delay) % ringSize);
        final long[] upArriving = slot >= delay ? upSent[arriveAt] : null;
        final long[] downArriving = slot >= delay ? downSent[arriveAt] : null;

        for (int w = 0; w < words; w++)
        {
            long bits = hostBusy[w] | frameBusy[w];
            while (bits != 0)
            {
                final int h = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final HostPort port = ports[h];
                final int what = port.emit(slot);
                if (what != HostPort.MEMORY)
                {
                    hostBusy[w] &= ~(1L << h);
                    if (what == HostPort.IDLE)
                    {
                        if (!port.hasFrames())
                        {
                            frameBusy[w] &= ~(1L << h);
                        }
                        continue;
                    }
                    if (isFrameStart(port.sync(), port.payload()))
                    {
                        net.frameStarted(h, slot);
                    }
                    if (!port.hasFrames())
                    {
                        frameBusy[w] &= ~(1L << h);
                    }
                }
                else
                {
                    hostActivity = true;
                    if (engines[h].idle())
                    {
                        hostBusy[w] &= ~(1L << h);
                    }
                }
                final int at = h * ringSize + sendAt;
                upSync[at] = port.sync();
                upPayload[at] = port.payload();
                upNow[w] |= 1L << h;
                inFlight++;
            }
        }
        for (int w = 0; w < words; w++)
        {
            long bits = switchPorts.busyPorts(w);
            while (bits != 0)
            {
                final int p = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (switchPorts.emit(p, slot) != SwitchPorts.IDLE)
                {
                    final int at = p * ringSize + sendAt;
                    downSync[at] = switchPorts.sync();
                    downPayload[at] = switchPorts.payload();
                    downNow[w] |= 1L << p;
                    inFlight++;
                }
            }
        }
        if (upArriving != null)
        {
            for (int w = 0; w < words; w++)
            {
                long bits = upArriving[w];
                upArriving[w] = 0;
                while (bits != 0)
                {
                    final int h = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    final int at = h * ringSize + arriveAt;
                    switchPorts.accept(h, slot, upSync[at], upPayload[at]);
                    inFlight--;
                }
            }
            for (int w = 0; w < words; w++)
            {
                long bits = downArriving[w];
                downArriving[w] = 0;
                while (bits != 0)
                {
                    final int h = (w << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    final int at = h * ringSize + arriveAt;
                    ports[h].accept(slot, downSync[at], downPayload[at]);
                    if (!engines[h].idle())
                    {
                        hostBusy[w] |= 1L << h;
                    }
                    hostActivity = true;
                    inFlight--;
                }
            }
        }
    }

    private static boolean isFrameStart(final int sync, final long payload)
    {
        final int type = (int)payload & 0xFF;
        return sync == Block.SYNC_CONTROL && (type == BlockTypes.START_0 || type == BlockTypes.START_4);
    }

    private void onFrame(final int host, final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        net.frameReceived(host, buffer, offset, length, currentSlot);
    }

    /** Whether nothing is in flight, queued or waiting anywhere: stepping would change nothing until a new request. */
    public boolean idle()
    {
        if (inFlight != 0 || hostActivity || !switchPorts.idle() || !net.idle())
        {
            return false;
        }
        for (int w = 0; w < words; w++)
        {
            if ((hostBusy[w] | frameBusy[w]) != 0)
            {
                return false;
            }
        }
        return true;
    }

    /** Requests outstanding at all hosts. */
    public int outstanding()
    {
        int total = 0;
        for (final HostEngine engine : engines)
        {
            total += engine.outstanding();
        }
        return total;
    }

    private void markBusy(final int host)
    {
        hostBusy[host >>> 6] |= 1L << host;
    }

    /** Forwards a host's protocol moments to the listener, and plays the IRD baseline's release oracle. */
    private static final class Trace implements HostTrace
    {
        private final RackListener listener;
        private final CentralScheduler scheduler;
        private final boolean oracle;

        Trace(final RackListener listener, final CentralScheduler scheduler)
        {
            this.listener = listener;
            this.scheduler = scheduler;
            this.oracle = scheduler.config().release() == SchedulerConfig.ReleasePolicy.SENDER_SPENT;
        }

        public void quotaSpent(final int messageClass, final int requester, final int tag, final long slot)
        {
            if (oracle)
            {
                final int kind = messageClass == MemoryBlockTypes.CLASS_WREQ ?
                    CentralScheduler.WRITE : CentralScheduler.READ_RESPONSE;
                final int entry = scheduler.find(kind, requester, tag);
                if (entry >= 0)
                {
                    scheduler.senderSpent(entry);
                }
            }
        }

        public void notifSent(final long requestId, final long slot)
        {
            listener.notified(requestId, slot);
        }

        public void firstGrant(final long requestId, final long slot)
        {
            listener.granted(requestId, slot);
        }

        public void firstBlockSent(final long requestId, final long slot)
        {
            listener.started(requestId, slot);
        }

        public void responseGranted(final int requester, final int tag, final long slot)
        {
            listener.responseGranted(requester, tag, slot);
        }

        public void responseSent(final int requester, final int tag, final long slot)
        {
            listener.responseSent(requester, tag, slot);
        }

        public void writeDelivered(final int requester, final int tag, final long slot)
        {
            listener.writeDelivered(requester, tag, slot);
        }

        public void readRequestDelivered(final int requester, final int tag, final long slot)
        {
            listener.readRequestDelivered(requester, tag, slot);
        }

        public void responseStarted(final int requester, final int tag, final long slot)
        {
            listener.responseStarted(requester, tag, slot);
        }
    }

    /** Whether a submit result means "try again later". */
    public static boolean isBackPressure(final int result)
    {
        return result == -CompletionStatus.BACK_PRESSURED;
    }
}
