package org.edm.phy.host;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.NotifBlock;
import org.edm.phy.mem.Reassembler;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.mem.SendStreams;
import org.edm.phy.memory.MemoryRegions;

import java.nio.ByteOrder;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * The EDM host protocol engine (edm-protocol §4.4): a requester that issues reads and writes, and optionally a memory
 * node that serves them from its {@link MemoryRegions}. Pure and slot-driven: the caller submits requests, asks for
 * one memory block per slot with {@link #emit(long)}, hands in every received memory block with
 * {@link #accept(long, int, long)}, and calls {@link #tick(long)} now and then for timeouts. No clock, no threads, no
 * allocation after construction, no exceptions on these paths.
 * <pre>
 *   read   submitRead -> RREQ (no grant needed) ............ RRESP data -> caller's buffer -> complete(SUCCESS)
 *   write  submitWrite -> NOTIF -> (GRANT) -> WREQ data ...... ACK -> complete(status)
 *   memory node: RREQ -> check key/bounds/length -> RRESP waits for its GRANT, or ACK(error)
 *                WREQ -> check -> data into the region (only if the whole request is valid) -> ACK(status)
 * </pre>
 * Submission returns the request's tag, or a negative {@link CompletionStatus} code when it is refused at once
 * (BAD_LENGTH, UNKNOWN_NODE, OUT_OF_BOUNDS for an address the framing cannot carry, BACK_PRESSURED); every accepted
 * request completes exactly once through the {@link CompletionListener}.
 */
public final class HostEngine
{
    private final HostConfig config;
    private final int self;
    private final Framing framing;
    private final int bytesPerBlock;
    private final Segmenter segmenter;
    private final Reassembler receiver;
    private final SendStreams streams;
    private final RequestTable requests;
    private final OutboundMessages out;
    private final MemoryRegions regions;
    private final CompletionListener completions;
    private final int[] announcing = { -1, -1, -1 };
    /** Whether any class has an announcement to finish: one field, so an emit or idle check skips the array. */
    private boolean anyAnnouncing;
    private HostTrace trace = new HostTrace()
    {
    };

    private int sync;
    private long payload;
    private long nextTimeoutCheck;

    private long blocksSent;
    private long blocksReceived;
    private long malformedReceived;
    private long orphanGrants;
    private long staleBlocks;
    private long timeouts;
    private long resumesSent;
    private long unexpectedBlocks;
    private long cancelsSent;

    /**
     * @param regions the regions this host serves as a memory node, or null for a compute-only host.
     */
    public HostEngine(final HostConfig config, final MemoryRegions regions, final CompletionListener completions)
    {
        this.config = config;
        this.self = config.nodeId();
        this.framing = config.framing();
        this.bytesPerBlock = framing.dataBytesPerBlock();
        this.regions = regions;
        this.completions = completions;
        segmenter = framing.newSegmenter();
        receiver = framing.newReassembler(config.maxPausedPerLink());
        streams = new SendStreams(framing);
        requests = new RequestTable(config.maxOutstanding(), framing.maxTag());
        out = new OutboundMessages(config.maxOutbound(), config.order(), framing);
    }

    /** Installs an observer of protocol moments (for the simulator's per-flow columns). */
    public void trace(final HostTrace hostTrace)
    {
        this.trace = hostTrace;
    }

    public int nodeId()
    {
        return self;
    }

    public HostConfig config()
    {
        return config;
    }

    // ---- requester API ---------------------------------------------------------------------------------------------

    /**
     * Reads {@code length} bytes at {@code address} of region {@code key} on {@code node} into {@code destination}
     * (null: discard, as the simulator does).
     *
     * @return the tag (>= 0), or a negative CompletionStatus code if refused at once.
     */
    public int submitRead(
        final long requestId,
        final int node,
        final int key,
        final long address,
        final int length,
        final MutableDirectBuffer destination,
        final int destinationOffset,
        final long slot)
    {
        final int refused = refuse(node, address, length, destination, destinationOffset);
        if (refused != 0)
        {
            return -refused;
        }
        final int index = newRequest(requestId, RequestTable.READ, node, length, slot);
        requests.destination[index] = destination;
        requests.destinationOffset[index] = destinationOffset;
        final int id = out.allocate(CLASS_RREQ);
        out.descriptor[id].set(CLASS_RREQ, length, self, node, requests.tag[index], key, address);
        link(id, index, requestId);
        out.enqueue(id, false);
        return requests.tag[index];
    }

    /**
     * Writes {@code length} bytes from {@code source} (null: zeros) to {@code address} of region {@code key} on
     * {@code node}. The source must stay unchanged until the request completes.
     *
     * @return the tag (>= 0), or a negative CompletionStatus code if refused at once.
     */
    public int submitWrite(
        final long requestId,
        final int node,
        final int key,
        final long address,
        final int length,
        final DirectBuffer source,
        final int sourceOffset,
        final long slot)
    {
        final int refused = refuse(node, address, length, source, sourceOffset);
        if (refused != 0)
        {
            return -refused;
        }
        final int index = newRequest(requestId, RequestTable.WRITE, node, length, slot);
        final int id = out.allocate(CLASS_WREQ);
        out.descriptor[id].set(CLASS_WREQ, length, self, node, requests.tag[index], key, address)
            .data(source, sourceOffset);
        link(id, index, requestId);
        out.enqueue(id, false);
        return requests.tag[index];
    }

    /** Requests submitted and not yet completed. */
    public int outstanding()
    {
        return requests.outstanding();
    }

    /** Whether a submission now would be refused with BACK_PRESSURED. */
    public boolean isFull()
    {
        return requests.isFull() || out.inUse() >= config.maxOutbound() - 2;
    }

    // ---- transmit --------------------------------------------------------------------------------------------------

    /**
     * Picks this slot's memory block, if any.
     *
     * @return true when a block is ready in {@link #sync()} and {@link #payload()}; false when the slot is free for
     *         frames or idle.
     */
    public boolean emit(final long slot)
    {
        int id = -1;
        if (anyAnnouncing)
        {
            for (final int holder : announcing)
            {
                if (holder >= 0)
                {
                    id = holder;
                    break;
                }
            }
        }
        if (id < 0)
        {
            if (!out.granted.isEmpty())
            {
                id = out.granted.peek();
            }
            else if (!out.pending.isEmpty())
            {
                id = out.pending.peek();
            }
            else
            {
                return false;
            }
        }
        final int cls = out.messageClass[id];
        final MessageDescriptor d = out.descriptor[id];
        if (cls == CLASS_ACK)
        {
            payload = segmenter.ack(d.length(), d.tag(), out.status[id], d.destination());
            out.free(id);
            return sent();
        }
        if (cls == CLASS_NOTIF)
        {
            payload = segmenter.notif(0, d.tag(), NotifBlock.FLAG_CANCEL, d.destination());
            out.free(id);
            cancelsSent++;
            return sent();
        }
        if (out.state[id] == OutboundMessages.PENDING)
        {
            if (cls == CLASS_WREQ)
            {
                payload = segmenter.notif(d.length(), d.tag(), 0, d.destination());
                out.moveToWaiting(id);
                trace.notifSent(out.requestId[id], slot);
                return sent();
            }
            out.moveToGranted(id);
        }
        return sendMessageBlock(id, cls, d, slot);
    }

    /** Sync header of the block {@link #emit(long)} produced. */
    public int sync()
    {
        return sync;
    }

    /** Payload of the block {@link #emit(long)} produced. */
    public long payload()
    {
        return payload;
    }

    /** Whether {@link #emit(long)} would return false: nothing to send until a GRANT or a submission arrives. */
    public boolean idle()
    {
        return !anyAnnouncing && out.nothingQueued();
    }

    /** Sets (id) or clears (-1) the message of class index {@code c} that must finish its announcement first. */
    private void announce(final int c, final int id)
    {
        announcing[c] = id;
        anyAnnouncing = announcing[0] >= 0 || announcing[1] >= 0 || announcing[2] >= 0;
    }

    private boolean sendMessageBlock(final int id, final int cls, final MessageDescriptor d, final long slot)
    {
        final long key = out.key(id);
        final int index = out.nextIndex[id];
        final int c = cls - CLASS_RREQ;
        final int what = streams.next(cls, key, index);
        if (what != SendStreams.MESSAGE_BLOCK)
        {
            payload = segmenter.encodeResume(d, what - 1);
            announce(c, what == SendStreams.RESUME_HEADER ? id : -1);
            resumesSent += what == SendStreams.RESUME_HEADER ? 1 : 0;
            streams.sent(cls, key, what, index, false);
            return sent();
        }
        payload = segmenter.encode(d, index);
        final int blocks = out.blocks[id];
        final boolean last = index == blocks - 1;
        out.nextIndex[id] = index + 1;
        streams.sent(cls, key, what, index, last);
        announce(c, index == 0 && !last && framing.resumeBlocks() > 0 ? id : -1);
        if (index == 0)
        {
            if (cls == CLASS_RRESP)
            {
                trace.responseStarted(d.destination(), d.tag(), slot);
            }
            else
            {
                trace.firstBlockSent(out.requestId[id], slot);
            }
        }
        if (OutboundMessages.needsGrant(cls))
        {
            out.quota[id]--;
            if (out.quota[id] == 0)
            {
                trace.quotaSpent(cls, d.requester(), d.tag(), slot);
            }
        }
        if (last)
        {
            if (cls == CLASS_RRESP)
            {
                trace.responseSent(d.destination(), d.tag(), slot);
            }
            final int requestIndex = out.requestIndex[id];
            if (requestIndex >= 0 && requests.outbound[requestIndex] == id)
            {
                requests.outbound[requestIndex] = -1;
            }
            out.free(id);
            if (cls == CLASS_WREQ && !config.acknowledgeWrites() && requestIndex >= 0 && requests.live[requestIndex])
            {
                complete(requestIndex, CompletionStatus.SUCCESS, slot);
            }
        }
        else if (OutboundMessages.needsGrant(cls) && out.quota[id] <= 0)
        {
            out.moveToWaiting(id);
        }
        else
        {
            out.reprioritise(id);
        }
        return sent();
    }

    private boolean sent()
    {
        sync = segmenter.sync();
        blocksSent++;
        return true;
    }

    // ---- receive ---------------------------------------------------------------------------------------------------

    /** Hands in one received memory block. */
    public void accept(final long slot, final int blockSync, final long blockPayload)
    {
        blocksReceived++;
        final int event = receiver.accept(blockSync, blockPayload);
        if (event < 0)
        {
            malformedReceived++;
            return;
        }
        switch (event)
        {
            case Reassembler.GRANT -> onGrant(slot);
            case Reassembler.ACK -> onAck(slot);
            case Reassembler.NOTIF -> unexpectedBlocks++;
            default -> onMessageBlock(event, slot);
        }
    }

    private void onMessageBlock(final int event, final long slot)
    {
        if (!receiver.identified())
        {
            return;
        }
        switch (receiver.messageClass())
        {
            case CLASS_RRESP -> onResponseBlock(event, slot);
            case CLASS_RREQ ->
            {
                if (receiver.last())
                {
                    trace.readRequestDelivered(receiver.source(), receiver.tag(), slot);
                    onReadRequest();
                }
            }
            case CLASS_WREQ -> onWriteBlock(event, slot);
            default -> unexpectedBlocks++;
        }
    }

    private void onGrant(final long slot)
    {
        final boolean forResponse = (receiver.flags() & GrantBlock.FLAG_RESPONSE) != 0;
        final int id = forResponse ?
            out.find(CLASS_RRESP, receiver.destination(), receiver.tag()) :
            out.find(CLASS_WREQ, self, receiver.tag());
        if (id < 0)
        {
            orphanGrants++;
            return;
        }
        final boolean first = out.nextIndex[id] == 0 && out.quota[id] == 0;
        out.quota[id] += receiver.length() / bytesPerBlock;
        if (first)
        {
            if (forResponse)
            {
                trace.responseGranted(receiver.destination(), receiver.tag(), slot);
            }
            else
            {
                trace.firstGrant(out.requestId[id], slot);
            }
        }
        if (out.state[id] == OutboundMessages.WAITING && out.quota[id] > 0)
        {
            out.moveToGranted(id);
        }
    }

    private void onAck(final long slot)
    {
        final int index = requests.indexOf(receiver.tag());
        if (index < 0 || receiver.destination() != self)
        {
            staleBlocks++;
            return;
        }
        final int id = requests.outbound[index];
        if (id >= 0)
        {
            // the request ended before its message was sent (the switch refused a write's NOTIF): drop the message
            abandon(id);
        }
        complete(index, receiver.status(), slot);
    }

    private void onResponseBlock(final int event, final long slot)
    {
        final int index = requests.indexOf(receiver.tag());
        if (index < 0 || receiver.destination() != self || requests.kind[index] != RequestTable.READ)
        {
            staleBlocks++;
            return;
        }
        if (event == Reassembler.DATA)
        {
            final int offset = receiver.dataOffset();
            final int count = receiver.dataBytes();
            if (offset + count <= requests.length[index])
            {
                final MutableDirectBuffer destination = requests.destination[index];
                if (destination != null)
                {
                    putBytes(destination, requests.destinationOffset[index] + offset, receiver.dataWord(), count);
                }
                requests.bytesReceived[index] += count;
            }
        }
        if (receiver.last())
        {
            final boolean whole = receiver.length() == requests.length[index] &&
                (!framing.carriesData() || requests.bytesReceived[index] == requests.length[index]);
            complete(index, whole ? CompletionStatus.SUCCESS : CompletionStatus.MALFORMED, slot);
        }
    }

    private void onReadRequest()
    {
        final int requester = receiver.source();
        final int tag = receiver.tag();
        final int length = receiver.length();
        final int status = checkRequest(receiver.key(), receiver.address(), length);
        if (status != CompletionStatus.SUCCESS)
        {
            queueAck(0, tag, status, requester);
            return;
        }
        if (out.find(CLASS_RRESP, requester, tag) >= 0)
        {
            // the same request twice while its response is still going out: refuse the second
            queueAck(0, tag, CompletionStatus.NO_RESOURCES, requester);
            return;
        }
        final int region = regions.indexOf(receiver.key());
        final MutableDirectBuffer memory = regions.buffer(region);
        final int id = out.allocate(CLASS_RRESP);
        out.descriptor[id].set(CLASS_RRESP, length, self, requester, tag, 0, receiver.address())
            .data(memory, memory == null ? 0 : (int)receiver.address());
        out.enqueue(id, true);
    }

    private void onWriteBlock(final int event, final long slot)
    {
        final int length = receiver.length();
        if (event == Reassembler.DATA && regions != null)
        {
            final int key = receiver.key();
            final long address = receiver.address();
            if (checkRequest(key, address, length) == CompletionStatus.SUCCESS)
            {
                final MutableDirectBuffer memory = regions.buffer(regions.indexOf(key));
                if (memory != null)
                {
                    putBytes(memory, (int)address + receiver.dataOffset(), receiver.dataWord(), receiver.dataBytes());
                }
            }
        }
        if (receiver.last())
        {
            final int status = checkRequest(receiver.key(), receiver.address(), length);
            trace.writeDelivered(receiver.source(), receiver.tag(), slot);
            if (status != CompletionStatus.SUCCESS || config.acknowledgeWrites())
            {
                queueAck(status == CompletionStatus.SUCCESS ? length : 0, receiver.tag(), status, receiver.source());
            }
        }
    }

    private int checkRequest(final int key, final long address, final int length)
    {
        return regions == null ? CompletionStatus.BAD_KEY : regions.check(key, address, length);
    }

    private void queueAck(final int length, final int tag, final int status, final int requester)
    {
        final int id = out.allocate(CLASS_ACK);
        out.descriptor[id].set(CLASS_ACK, length, self, requester, tag, 0, 0);
        out.status[id] = status;
        out.enqueue(id, false);
    }

    /**
     * Blocks of the incoming link were lost (a carrier sequence gap): forgets the messages being received, whose
     * requests then end by timeout instead of being fed other messages' blocks.
     */
    public void linkReset()
    {
        receiver.reset();
    }

    // ---- time ------------------------------------------------------------------------------------------------------

    /** Ends requests that outlived the timeout with TIMEOUT; cheap to call every slot (it scans rarely). */
    public void tick(final long slot)
    {
        final long timeout = config.requestTimeoutSlots();
        if (timeout == 0 || slot < nextTimeoutCheck)
        {
            return;
        }
        nextTimeoutCheck = slot + Math.max(1, timeout / 8);
        for (int index = 0; index < requests.capacity(); index++)
        {
            if (requests.live[index] && requests.deadline[index] <= slot)
            {
                timeouts++;
                final int id = requests.outbound[index];
                if (id >= 0)
                {
                    abandon(id);
                }
                complete(index, CompletionStatus.TIMEOUT, slot);
            }
        }
    }

    /**
     * Gives up a message whose request timed out. A write whose NOTIF went out has demand (and maybe quota) at the
     * switch that nothing will ever drain: a cancelling NOTIF withdraws it, so no circuit stays reserved for it.
     */
    private void abandon(final int id)
    {
        for (int c = 0; c < announcing.length; c++)
        {
            if (announcing[c] == id)
            {
                announce(c, -1);
            }
        }
        final boolean notified = out.messageClass[id] == CLASS_WREQ && out.state[id] != OutboundMessages.PENDING;
        final int tag = out.descriptor[id].tag();
        final int node = out.descriptor[id].destination();
        out.free(id);
        if (notified)
        {
            final int cancel = out.allocate(CLASS_NOTIF);
            out.descriptor[cancel].set(CLASS_NOTIF, 0, self, node, tag, 0, 0);
            out.enqueue(cancel, false);
        }
    }

    /** Cancelling NOTIFs sent for writes given up after a timeout. */
    public long cancelsSent()
    {
        return cancelsSent;
    }

    // ---- counters --------------------------------------------------------------------------------------------------

    public long blocksSent()
    {
        return blocksSent;
    }

    public long blocksReceived()
    {
        return blocksReceived;
    }

    /** Received blocks the reassembler rejected (see {@link #reassembler()} for reasons). */
    public long malformedReceived()
    {
        return malformedReceived;
    }

    /** GRANTs for no message this host has. */
    public long orphanGrants()
    {
        return orphanGrants;
    }

    /** Responses or ACKs for requests that already ended (or never existed). */
    public long staleBlocks()
    {
        return staleBlocks;
    }

    public long timeouts()
    {
        return timeouts;
    }

    public long resumesSent()
    {
        return resumesSent;
    }

    public long unexpectedBlocks()
    {
        return unexpectedBlocks;
    }

    public Reassembler reassembler()
    {
        return receiver;
    }

    // ---- internals -------------------------------------------------------------------------------------------------

    private int refuse(
        final int node, final long address, final int length, final DirectBuffer buffer, final int offset)
    {
        if (length <= 0 || length > framing.maxLength() ||
            (buffer != null && (offset < 0 || offset > buffer.capacity() - length)))
        {
            return CompletionStatus.BAD_LENGTH;
        }
        if (node == self || node < 0 || node > framing.maxNode() || !config.knownNodes().test(node))
        {
            return CompletionStatus.UNKNOWN_NODE;
        }
        if (address < 0 || address > framing.maxAddress())
        {
            // no region holds it, and the address block would carry only its low bits: another, valid, address
            return CompletionStatus.OUT_OF_BOUNDS;
        }
        if (isFull())
        {
            return CompletionStatus.BACK_PRESSURED;
        }
        return 0;
    }

    private int newRequest(final long requestId, final int kind, final int node, final int length, final long slot)
    {
        final int index = requests.allocate();
        requests.requestId[index] = requestId;
        requests.kind[index] = kind;
        requests.node[index] = node;
        requests.length[index] = length;
        requests.destination[index] = null;
        requests.submitSlot[index] = slot;
        requests.deadline[index] = config.requestTimeoutSlots() == 0 ? Long.MAX_VALUE :
            slot + config.requestTimeoutSlots();
        return index;
    }

    private void link(final int id, final int index, final long requestId)
    {
        out.requestId[id] = requestId;
        out.requestIndex[id] = index;
        requests.outbound[index] = id;
    }

    private void complete(final int index, final int status, final long slot)
    {
        final long requestId = requests.requestId[index];
        final long submitted = requests.submitSlot[index];
        requests.release(index);
        completions.onComplete(requestId, status, submitted, slot);
    }

    private static void putBytes(final MutableDirectBuffer buffer, final int offset, final long word, final int count)
    {
        if (count == 8)
        {
            buffer.putLong(offset, word, ByteOrder.LITTLE_ENDIAN);
            return;
        }
        // at most three stores (4 + 2 + 1 bytes, little-endian) instead of one per byte; never past offset + count
        int at = offset;
        long rest = word;
        if ((count & 4) != 0)
        {
            buffer.putInt(at, (int)rest, ByteOrder.LITTLE_ENDIAN);
            at += 4;
            rest >>>= 32;
        }
        if ((count & 2) != 0)
        {
            buffer.putShort(at, (short)rest, ByteOrder.LITTLE_ENDIAN);
            at += 2;
            rest >>>= 16;
        }
        if ((count & 1) != 0)
        {
            buffer.putByte(at, (byte)rest);
        }
    }
}
