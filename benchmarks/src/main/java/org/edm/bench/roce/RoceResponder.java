package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;
import org.edm.bench.roce.wire.Aeth;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.memory.MemoryRegions;

/**
 * The responder half of an RC queue pair (IBA vol. 1, 9.7.5.2): executes the peer's READs and WRITEs against this
 * node's {@link MemoryRegions} (the same regions, keys and bounds rules as EDM's memory node), strictly in PSN order.
 * <pre>
 *   PSN == expected   execute; WRITE: data into the region, ACK when the A bit asks or every ackCoalesce packets;
 *                     READ: queue its responses (ceil(n / mtu) packets, First/Middle/Last or Only), expected += n
 *   PSN <  expected   duplicate: WRITE is not executed again but acknowledged (ACK of expected - 1);
 *                     READ is served again from its PSN, replacing the queued responses from that PSN on
 *   PSN >  expected   a packet was lost: one NAK (PSN sequence error, PSN = expected) until the expected one comes
 *   bad R_Key, out of bounds    NAK remote access error, nothing written or read, the queue pair goes to error
 *   bad length, opcode out of sequence, more READs than responderReads   NAK invalid request, error
 * </pre>
 * Responses and acknowledgements leave in PSN order through one {@link ResponseQueue}. The virtual address of a RETH
 * is an offset in the region its R_Key names. No allocation, locks or exceptions after construction.
 */
public final class RoceResponder
{
    private final int mtu;
    private final int ackCoalesce;
    private final int maxReads;
    private final MemoryRegions regions;
    private final RoceFrameWriter writer;
    private final ResponseQueue out;

    private int expectedPsn;
    private int msn;
    private boolean nakSent;
    private int unacknowledged;
    private boolean inWrite;
    private int writeRegion;
    private long writeAddress;
    private long writeRemaining;
    /** Original (not duplicate) READs queued: the responder resources in use. */
    private int readsHeld;
    private boolean error;

    private long requestsReceived;
    private long writesExecuted;
    private long readsExecuted;
    private long duplicates;
    private long outOfSequence;
    private long sequenceNaksSent;
    private long fatalNaks;
    private long acksSent;
    private long responsePacketsSent;
    private long droppedInError;
    private long controlDropped;
    private long evicted;

    RoceResponder(final RoceQpConfig config, final MemoryRegions regions, final RoceFrameWriter writer)
    {
        this.mtu = config.mtu();
        this.ackCoalesce = config.ackCoalesce();
        this.maxReads = config.responderReads();
        this.regions = regions;
        this.writer = writer;
        this.out = new ResponseQueue(8 * maxReads + 16);
        reset(config.remoteInitialPsn());
    }

    // ---- receive ---------------------------------------------------------------------------------------------------

    /** Takes an RDMA WRITE or READ Request packet addressed to this queue pair (already checked by the caller). */
    void onRequest(final RocePacket packet)
    {
        if (error)
        {
            droppedInError++;
            return;
        }
        requestsReceived++;
        final int psn = packet.psn();
        final int distance = Psn.diff(psn, expectedPsn);
        if (distance > 0)
        {
            outOfSequence++;
            if (!nakSent)
            {
                nakSent = true;
                sequenceNaksSent++;
                control(false, expectedPsn, Aeth.nakSyndrome(Aeth.NAK_PSN_SEQUENCE_ERROR));
            }
            return;
        }
        if (distance < 0)
        {
            duplicate(packet, psn);
            return;
        }
        nakSent = false;
        final int opcode = packet.opcode();
        switch (opcode)
        {
            case RoceOpcodes.RDMA_WRITE_FIRST, RoceOpcodes.RDMA_WRITE_ONLY ->
            {
                if (!writeStart(packet, psn, opcode))
                {
                    return;
                }
            }
            case RoceOpcodes.RDMA_WRITE_MIDDLE, RoceOpcodes.RDMA_WRITE_LAST ->
            {
                if (!writeContinue(packet, psn, opcode))
                {
                    return;
                }
            }
            case RoceOpcodes.RDMA_READ_REQUEST ->
            {
                readRequest(packet, psn);
                return;
            }
            default ->
            {
                fatal(psn, Aeth.NAK_INVALID_REQUEST);
                return;
            }
        }
        expectedPsn = Psn.add(expectedPsn, 1);
        unacknowledged++;
        if (packet.ackRequest() || (ackCoalesce > 0 && unacknowledged >= ackCoalesce))
        {
            control(true, psn, Aeth.SYNDROME_ACK);
        }
    }

    private boolean writeStart(final RocePacket packet, final int psn, final int opcode)
    {
        if (inWrite)
        {
            fatal(psn, Aeth.NAK_INVALID_REQUEST);
            return false;
        }
        final long dmaLength = packet.dmaLength();
        final int nak = check(packet.rkey(), packet.virtualAddress(), dmaLength);
        if (nak >= 0)
        {
            fatal(psn, nak);
            return false;
        }
        final int payload = packet.payloadLength();
        final boolean only = opcode == RoceOpcodes.RDMA_WRITE_ONLY;
        if (only ? payload != dmaLength : (payload != mtu || dmaLength <= mtu))
        {
            fatal(psn, Aeth.NAK_INVALID_REQUEST);
            return false;
        }
        final int region = regions.indexOf(packet.rkey());
        store(region, packet.virtualAddress(), packet, payload);
        if (only)
        {
            msn = Psn.add(msn, 1);
            writesExecuted++;
        }
        else
        {
            inWrite = true;
            writeRegion = region;
            writeAddress = packet.virtualAddress() + payload;
            writeRemaining = dmaLength - payload;
        }
        return true;
    }

    private boolean writeContinue(final RocePacket packet, final int psn, final int opcode)
    {
        final int payload = packet.payloadLength();
        final boolean last = opcode == RoceOpcodes.RDMA_WRITE_LAST;
        if (!inWrite || (last ? payload != writeRemaining : (payload != mtu || writeRemaining <= mtu)))
        {
            fatal(psn, Aeth.NAK_INVALID_REQUEST);
            return false;
        }
        store(writeRegion, writeAddress, packet, payload);
        writeAddress += payload;
        writeRemaining -= payload;
        if (last)
        {
            inWrite = false;
            msn = Psn.add(msn, 1);
            writesExecuted++;
        }
        return true;
    }

    private void readRequest(final RocePacket packet, final int psn)
    {
        if (inWrite || readsHeld >= maxReads)
        {
            fatal(psn, Aeth.NAK_INVALID_REQUEST);
            return;
        }
        final long dmaLength = packet.dmaLength();
        final int nak = check(packet.rkey(), packet.virtualAddress(), dmaLength);
        if (nak >= 0)
        {
            fatal(psn, nak);
            return;
        }
        final int packets = packets((int)dmaLength);
        while (out.isFull())
        {
            // Only stale duplicates can fill the queue this far: make room from its oldest end.
            evicted++;
            if (out.removeHead())
            {
                readsHeld--;
            }
        }
        msn = Psn.add(msn, 1);
        out.pushRead(
            psn, regions.indexOf(packet.rkey()), packet.virtualAddress(), (int)dmaLength, packets, msn, true);
        readsHeld++;
        readsExecuted++;
        expectedPsn = Psn.add(expectedPsn, packets);
        unacknowledged = 0;
    }

    private void duplicate(final RocePacket packet, final int psn)
    {
        duplicates++;
        if (packet.opcode() != RoceOpcodes.RDMA_READ_REQUEST)
        {
            unacknowledged++;
            if (packet.ackRequest() || (ackCoalesce > 0 && unacknowledged >= ackCoalesce))
            {
                control(true, Psn.add(expectedPsn, -1), Aeth.SYNDROME_ACK);
            }
            return;
        }
        final long dmaLength = packet.dmaLength();
        if (check(packet.rkey(), packet.virtualAddress(), dmaLength) >= 0)
        {
            return;
        }
        final int packets = packets((int)dmaLength);
        if (Psn.diff(Psn.add(psn, packets), expectedPsn) > 0)
        {
            return;
        }
        // The requester went back to this READ: what is queued from its PSN on will be asked for again (a burst of
        // READs it goes back over arrives as a burst of duplicates, each one appended after the one before).
        readsHeld -= out.dropFrom(psn);
        if (!out.pushRead(
            psn, regions.indexOf(packet.rkey()), packet.virtualAddress(), (int)dmaLength, packets, msn, false))
        {
            evicted++;
        }
    }

    /** The NAK code for a request the regions refuse, or -1 when it may go ahead. */
    private int check(final int rkey, final long address, final long dmaLength)
    {
        if (dmaLength > Integer.MAX_VALUE)
        {
            return Aeth.NAK_INVALID_REQUEST;
        }
        if (regions == null)
        {
            return Aeth.NAK_REMOTE_ACCESS_ERROR;
        }
        final int status = regions.check(rkey, address, (int)dmaLength);
        if (status == CompletionStatus.SUCCESS)
        {
            return -1;
        }
        return status == CompletionStatus.BAD_LENGTH ? Aeth.NAK_INVALID_REQUEST : Aeth.NAK_REMOTE_ACCESS_ERROR;
    }

    private void store(final int region, final long address, final RocePacket packet, final int length)
    {
        final MutableDirectBuffer memory = regions.buffer(region);
        if (memory != null && length > 0)
        {
            memory.putBytes((int)address, packet.buffer(), packet.payloadOffset(), length);
        }
    }

    private int packets(final int length)
    {
        return Math.max(1, (length + mtu - 1) / mtu);
    }

    private void control(final boolean ack, final int psn, final int syndrome)
    {
        final boolean queued = ack ? out.pushAck(psn, syndrome, msn) : out.pushNak(psn, syndrome, msn);
        if (queued)
        {
            if (ack)
            {
                unacknowledged = 0;
            }
        }
        else
        {
            controlDropped++;
        }
    }

    private void fatal(final int psn, final int nakCode)
    {
        out.clear();
        readsHeld = 0;
        out.pushNak(psn, Aeth.nakSyndrome(nakCode), msn);
        fatalNaks++;
        error = true;
    }

    // ---- transmit --------------------------------------------------------------------------------------------------

    /** Whether {@link #emit} has a frame to send. */
    public boolean hasWork()
    {
        return !out.isEmpty();
    }

    /** Whether the next frame is an ACK or NAK (small, and unblocks the peer's requester). */
    boolean controlFirst()
    {
        return !out.isEmpty() && out.kind[out.headIndex()] != ResponseQueue.READ;
    }

    /**
     * Sends the next response frame, if any.
     *
     * @return 1 when a frame was committed, 0 when there was nothing to send, {@link RoceStatus#BACK_PRESSURED} when
     *         the sink took no frame (nothing changed).
     */
    public int emit(final long nowNanos, final RoceFrameSink sink)
    {
        if (out.isEmpty())
        {
            return 0;
        }
        final int i = out.headIndex();
        if (out.kind[i] != ResponseQueue.READ)
        {
            final int frameLength = RoceFrameWriter.frameLength(RoceOpcodes.ACKNOWLEDGE, 0);
            final int at = sink.claim(frameLength);
            if (at < 0)
            {
                return RoceStatus.BACK_PRESSURED;
            }
            final MutableDirectBuffer frame = sink.buffer();
            writer.begin(frame, at, RoceOpcodes.ACKNOWLEDGE, out.psn[i], false, 0);
            Aeth.put(frame, at + RoceFrameWriter.EXTENSION_OFFSET, out.syndrome[i], out.msn[i]);
            writer.seal(frame, at, RoceOpcodes.ACKNOWLEDGE, 0);
            sink.commit(frameLength);
            out.removeHead();
            acksSent++;
            return 1;
        }
        final int k = out.nextPacket[i];
        final int packets = out.packets[i];
        final int offset = k * mtu;
        final int payload = Math.min(mtu, out.length[i] - offset);
        final int opcode = RoceOpcodes.readResponseOpcode(k, packets);
        final int frameLength = RoceFrameWriter.frameLength(opcode, payload);
        final int at = sink.claim(frameLength);
        if (at < 0)
        {
            return RoceStatus.BACK_PRESSURED;
        }
        final MutableDirectBuffer frame = sink.buffer();
        writer.begin(frame, at, opcode, Psn.add(out.psn[i], k), false, payload);
        if (RoceOpcodes.hasAeth(opcode))
        {
            Aeth.put(frame, at + RoceFrameWriter.EXTENSION_OFFSET, out.syndrome[i], out.msn[i]);
        }
        final int payloadAt = at + RoceFrameWriter.payloadOffset(opcode);
        final MutableDirectBuffer memory = regions.buffer(out.region[i]);
        if (memory == null)
        {
            frame.setMemory(payloadAt, payload, (byte)0);
        }
        else
        {
            frame.putBytes(payloadAt, memory, (int)out.address[i] + offset, payload);
        }
        writer.seal(frame, at, opcode, payload);
        sink.commit(frameLength);
        responsePacketsSent++;
        if (++out.nextPacket[i] == packets && out.removeHead())
        {
            readsHeld--;
        }
        return 1;
    }

    // ---- state -----------------------------------------------------------------------------------------------------

    /** Stops serving: the queue pair is in error (a NAK already queued by this responder still goes out). */
    void halt()
    {
        if (!error)
        {
            error = true;
            out.clear();
            readsHeld = 0;
        }
    }

    /** Back to a fresh responder expecting {@code psn}. */
    void reset(final int psn)
    {
        out.clear();
        expectedPsn = psn;
        msn = 0;
        nakSent = false;
        unacknowledged = 0;
        inWrite = false;
        readsHeld = 0;
        error = false;
    }

    public boolean inError()
    {
        return error;
    }

    /** The PSN the responder expects next. */
    public int expectedPsn()
    {
        return expectedPsn;
    }

    /** Messages executed (the MSN, 24 bits). */
    public int msn()
    {
        return msn;
    }

    public long requestsReceived()
    {
        return requestsReceived;
    }

    /** WRITE messages executed in full. */
    public long writesExecuted()
    {
        return writesExecuted;
    }

    /** READ requests accepted (not counting duplicates served again). */
    public long readsExecuted()
    {
        return readsExecuted;
    }

    public long duplicates()
    {
        return duplicates;
    }

    /** Request packets dropped because their PSN was after the expected one. */
    public long outOfSequence()
    {
        return outOfSequence;
    }

    public long sequenceNaksSent()
    {
        return sequenceNaksSent;
    }

    /** NAKs that put the queue pair in error (remote access error, invalid request). */
    public long fatalNaks()
    {
        return fatalNaks;
    }

    /** ACK and NAK frames sent. */
    public long acksSent()
    {
        return acksSent;
    }

    public long responsePacketsSent()
    {
        return responsePacketsSent;
    }

    public long droppedInError()
    {
        return droppedInError;
    }

    /** Duplicate READs not served, or queued items dropped, because the response queue was full. */
    public long evicted()
    {
        return evicted;
    }

    /** ACKs or NAKs not queued because the response queue was full (the requester recovers by its timer). */
    public long controlDropped()
    {
        return controlDropped;
    }
}
