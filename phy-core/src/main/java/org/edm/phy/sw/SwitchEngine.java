package org.edm.phy.sw;

import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.Reassembler;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.sched.CentralScheduler;
import org.edm.phy.sched.GrantListener;

import java.util.Arrays;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * The memory side of the EDM switch (edm-protocol §4): per-port ingress demultiplexing, the central scheduler, read
 * requests held until their reply is granted, circuit forwarding of granted data, and per-port egress. Pure and
 * slot-driven; MAC frames are handled beside it by the switch's L2 path ({@link L2Switch}; {@link SwitchPorts} puts
 * both behind one receive demultiplexer and one transmit arbiter per port).
 * <pre>
 *   every slot:  beginSlot(t)          schedule (release, match, GRANTs and held RREQs to egress), then move what
 *                                      arrived in earlier slots from the ingress buffers to the egress queues
 *                emit(port, t)          at most one memory block per port (accounts granted blocks to the scheduler)
 *                accept(port, t, ...)   every block that arrived: NOTIF and RREQ register demand, data joins the
 *                                      circuit, ACKs are forwarded (an error ACK retires the read's demand)
 * </pre>
 * That order is the reference's (edm-protocol Appendix A): a block accepted in slot t leaves at t+1 at the earliest.
 * Unknown destinations are answered with an ACK carrying UNKNOWN_NODE; data with no demand behind it is dropped and
 * counted, never forwarded on someone else's circuit.
 */
public final class SwitchEngine
{
    private final SwitchConfig config;
    private final Framing framing;
    private final int ports;
    private final int bytesPerBlock;
    private final CentralScheduler scheduler;
    private final Reassembler[] ingress;
    private final BlockRecords[] upstream;
    private final EgressPort[] egress;
    private final int[] portOfNode;
    private final Segmenter segmenter;
    private final GrantListener onGrant = this::onGrant;

    /** Per ingress port and class: a wire-framing header waiting for its tag block. */
    private final long[] pendingHeader;
    private final boolean[] hasPendingHeader;
    /** Per ingress port and class: the last message seen and its scheduler entry, as most blocks follow their own. */
    private final long[] cachedKey;
    private final int[] cachedEntry;
    private final long[] cachedSequence;
    /** Per ingress port: the read request being received (wire framing: up to 3 blocks). */
    private final long[] assembling;
    private final int[] assemblingCount;
    /** Held read requests by scheduler entry: up to 3 payloads each (all control blocks). */
    private long[] held = new long[3 * 1024];
    private int[] heldCount = new int[1024];

    private long currentSlot;
    private int upstreamCount;
    /** Ports with records in their ingress buffer, one bit each, so forwarding visits only those (in port order). */
    private final long[] upstreamBusy;
    private int egressCount;
    /** Ports with memory blocks waiting, one bit each, so per-slot loops skip empty ports. */
    private final long[] egressBusy;
    /** Memory blocks waiting per port (what its egress holds), so emptiness costs one decrement. */
    private final int[] queued;
    private int sync;
    private long payload;

    private final long[] blocksIn;
    private final long[] blocksOut;
    private long ungranted;
    private long unknownNode;
    private long malformed;
    private long unexpected;
    private long duplicates;
    private long dropped;
    private long cancelled;

    public SwitchEngine(final SwitchConfig config)
    {
        this.config = config;
        this.framing = config.framing();
        this.ports = config.ports();
        this.bytesPerBlock = framing.dataBytesPerBlock();
        scheduler = new CentralScheduler(config.scheduler());
        ingress = new Reassembler[ports];
        upstream = new BlockRecords[ports];
        egress = new EgressPort[ports];
        for (int p = 0; p < ports; p++)
        {
            ingress[p] = framing.newReassembler(config.maxPausedPerLink());
            upstream[p] = new BlockRecords(16);
            egress[p] = config.egressMode() == EgressMode.FIFO ?
                new FifoEgress() : new LaneEgress(framing, config.egressOrder());
        }
        int maxNode = 0;
        for (final int node : config.nodeOfPort())
        {
            maxNode = Math.max(maxNode, node);
        }
        portOfNode = new int[maxNode + 1];
        Arrays.fill(portOfNode, -1);
        for (int p = 0; p < ports; p++)
        {
            if (portOfNode[config.nodeOfPort()[p]] >= 0)
            {
                throw new IllegalArgumentException("node " + config.nodeOfPort()[p] + " is attached to two ports");
            }
            portOfNode[config.nodeOfPort()[p]] = p;
        }
        segmenter = framing.newSegmenter();
        pendingHeader = new long[ports * 3];
        hasPendingHeader = new boolean[ports * 3];
        assembling = new long[ports * 3];
        cachedKey = new long[ports * 3];
        cachedEntry = new int[ports * 3];
        cachedSequence = new long[ports * 3];
        Arrays.fill(cachedEntry, -1);
        assemblingCount = new int[ports];
        blocksIn = new long[ports];
        blocksOut = new long[ports];
        egressBusy = new long[(ports + 63) >>> 6];
        upstreamBusy = new long[(ports + 63) >>> 6];
        queued = new int[ports];
    }

    public SwitchConfig config()
    {
        return config;
    }

    public CentralScheduler scheduler()
    {
        return scheduler;
    }

    /** The port a node is attached to, or -1. */
    public int portOf(final int node)
    {
        return node >= 0 && node < portOfNode.length ? portOfNode[node] : -1;
    }

    // ---- per slot --------------------------------------------------------------------------------------------------

    /**
     * Forgets demand whose granted blocks stopped arriving {@code staleSlots} ago (lost on a lossy fabric), so that it
     * does not hold a circuit forever; the requesters end such requests by timeout. A no-op unless called; agents call
     * it every so often with a multiple of their request timeout. Returns messages retired.
     */
    public int retireStale(final long slot, final long staleSlots)
    {
        final int retired = scheduler.retireStale(slot, staleSlots);
        if (retired > 0)
        {
            for (int entry = 0; entry < heldCount.length; entry++)
            {
                if (heldCount[entry] > 0 && !scheduler.isLive(entry, scheduler.sequence(entry)))
                {
                    heldCount[entry] = 0;
                }
            }
        }
        return retired;
    }

    /** Scheduling and forwarding for slot {@code slot}; call first in every slot. */
    public void beginSlot(final long slot)
    {
        scheduler.schedule(slot, onGrant);
        if (upstreamCount == 0)
        {
            return;
        }
        for (int w = 0; w < upstreamBusy.length; w++)
        {
            long bits = upstreamBusy[w];
            upstreamBusy[w] = 0;
            while (bits != 0)
            {
                final BlockRecords in = upstream[(w << 6) + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
                while (!in.isEmpty())
                {
                    final int at = in.headSlot();
                    final int to = in.egress[at];
                    egress[to].enqueue(in, at);
                    markBusy(to);
                    egressCount++;
                    queued[to]++;
                    in.removeHead();
                    upstreamCount--;
                }
            }
        }
    }

    /**
     * The memory block port {@code port} sends in this slot, if any.
     *
     * @return true when {@link #sync()} and {@link #payload()} hold a block.
     */
    public boolean emit(final int port, final long slot)
    {
        // the busy bit is set exactly while the port has blocks waiting: cheaper than asking the egress
        if ((egressBusy[port >>> 6] & (1L << port)) == 0)
        {
            return false;
        }
        final EgressPort out = egress[port];
        final int at = out.choose(slot);
        if (out.announcing())
        {
            sync = out.announcementSync();
            payload = out.announcementPayload();
            blocksOut[port]++;
            return true;
        }
        if (at < 0)
        {
            return false;
        }
        final BlockRecords records = out.chosen();
        sync = records.sync[at];
        payload = records.payload[at];
        final int entry = records.entry[at];
        if (entry >= 0)
        {
            account(records, at, entry);
        }
        out.consume();
        egressCount--;
        blocksOut[port]++;
        if (--queued[port] == 0)
        {
            egressBusy[port >>> 6] &= ~(1L << port);
        }
        return true;
    }

    /**
     * The first port at or after {@code from} with memory blocks waiting, or -1: lets a caller visit only busy ports,
     * in port order.
     */
    public int nextBusyPort(final int from)
    {
        int word = from >>> 6;
        if (word >= egressBusy.length)
        {
            return -1;
        }
        long bits = egressBusy[word] & (-1L << from);
        while (true)
        {
            if (bits != 0)
            {
                return (word << 6) + Long.numberOfTrailingZeros(bits);
            }
            if (++word == egressBusy.length)
            {
                return -1;
            }
            bits = egressBusy[word];
        }
    }

    /** Word {@code word} of the busy-port bitset (ports 64*word .. 64*word+63), for callers that scan it fast. */
    public long busyPorts(final int word)
    {
        return egressBusy[word];
    }

    private void markBusy(final int port)
    {
        egressBusy[port >>> 6] |= 1L << port;
    }

    public int sync()
    {
        return sync;
    }

    public long payload()
    {
        return payload;
    }

    /** Whether port {@code port} has memory blocks waiting. */
    public boolean hasEgress(final int port)
    {
        return !egress[port].isEmpty();
    }

    /** Per-message lanes in use at port {@code port} (wire framing); 0 once traffic has drained. */
    public int activeLanes(final int port)
    {
        return egress[port].activeLanes();
    }

    /** Memory blocks waiting at port {@code port}. */
    public int egressDepth(final int port)
    {
        return egress[port].size();
    }

    /** Whether nothing waits anywhere and the scheduler has nothing to do. */
    public boolean idle()
    {
        return upstreamCount == 0 && egressCount == 0 && scheduler.idle();
    }

    /** Hands in a memory block that arrived on {@code port}. */
    public void accept(final int port, final long slot, final int blockSync, final long blockPayload)
    {
        currentSlot = slot;
        blocksIn[port]++;
        final Reassembler rx = ingress[port];
        final int event = rx.accept(blockSync, blockPayload);
        if (event < 0)
        {
            malformed++;
            return;
        }
        switch (event)
        {
            case Reassembler.NOTIF -> onNotif(port, slot, rx);
            case Reassembler.ACK -> onAck(port, rx, blockSync, blockPayload);
            case Reassembler.GRANT -> unexpected++;
            case Reassembler.PADDING -> dropped++;
            default -> onMessageBlock(port, slot, rx, event, blockSync, blockPayload);
        }
    }

    // ---- ingress ---------------------------------------------------------------------------------------------------

    private void onNotif(final int port, final long slot, final Reassembler rx)
    {
        final int requester = config.nodeOfPort()[port];
        if ((rx.flags() & org.edm.phy.mem.NotifBlock.FLAG_CANCEL) != 0)
        {
            final int entry = scheduler.find(CentralScheduler.WRITE, requester, rx.tag());
            if (entry >= 0)
            {
                scheduler.retire(entry);
                cancelled++;
            }
            return;
        }
        final int receiverPort = portOf(rx.destination());
        if (receiverPort < 0 || receiverPort == port)
        {
            unknownNode++;
            queueAck(port, rx.tag(), CompletionStatus.UNKNOWN_NODE, requester);
            return;
        }
        final int blocks = framing.blocks(CLASS_WREQ, rx.length());
        final int entry = scheduler.register(CentralScheduler.WRITE, port, receiverPort, requester, rx.tag(), blocks, slot);
        if (entry < 0)
        {
            duplicates++;
        }
    }

    private void onAck(final int port, final Reassembler rx, final int blockSync, final long blockPayload)
    {
        final int requester = rx.destination();
        final int to = portOf(requester);
        if (to < 0)
        {
            unknownNode++;
            return;
        }
        if (rx.status() != CompletionStatus.SUCCESS)
        {
            final int entry = scheduler.find(CentralScheduler.READ_RESPONSE, requester, rx.tag());
            if (entry >= 0)
            {
                heldCount(entry, 0);
                scheduler.retire(entry);
            }
        }
        final BlockRecords in = upstream[port];
        final int at = in.append(blockSync, blockPayload, CLASS_ACK);
        in.egress[at] = to;
        in.requester[at] = requester;
        in.tag[at] = rx.tag();
        in.readySlot[at] = currentSlot + 1;
        upstreamCount++;
        upstreamBusy[port >>> 6] |= 1L << port;
    }

    private void onMessageBlock(
        final int port, final long slot, final Reassembler rx, final int event, final int blockSync, final long blockPayload)
    {
        final int cls = rx.messageClass();
        if (cls == CLASS_RREQ)
        {
            onReadRequestBlock(port, slot, rx, blockPayload);
            return;
        }
        final int c = port * 3 + (cls - CLASS_RREQ);
        if (event == Reassembler.RESUME)
        {
            // the header just held was the resume announcement's, not a message's: the egress makes its own
            hasPendingHeader[c] = false;
            return;
        }
        if (!rx.identified())
        {
            pendingHeader[c] = blockPayload;
            hasPendingHeader[c] = true;
            return;
        }
        final int entry = entryOf(c, cls, rx.requester(), rx.tag());
        if (entry < 0 || scheduler.sender(entry) != port)
        {
            ungranted++;
            hasPendingHeader[c] = false;
            return;
        }
        final int to = scheduler.receiver(entry);
        if (hasPendingHeader[c])
        {
            hasPendingHeader[c] = false;
            forward(port, to, entry, cachedSequence[c], rx, org.edm.phy.pcs.Block.SYNC_CONTROL, pendingHeader[c], 0,
                false);
        }
        forward(port, to, entry, cachedSequence[c], rx, blockSync, blockPayload, rx.blockIndex(), rx.last());
    }

    private int entryOf(final int c, final int cls, final int requester, final int tag)
    {
        final long key = ((long)requester << 16) | (tag & 0xFFFF);
        if (cachedKey[c] == key && scheduler.isLive(cachedEntry[c], cachedSequence[c]))
        {
            return cachedEntry[c];
        }
        final int kind = cls == CLASS_WREQ ? CentralScheduler.WRITE : CentralScheduler.READ_RESPONSE;
        final int entry = scheduler.find(kind, requester, tag);
        cachedKey[c] = key;
        cachedEntry[c] = entry;
        cachedSequence[c] = entry >= 0 ? scheduler.sequence(entry) : -1;
        return entry;
    }

    private void forward(
        final int port,
        final int to,
        final int entry,
        final long entrySequence,
        final Reassembler rx,
        final int blockSync,
        final long blockPayload,
        final int index,
        final boolean last)
    {
        // lanes take the record in place; the reference FIFO stages it in the ingress buffer until the next slot
        final BlockRecords lane = egress[to].directQueue(rx.messageClass(), rx.requester(), rx.tag());
        if (lane != null)
        {
            lane.appendLaneBlock(blockSync, blockPayload, index, last, entry, entrySequence, currentSlot + 1, rx.tag(),
                rx.length(), rx.source(), rx.destination());
            egress[to].joined();
            egressCount++;
            queued[to]++;
            markBusy(to);
            return;
        }
        final BlockRecords in = upstream[port];
        final int at = in.append(blockSync, blockPayload, rx.messageClass());
        in.egress[at] = to;
        in.index[at] = index;
        in.requester[at] = rx.requester();
        in.tag[at] = rx.tag();
        in.length[at] = rx.length();
        in.source[at] = rx.source();
        in.destination[at] = rx.destination();
        in.entry[at] = entry;
        in.entrySequence[at] = entrySequence;
        in.last[at] = last;
        in.readySlot[at] = currentSlot + 1;
        upstreamCount++;
        upstreamBusy[port >>> 6] |= 1L << port;
    }

    private void onReadRequestBlock(final int port, final long slot, final Reassembler rx, final long blockPayload)
    {
        if (rx.blockIndex() == 0)
        {
            assemblingCount[port] = 0;
        }
        if (assemblingCount[port] < 3)
        {
            assembling[port * 3 + assemblingCount[port]++] = blockPayload;
        }
        if (!rx.last())
        {
            return;
        }
        final int requester = rx.source();
        final int memoryPort = portOf(rx.destination());
        if (memoryPort < 0 || memoryPort == port)
        {
            unknownNode++;
            queueAck(port, rx.tag(), CompletionStatus.UNKNOWN_NODE, requester);
            return;
        }
        final int blocks = framing.blocks(CLASS_RRESP, rx.length());
        final int entry = scheduler.register(
            CentralScheduler.READ_RESPONSE, memoryPort, port, requester, rx.tag(), blocks, slot);
        if (entry < 0)
        {
            duplicates++;
            return;
        }
        final int count = assemblingCount[port];
        heldCount(entry, count);
        System.arraycopy(assembling, port * 3, held, entry * 3, count);
    }

    // ---- scheduling ------------------------------------------------------------------------------------------------

    private void onGrant(final int entry, final int sender, final int receiver, final int quota, final boolean first)
    {
        final boolean response = scheduler.kind(entry) == CentralScheduler.READ_RESPONSE;
        final int tag = scheduler.tag(entry);
        final int requester = scheduler.requester(entry);
        final EgressPort out = egress[sender];
        if (response && first)
        {
            final int count = entry < heldCount.length ? heldCount[entry] : 0;
            final BlockRecords requests = out.control(CLASS_RREQ);
            for (int i = 0; i < count; i++)
            {
                final int at = requests.append(org.edm.phy.pcs.Block.SYNC_CONTROL, held[entry * 3 + i], CLASS_RREQ);
                requests.requester[at] = requester;
                requests.tag[at] = tag;
                egressCount++;
                queued[sender]++;
            }
            heldCount(entry, 0);
        }
        markBusy(sender);
        final int peer = response ? requester : config.nodeOfPort()[receiver];
        final long grant = segmenter.grant(quota * bytesPerBlock, tag, response ? GrantBlock.FLAG_RESPONSE : 0, peer);
        final BlockRecords grants = out.control(CLASS_GRANT);
        final int at = grants.append(segmenter.sync(), grant, CLASS_GRANT);
        grants.requester[at] = requester;
        grants.tag[at] = tag;
        egressCount++;
        queued[sender]++;
    }

    private void account(final BlockRecords records, final int at, final int entry)
    {
        if (scheduler.isLive(entry, records.entrySequence[at]))
        {
            scheduler.forwarded(entry, 1);
        }
    }

    private void queueAck(final int port, final int tag, final int status, final int requester)
    {
        final BlockRecords acks = egress[port].control(CLASS_ACK);
        final int at = acks.append(org.edm.phy.pcs.Block.SYNC_CONTROL, segmenter.ack(0, tag, status, requester), CLASS_ACK);
        acks.requester[at] = requester;
        acks.tag[at] = tag;
        egressCount++;
        queued[port]++;
        markBusy(port);
    }

    private void heldCount(final int entry, final int count)
    {
        if (entry >= heldCount.length)
        {
            final int size = Math.max(entry + 1, heldCount.length * 2);
            heldCount = Arrays.copyOf(heldCount, size);
            held = Arrays.copyOf(held, size * 3);
        }
        heldCount[entry] = count;
    }

    // ---- counters --------------------------------------------------------------------------------------------------

    public long blocksIn(final int port)
    {
        return blocksIn[port];
    }

    public long blocksOut(final int port)
    {
        return blocksOut[port];
    }

    /** Data blocks that arrived with no demand or circuit behind them (dropped). */
    public long ungranted()
    {
        return ungranted;
    }

    /** NOTIFs, read requests and ACKs naming a node that is not attached (answered or dropped). */
    public long unknownNode()
    {
        return unknownNode;
    }

    /** Blocks the ingress reassemblers rejected. */
    public long malformed()
    {
        return malformed;
    }

    /** Blocks a host should never send to the switch (a GRANT). */
    public long unexpected()
    {
        return unexpected;
    }

    /** Demand registered twice for one message (ignored). */
    public long duplicates()
    {
        return duplicates;
    }

    /** Writes whose demand a host withdrew with a cancelling NOTIF (it gave them up after a timeout). */
    public long cancelled()
    {
        return cancelled;
    }

    /** Blocks dropped on purpose (the padding block of a netsim read request). */
    public long dropped()
    {
        return dropped;
    }

    /** The ingress reassembler of a port, for its malformed-reason counters. */
    public Reassembler ingress(final int port)
    {
        return ingress[port];
    }
}
