package org.edm.bench.roce;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.edm.bench.roce.wire.Aeth;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.edm.bench.roce.wire.Reth;

/**
 * The requester half of an RC queue pair (IBA vol. 1, 9.7.5.1): turns submitted READs and WRITEs into request
 * packets with consecutive PSNs, matches acknowledgements and READ responses to them, completes them in order, and
 * recovers from loss with go-back-N.
 * <pre>
 *   WRITE n bytes: ceil(n / mtu) packets, First(RETH)/Middle/Last or Only(RETH); A bit on the last
 *                  -> complete when an ACK (or a later READ response: an implicit ACK) covers its last PSN
 *   READ n bytes:  one Request(RETH) packet owning ceil(n / mtu) PSNs, one per response packet
 *                  -> complete when the response packet of its last PSN arrives (all earlier ones in order)
 *   go back to the oldest unacknowledged PSN on: NAK (PSN sequence error); a response or ACK past a READ whose
 *   data is missing (an implied NAK); a response PSN after the expected one; the local ACK timeout.
 *   A READ retried part way asks only for the rest: PSN, address and length advance by the packets received.
 *   After retryLimit retries without progress: RETRY_EXCEEDED, and the queue pair goes to the error state.
 * </pre>
 * Pure: time comes in as arguments, frames go out through a {@link RoceFrameSink} and come in as a parsed
 * {@link RocePacket}. No allocation, locks or exceptions after construction. The completion listener may submit new
 * requests from inside its callback, but must not emit or accept.
 */
public final class RoceRequester
{
    private final int mtu;
    private final int maxReads;
    private final int maxMessageLength;
    private final long timeoutNanos;
    private final int retryLimit;
    private final RoceFrameWriter writer;
    private final RoceCompletionListener listener;
    private final SendQueue queue;

    private int nextPsn;
    private int unackedPsn;
    private int sentLimitPsn;
    private int readsInFlight;
    private boolean timerArmed;
    private long timerStartNanos;
    private int retries;
    private boolean wentBack;
    private int wentBackPsn;
    private boolean error;

    private long packetsSent;
    private long packetsRetransmitted;
    private long goBacks;
    private long timeouts;
    private long acksReceived;
    private long naksReceived;
    private long responsesReceived;
    private long duplicateResponses;
    private long outOfSequenceResponses;
    private long staleAcks;
    private long unexpectedResponses;
    private long malformedResponses;
    private long completed;
    private long failed;

    RoceRequester(final RoceQpConfig config, final RoceFrameWriter writer, final RoceCompletionListener listener)
    {
        this.mtu = config.mtu();
        this.maxReads = config.maxOutstandingReads();
        this.maxMessageLength = config.maxMessageLength();
        this.timeoutNanos = config.timeoutNanos();
        this.retryLimit = config.retryLimit();
        this.writer = writer;
        this.listener = listener;
        this.queue = new SendQueue(config.sendQueueDepth());
        reset(config.initialPsn());
    }

    // ---- submission ------------------------------------------------------------------------------------------------

    /**
     * Reads {@code length} bytes at {@code remoteAddress} of the peer's region {@code rkey} into {@code destination}
     * (null: discard). The destination must not be touched until the request completes.
     *
     * @return {@link RoceStatus#OK}, or a negative {@link RoceStatus} code (nothing was submitted).
     */
    public int submitRead(
        final long requestId,
        final long remoteAddress,
        final int rkey,
        final int length,
        final MutableDirectBuffer destination,
        final int destinationOffset,
        final long nowNanos)
    {
        final int refused = refuse(length, destination, destinationOffset);
        if (refused != RoceStatus.OK)
        {
            return refused;
        }
        final int index = enqueue(requestId, true, remoteAddress, rkey, length, destinationOffset, nowNanos);
        if (index >= 0)
        {
            queue.destination[index] = destination;
            return RoceStatus.OK;
        }
        return index;
    }

    /**
     * Writes {@code length} bytes from {@code source} (null: zeros) to {@code remoteAddress} of the peer's region
     * {@code rkey}. The source must stay unchanged until the request completes (retransmissions read it again).
     *
     * @return {@link RoceStatus#OK}, or a negative {@link RoceStatus} code (nothing was submitted).
     */
    public int submitWrite(
        final long requestId,
        final long remoteAddress,
        final int rkey,
        final int length,
        final DirectBuffer source,
        final int sourceOffset,
        final long nowNanos)
    {
        final int refused = refuse(length, source, sourceOffset);
        if (refused != RoceStatus.OK)
        {
            return refused;
        }
        final int index = enqueue(requestId, false, remoteAddress, rkey, length, sourceOffset, nowNanos);
        if (index >= 0)
        {
            queue.source[index] = source;
            return RoceStatus.OK;
        }
        return index;
    }

    private int refuse(final int length, final DirectBuffer buffer, final int offset)
    {
        if (error)
        {
            return RoceStatus.QP_ERROR;
        }
        if (length < 1 || length > maxMessageLength)
        {
            return RoceStatus.BAD_LENGTH;
        }
        if (buffer != null && (offset < 0 || (long)offset + length > buffer.capacity()))
        {
            return RoceStatus.BAD_BUFFER;
        }
        return RoceStatus.OK;
    }

    private int enqueue(
        final long requestId,
        final boolean read,
        final long remoteAddress,
        final int rkey,
        final int length,
        final int bufferOffset,
        final long nowNanos)
    {
        final int packets = packets(length);
        if (queue.isFull() || Psn.diff(nextPsn, unackedPsn) + packets > Psn.HALF / 2)
        {
            return RoceStatus.BACK_PRESSURED;
        }
        final int index = queue.index(queue.tail);
        queue.requestId[index] = requestId;
        queue.read[index] = read;
        queue.remoteAddress[index] = remoteAddress;
        queue.rkey[index] = rkey;
        queue.length[index] = length;
        queue.source[index] = null;
        queue.destination[index] = null;
        queue.bufferOffset[index] = bufferOffset;
        queue.firstPsn[index] = nextPsn;
        queue.packets[index] = packets;
        queue.submitNanos[index] = nowNanos;
        nextPsn = Psn.add(nextPsn, packets);
        queue.tail++;
        return index;
    }

    private int packets(final int length)
    {
        return Math.max(1, (length + mtu - 1) / mtu);
    }

    // ---- transmit --------------------------------------------------------------------------------------------------

    /** Whether {@link #emit} has a packet to send now. */
    public boolean hasWork()
    {
        if (error || queue.send == queue.tail)
        {
            return false;
        }
        return !queue.read[queue.index(queue.send)] || readsInFlight < maxReads;
    }

    /**
     * Sends the next request packet, if any.
     *
     * @return 1 when a frame was committed to the sink, 0 when there was nothing to send, or
     *         {@link RoceStatus#BACK_PRESSURED} when the sink took no frame (nothing changed).
     */
    public int emit(final long nowNanos, final RoceFrameSink sink)
    {
        if (!hasWork())
        {
            return 0;
        }
        final int index = queue.index(queue.send);
        final int packet = queue.sendPacket;
        final int psn = Psn.add(queue.firstPsn[index], packet);
        final boolean read = queue.read[index];
        final int length = queue.length[index];
        final int packets = queue.packets[index];
        final int opcode = read ? RoceOpcodes.RDMA_READ_REQUEST : RoceOpcodes.writeOpcode(packet, packets);
        final int payload = read ? 0 : Math.min(mtu, length - packet * mtu);
        final int frameLength = RoceFrameWriter.frameLength(opcode, payload);
        final int at = sink.claim(frameLength);
        if (at < 0)
        {
            return RoceStatus.BACK_PRESSURED;
        }
        final MutableDirectBuffer frame = sink.buffer();
        writer.begin(frame, at, opcode, psn, read || packet == packets - 1, payload);
        final int extension = at + RoceFrameWriter.EXTENSION_OFFSET;
        if (read)
        {
            final long done = (long)packet * mtu;
            Reth.put(frame, extension, queue.remoteAddress[index] + done, queue.rkey[index], (int)(length - done));
        }
        else
        {
            if (packet == 0)
            {
                Reth.put(frame, extension, queue.remoteAddress[index], queue.rkey[index], length);
            }
            final int payloadAt = at + RoceFrameWriter.payloadOffset(opcode);
            final DirectBuffer source = queue.source[index];
            if (source == null)
            {
                frame.setMemory(payloadAt, payload, (byte)0);
            }
            else
            {
                frame.putBytes(payloadAt, source, queue.bufferOffset[index] + packet * mtu, payload);
            }
        }
        writer.seal(frame, at, opcode, payload);
        sink.commit(frameLength);

        final int end;
        if (read)
        {
            queue.send++;
            queue.sendPacket = 0;
            readsInFlight++;
            end = queue.endPsn(index);
        }
        else
        {
            end = Psn.add(psn, 1);
            if (++queue.sendPacket == packets)
            {
                queue.send++;
                queue.sendPacket = 0;
            }
        }
        packetsSent++;
        if (Psn.diff(psn, sentLimitPsn) < 0)
        {
            packetsRetransmitted++;
        }
        if (Psn.diff(end, sentLimitPsn) > 0)
        {
            sentLimitPsn = end;
        }
        if (!timerArmed)
        {
            timerArmed = true;
            timerStartNanos = nowNanos;
        }
        return 1;
    }

    // ---- receive ---------------------------------------------------------------------------------------------------

    /** Takes an Acknowledge or an RDMA READ Response addressed to this queue pair (already checked by the caller). */
    void onResponse(final RocePacket packet, final long nowNanos)
    {
        if (error)
        {
            return;
        }
        if (packet.opcode() == RoceOpcodes.ACKNOWLEDGE)
        {
            onAcknowledge(packet.psn(), packet.syndrome(), nowNanos);
        }
        else
        {
            onReadResponse(packet, nowNanos);
        }
    }

    private void onAcknowledge(final int psn, final int syndrome, final long nowNanos)
    {
        final int type = Aeth.type(syndrome);
        if (type == Aeth.TYPE_ACK)
        {
            acksReceived++;
            if (Psn.diff(psn, sentLimitPsn) >= 0 || Psn.diff(psn, unackedPsn) < 0)
            {
                staleAcks++;
                return;
            }
            if (!acknowledgeThrough(psn, nowNanos))
            {
                retry(nowNanos);
            }
            return;
        }
        if (type != Aeth.TYPE_NAK)
        {
            unexpectedResponses++;
            return;
        }
        naksReceived++;
        if (Psn.diff(psn, sentLimitPsn) >= 0 || Psn.diff(psn, unackedPsn) < 0)
        {
            staleAcks++;
            return;
        }
        final int code = Aeth.value(syndrome);
        final boolean clear = acknowledgeThrough(Psn.add(psn, -1), nowNanos);
        if (code == Aeth.NAK_PSN_SEQUENCE_ERROR)
        {
            retry(nowNanos);
            return;
        }
        // A fatal NAK: the responder is in the error state now. Requests before the one it names that still miss
        // data (a READ whose responses were lost) can no longer finish.
        final long position = locate(psn);
        error = true;
        while (!clear && queue.head != queue.tail && queue.head < position)
        {
            retireHead(RoceStatus.FLUSHED, nowNanos);
        }
        final int status = switch (code)
        {
            case Aeth.NAK_REMOTE_ACCESS_ERROR -> RoceStatus.REMOTE_ACCESS_ERROR;
            case Aeth.NAK_REMOTE_OPERATIONAL_ERROR -> RoceStatus.REMOTE_OPERATIONAL_ERROR;
            default -> RoceStatus.REMOTE_INVALID_REQUEST;
        };
        fail(status, nowNanos);
    }

    private void onReadResponse(final RocePacket packet, final long nowNanos)
    {
        responsesReceived++;
        final int psn = packet.psn();
        if (Psn.diff(psn, unackedPsn) < 0)
        {
            duplicateResponses++;
            return;
        }
        if (Psn.diff(psn, sentLimitPsn) >= 0)
        {
            unexpectedResponses++;
            return;
        }
        final long position = locate(psn);
        if (position < 0 || !queue.read[queue.index(position)])
        {
            unexpectedResponses++;
            return;
        }
        final int index = queue.index(position);
        if (position != queue.head && !acknowledgeThrough(Psn.add(queue.firstPsn[index], -1), nowNanos))
        {
            retry(nowNanos);
            return;
        }
        if (psn != unackedPsn)
        {
            outOfSequenceResponses++;
            retry(nowNanos);
            return;
        }
        final int k = Psn.diff(psn, queue.firstPsn[index]);
        final int packets = queue.packets[index];
        final int expected = Math.min(mtu, queue.length[index] - k * mtu);
        final boolean last = k == packets - 1;
        final int opcode = packet.opcode();
        final boolean lastOpcode = opcode == RoceOpcodes.RDMA_READ_RESPONSE_LAST ||
            opcode == RoceOpcodes.RDMA_READ_RESPONSE_ONLY;
        if (packet.payloadLength() != expected || last != lastOpcode)
        {
            malformedResponses++;
            return;
        }
        final MutableDirectBuffer destination = queue.destination[index];
        if (destination != null)
        {
            destination.putBytes(queue.bufferOffset[index] + k * mtu, packet.buffer(), packet.payloadOffset(),
                expected);
        }
        unackedPsn = Psn.add(psn, 1);
        if (last)
        {
            retireHead(RoceStatus.SUCCESS, nowNanos);
        }
        progressed(nowNanos);
    }

    /**
     * Acknowledges every PSN up to and including {@code psn}, completing the WRITEs it covers.
     *
     * @return false when a READ whose data has not all arrived stands in the way (an implied NAK: its responses were
     *         lost); the acknowledgement stops there.
     */
    private boolean acknowledgeThrough(final int psn, final long nowNanos)
    {
        boolean progress = false;
        boolean clear = true;
        while (queue.head != queue.tail && Psn.diff(psn, unackedPsn) >= 0)
        {
            final int index = queue.index(queue.head);
            if (queue.read[index])
            {
                clear = false;
                break;
            }
            final int end = queue.endPsn(index);
            progress = true;
            if (Psn.diff(psn, end) < 0)
            {
                unackedPsn = Psn.add(psn, 1);
                if (unackedPsn == end)
                {
                    retireHead(RoceStatus.SUCCESS, nowNanos);
                }
                break;
            }
            unackedPsn = end;
            retireHead(RoceStatus.SUCCESS, nowNanos);
        }
        if (progress)
        {
            progressed(nowNanos);
        }
        return clear;
    }

    /** The position of the entry whose PSNs include {@code psn}, or -1. */
    private long locate(final int psn)
    {
        for (long position = queue.head; position != queue.tail; position++)
        {
            final int index = queue.index(position);
            if (Psn.diff(psn, queue.firstPsn[index]) >= 0 && Psn.diff(psn, queue.endPsn(index)) < 0)
            {
                return position;
            }
        }
        return -1;
    }

    /** Forward progress: reset the retry count, restart the timer, and skip acknowledged packets still to be resent. */
    private void progressed(final long nowNanos)
    {
        retries = 0;
        wentBack = false;
        if (queue.head != queue.tail && queue.send == queue.head)
        {
            final int done = Psn.diff(unackedPsn, queue.firstPsn[queue.index(queue.head)]);
            if (done > queue.sendPacket)
            {
                queue.sendPacket = done;
            }
        }
        timerArmed = Psn.diff(sentLimitPsn, unackedPsn) > 0;
        timerStartNanos = nowNanos;
    }

    private void retireHead(final int status, final long nowNanos)
    {
        final int index = queue.index(queue.head);
        if (queue.read[index] && queue.send > queue.head)
        {
            readsInFlight--;
        }
        final long requestId = queue.requestId[index];
        final long submitted = queue.submitNanos[index];
        queue.source[index] = null;
        queue.destination[index] = null;
        queue.head++;
        if (queue.send < queue.head)
        {
            queue.send = queue.head;
            queue.sendPacket = 0;
        }
        if (status == RoceStatus.SUCCESS)
        {
            completed++;
        }
        else
        {
            failed++;
        }
        listener.onComplete(requestId, status, submitted, nowNanos);
    }

    // ---- recovery --------------------------------------------------------------------------------------------------

    /**
     * Checks the local ACK timeout.
     *
     * @return 1 when it expired (a retransmission was started or the requests failed), else 0.
     */
    public int tick(final long nowNanos)
    {
        if (error || !timerArmed || nowNanos - timerStartNanos < timeoutNanos)
        {
            return 0;
        }
        timeouts++;
        wentBack = false;
        retry(nowNanos);
        return 1;
    }

    /** Goes back to the oldest unacknowledged PSN, once per point of no progress, or fails after retryLimit. */
    private void retry(final long nowNanos)
    {
        if (wentBack && wentBackPsn == unackedPsn)
        {
            return;
        }
        if (++retries > retryLimit)
        {
            fail(RoceStatus.RETRY_EXCEEDED, nowNanos);
            return;
        }
        for (long position = queue.head; position < queue.send; position++)
        {
            if (queue.read[queue.index(position)])
            {
                readsInFlight--;
            }
        }
        queue.send = queue.head;
        queue.sendPacket = queue.head == queue.tail ? 0 :
            Psn.diff(unackedPsn, queue.firstPsn[queue.index(queue.head)]);
        wentBack = true;
        wentBackPsn = unackedPsn;
        goBacks++;
        timerArmed = Psn.diff(sentLimitPsn, unackedPsn) > 0;
        timerStartNanos = nowNanos;
    }

    /** Completes the oldest request with {@code status} and flushes the rest: the queue pair is in error. */
    void fail(final int status, final long nowNanos)
    {
        error = true;
        timerArmed = false;
        if (queue.head != queue.tail)
        {
            retireHead(status, nowNanos);
        }
        flush(nowNanos);
    }

    /** Enters the error state and completes every outstanding request with FLUSHED. */
    void flush(final long nowNanos)
    {
        error = true;
        timerArmed = false;
        while (queue.head != queue.tail)
        {
            retireHead(RoceStatus.FLUSHED, nowNanos);
        }
        readsInFlight = 0;
    }

    /** Back to a fresh queue pair sending from {@code initialPsn}; any outstanding request must be flushed first. */
    void reset(final int initialPsn)
    {
        queue.clear();
        nextPsn = initialPsn;
        unackedPsn = initialPsn;
        sentLimitPsn = initialPsn;
        readsInFlight = 0;
        timerArmed = false;
        retries = 0;
        wentBack = false;
        error = false;
    }

    // ---- state and counters ----------------------------------------------------------------------------------------

    public boolean inError()
    {
        return error;
    }

    /** Requests submitted and not yet completed. */
    public int outstanding()
    {
        return queue.size();
    }

    /** Whether a submission now would be refused with BACK_PRESSURED (send queue full). */
    public boolean isFull()
    {
        return queue.isFull();
    }

    /** The PSN the next submission gets. */
    public int nextPsn()
    {
        return nextPsn;
    }

    /** The oldest PSN not yet acknowledged. */
    public int unackedPsn()
    {
        return unackedPsn;
    }

    public long packetsSent()
    {
        return packetsSent;
    }

    /** Packets sent again after go-back-N (a subset of {@link #packetsSent()}). */
    public long packetsRetransmitted()
    {
        return packetsRetransmitted;
    }

    /** Times the requester went back to the oldest unacknowledged PSN. */
    public long goBacks()
    {
        return goBacks;
    }

    public long timeouts()
    {
        return timeouts;
    }

    public long acksReceived()
    {
        return acksReceived;
    }

    public long naksReceived()
    {
        return naksReceived;
    }

    public long responsesReceived()
    {
        return responsesReceived;
    }

    public long duplicateResponses()
    {
        return duplicateResponses;
    }

    public long outOfSequenceResponses()
    {
        return outOfSequenceResponses;
    }

    /** ACKs and NAKs for PSNs already acknowledged or never sent. */
    public long staleAcks()
    {
        return staleAcks;
    }

    public long unexpectedResponses()
    {
        return unexpectedResponses;
    }

    public long malformedResponses()
    {
        return malformedResponses;
    }

    /** Requests completed with SUCCESS. */
    public long completed()
    {
        return completed;
    }

    /** Requests completed with any other status. */
    public long failed()
    {
        return failed;
    }
}
