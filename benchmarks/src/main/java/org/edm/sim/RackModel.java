package org.edm.sim;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.CompletionListener;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.host.HostTrace;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.sched.CentralScheduler;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.sw.SwitchConfig;
import org.edm.phy.sw.SwitchEngine;

/**
 * A rack in virtual time: N phy-core host engines and one switch engine joined by links of a fixed delay, stepped slot
 * by slot in the reference simulator's order (edm-protocol Appendix A):
 * <pre>
 *   step(t):  switch.beginSlot(t)        schedule, then forward what arrived before t
 *             hosts emit                 one memory block each, if any, onto their uplinks
 *             switch ports emit          one memory block each, onto their downlinks
 *             switch accepts             blocks whose uplink delay ends at t, in port order
 *             hosts accept               blocks whose downlink delay ends at t
 * </pre>
 * Only hosts and ports with work are visited (bitsets), and {@link #idle()} tells the driver when nothing at all is in
 * flight, so it can jump to the next arrival. Every host serves a virtual region (key 0, no data) large enough for any
 * request, so the simulator checks lengths and addresses but moves no bytes.
 */
public final class RackModel
{
    /** Key of the virtual region every simulated memory node serves. */
    public static final int REGION_KEY = 0;

    private final RackParameters parameters;
    private final int hosts;
    private final int delay;
    private final int ringSize;
    private final HostEngine[] engines;
    private final MemoryRegions[] regions;
    private final SwitchEngine fabricSwitch;
    private final long[] hostBusy;

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

    public RackModel(final RackParameters parameters, final RackListener listener)
    {
        this.parameters = parameters;
        this.hosts = parameters.hosts();
        this.delay = parameters.linkSlots();
        this.ringSize = delay + 1;
        words = (hosts + 63) >>> 6;
        hostBusy = new long[words];
        engines = new HostEngine[hosts];
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
        }
        final SwitchConfig base = SwitchConfig.identity(parameters.framing(), parameters.scheduler());
        fabricSwitch = new SwitchEngine(new SwitchConfig(base.framing(), base.scheduler(), parameters.egressMode(),
            base.egressOrder(), base.nodeOfPort(), base.maxPausedPerLink()));
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
        fabricSwitch.beginSlot(slot);
        final int sendAt = (int)(slot % ringSize);
        final long[] upNow = upSent[sendAt];
        final long[] downNow = downSent[sendAt];
        final int arriveAt = (int)((slot - delay) % ringSize);
        final long[] upArriving = slot >= delay ? upSent[arriveAt] : null;
        final long[] downArriving = slot >= delay ? downSent[arriveAt] : null;

        for (int w = 0; w < words; w++)
        {
            long bits = hostBusy[w];
            while (bits != 0)
            {
                final int h = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                final HostEngine engine = engines[h];
                if (engine.emit(slot))
                {
                    final int at = h * ringSize + sendAt;
                    upSync[at] = engine.sync();
                    upPayload[at] = engine.payload();
                    upNow[w] |= 1L << h;
                    inFlight++;
                }
                else
                {
                    hostBusy[w] &= ~(1L << h);
                }
            }
        }
        for (int w = 0; w < words; w++)
        {
            long bits = fabricSwitch.busyPorts(w);
            while (bits != 0)
            {
                final int port = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (fabricSwitch.emit(port, slot))
                {
                    final int at = port * ringSize + sendAt;
                    downSync[at] = fabricSwitch.sync();
                    downPayload[at] = fabricSwitch.payload();
                    downNow[w] |= 1L << port;
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
                    fabricSwitch.accept(h, slot, upSync[at], upPayload[at]);
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
                    engines[h].accept(slot, downSync[at], downPayload[at]);
                    hostBusy[w] |= 1L << h;
                    inFlight--;
                }
            }
        }
    }

    /** Whether nothing is in flight, queued or waiting anywhere: stepping would change nothing until a new request. */
    public boolean idle()
    {
        if (inFlight != 0 || !fabricSwitch.idle())
        {
            return false;
        }
        for (final long word : hostBusy)
        {
            if (word != 0)
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
