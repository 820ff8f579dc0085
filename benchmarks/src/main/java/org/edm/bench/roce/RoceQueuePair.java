package org.edm.bench.roce;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.edm.bench.roce.wire.Bth;
import org.edm.bench.roce.wire.EthernetHeader;
import org.edm.bench.roce.wire.Ipv4Header;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.edm.bench.roce.wire.UdpHeader;
import org.edm.phy.memory.MemoryRegions;

/**
 * One RoCEv2 Reliable Connection queue pair: this node's end of the connection to one remote node, with a
 * {@link RoceRequester} for the READs and WRITEs this node issues and a {@link RoceResponder} that serves the peer's
 * from this node's {@link MemoryRegions}. Driven like the EDM host engine, by the caller's duty cycle:
 * <pre>
 *   submitRead / submitWrite(requestId, remoteAddress, rkey, length, buffer, offset, nowNanos) -> OK or a code
 *   emit(nowNanos, sink)      at most one frame per call: an ACK/NAK first, else request and response packets
 *                             taking turns; 1 = a frame was committed, 0 = nothing to send, < 0 = sink refused
 *   accept(frame, nowNanos)   one received frame; OK, or why it was dropped (counted)
 *   tick(nowNanos)            the retransmission timer
 *   completions               RoceCompletionListener.onComplete(requestId, status, submitNanos, completeNanos)
 * </pre>
 * Frames are Ethernet through ICRC, without FCS, as AF_PACKET shows them; what the sink does with them (a port, a MAC
 * queue of the emulated PHY) is the caller's business. A node with several peers holds one queue pair per peer and
 * routes received frames by destination QP ({@link #peekDestinationQp}).
 * <p>
 * The queue pair is in the error state after any error completion or fatal NAK, as an RC queue pair is: requests are
 * refused with QP_ERROR, received frames are dropped, and both ends must be {@link #reset} (with matching PSNs) to
 * carry on. Pure and single-threaded: no clock, no threads, no I/O, no allocation after construction.
 */
public final class RoceQueuePair
{
    /** The frame was taken. */
    public static final int OK = 0;
    /** Dropped: not a RoCEv2 frame (other EtherType, protocol or UDP port). */
    public static final int NOT_ROCE = RocePacket.NOT_ROCE;
    /** Dropped: lengths or fields do not add up. */
    public static final int MALFORMED = RocePacket.MALFORMED;
    /** Dropped: bad IPv4 header checksum. */
    public static final int BAD_IP_CHECKSUM = RocePacket.BAD_IP_CHECKSUM;
    /** Dropped: bad ICRC. */
    public static final int BAD_ICRC = RocePacket.BAD_ICRC;
    /** Dropped: an opcode this baseline does not implement. */
    public static final int UNSUPPORTED_OPCODE = RocePacket.UNSUPPORTED_OPCODE;
    /** Dropped: for another queue pair, partition, or from another address than the peer's. */
    public static final int NOT_FOR_THIS_QP = -6;
    /** Dropped: the queue pair is in the error state. */
    public static final int IN_ERROR = -7;

    private final RoceQpConfig config;
    private final RocePacket packet = new RocePacket();
    private final RoceRequester requester;
    private final RoceResponder responder;
    private final RoceFrameWriter writer;
    private boolean responderTurn;
    private boolean error;

    private long framesSent;
    private long framesReceived;
    private long notRoce;
    private long malformed;
    private long badChecksum;
    private long badIcrc;
    private long unsupported;
    private long notForThisQp;
    private long droppedInError;

    /**
     * @param config      this end's configuration (validated here).
     * @param regions     the regions this node serves to the peer, or null when it serves none (every request from
     *                    the peer is then answered with a remote access error).
     * @param completions receives the end of every request submitted here.
     */
    public RoceQueuePair(
        final RoceQpConfig config, final MemoryRegions regions, final RoceCompletionListener completions)
    {
        this.config = config.copy().validate();
        writer = new RoceFrameWriter(
            this.config.localMac(),
            this.config.remoteMac(),
            this.config.localIp(),
            this.config.remoteIp(),
            this.config.tos(),
            this.config.ttl(),
            this.config.udpSourcePort(),
            this.config.pkey(),
            this.config.remoteQpn());
        requester = new RoceRequester(this.config, writer, completions);
        responder = new RoceResponder(this.config, regions, writer);
    }

    public RoceQpConfig config()
    {
        return config;
    }

    /** The longest frame this queue pair emits, without FCS: the sink and the ports must carry it. */
    public int maxFrameLength()
    {
        return config.maxFrameLength();
    }

    // ---- requests --------------------------------------------------------------------------------------------------

    /** See {@link RoceRequester#submitRead}. */
    public int submitRead(
        final long requestId,
        final long remoteAddress,
        final int rkey,
        final int length,
        final MutableDirectBuffer destination,
        final int destinationOffset,
        final long nowNanos)
    {
        return requester.submitRead(requestId, remoteAddress, rkey, length, destination, destinationOffset, nowNanos);
    }

    /** See {@link RoceRequester#submitWrite}. */
    public int submitWrite(
        final long requestId,
        final long remoteAddress,
        final int rkey,
        final int length,
        final DirectBuffer source,
        final int sourceOffset,
        final long nowNanos)
    {
        return requester.submitWrite(requestId, remoteAddress, rkey, length, source, sourceOffset, nowNanos);
    }

    // ---- duty cycle ------------------------------------------------------------------------------------------------

    /** Whether {@link #emit} has a frame to send now. */
    public boolean hasWork()
    {
        return responder.hasWork() || requester.hasWork();
    }

    /**
     * Writes at most one frame into {@code sink}: a pending ACK or NAK first; otherwise the requester's and the
     * responder's packets take turns.
     *
     * @return 1 when a frame was committed, 0 when there was nothing to send, or {@link RoceStatus#BACK_PRESSURED}
     *         when the sink took nothing (the frame stays for the next call).
     */
    public int emit(final long nowNanos, final RoceFrameSink sink)
    {
        final int result;
        if (responder.controlFirst() || (responderTurn && responder.hasWork()) || !requester.hasWork())
        {
            result = responder.emit(nowNanos, sink);
            if (result > 0)
            {
                responderTurn = false;
            }
        }
        else
        {
            result = requester.emit(nowNanos, sink);
            if (result > 0)
            {
                responderTurn = true;
            }
        }
        if (result > 0)
        {
            framesSent++;
        }
        return result;
    }

    /**
     * Takes one received frame (Ethernet header first, no FCS).
     *
     * @return {@link #OK} or the reason it was dropped: {@link #NOT_ROCE}, {@link #MALFORMED},
     *         {@link #BAD_IP_CHECKSUM}, {@link #BAD_ICRC}, {@link #UNSUPPORTED_OPCODE}, {@link #NOT_FOR_THIS_QP},
     *         {@link #IN_ERROR}; each is counted.
     */
    public int accept(final DirectBuffer buffer, final int offset, final int length, final long nowNanos)
    {
        final int parsed = packet.wrap(buffer, offset, length, config.verifyIcrc());
        if (parsed != RocePacket.OK)
        {
            switch (parsed)
            {
                case RocePacket.NOT_ROCE -> notRoce++;
                case RocePacket.MALFORMED -> malformed++;
                case RocePacket.BAD_IP_CHECKSUM -> badChecksum++;
                case RocePacket.BAD_ICRC -> badIcrc++;
                default -> unsupported++;
            }
            return parsed;
        }
        if (packet.destinationQp() != config.localQpn() || packet.pkey() != config.pkey() ||
            packet.sourceIp() != config.remoteIp())
        {
            notForThisQp++;
            return NOT_FOR_THIS_QP;
        }
        if (error)
        {
            droppedInError++;
            return IN_ERROR;
        }
        framesReceived++;
        if (RoceOpcodes.isRequest(packet.opcode()))
        {
            responder.onRequest(packet);
        }
        else
        {
            requester.onResponse(packet, nowNanos);
        }
        checkError(nowNanos);
        return OK;
    }

    /**
     * Runs the retransmission timer.
     *
     * @return 1 when a timeout was handled, else 0.
     */
    public int tick(final long nowNanos)
    {
        final int work = requester.tick(nowNanos);
        if (work > 0)
        {
            checkError(nowNanos);
        }
        return work;
    }

    private void checkError(final long nowNanos)
    {
        if (!error && (requester.inError() || responder.inError()))
        {
            error = true;
            requester.flush(nowNanos);
            responder.halt();
        }
    }

    /**
     * Returns an errored (or idle) queue pair to service, as modifying an RC queue pair through RESET, INIT, RTR and
     * RTS does: outstanding requests complete FLUSHED, and the requester sends from {@code initialPsn} while the
     * responder expects {@code remoteInitialPsn}. Control plane: the peer must be reset to the mirror PSNs.
     */
    public void reset(final int initialPsn, final int remoteInitialPsn, final long nowNanos)
    {
        requester.flush(nowNanos);
        requester.reset(initialPsn & Psn.MASK);
        responder.reset(remoteInitialPsn & Psn.MASK);
        error = false;
        responderTurn = false;
    }

    /**
     * The destination QP of a RoCEv2 frame, to route it to its queue pair, or -1 when the frame is not IPv4/UDP to
     * port 4791 or too short for a BTH. Does not validate the rest.
     */
    public static int peekDestinationQp(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < RoceFrameWriter.EXTENSION_OFFSET ||
            EthernetHeader.etherType(buffer, offset) != EthernetHeader.ETHER_TYPE_IPV4 ||
            Ipv4Header.protocol(buffer, offset + RoceFrameWriter.IP_OFFSET) != Ipv4Header.PROTOCOL_UDP ||
            UdpHeader.destinationPort(buffer, offset + RoceFrameWriter.UDP_OFFSET) != UdpHeader.ROCE_V2_PORT)
        {
            return -1;
        }
        return Bth.destinationQp(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    // ---- state and counters ----------------------------------------------------------------------------------------

    public boolean inError()
    {
        return error;
    }

    public RoceRequester requester()
    {
        return requester;
    }

    public RoceResponder responder()
    {
        return responder;
    }

    /** Requests submitted here and not yet completed. */
    public int outstanding()
    {
        return requester.outstanding();
    }

    public long framesSent()
    {
        return framesSent;
    }

    /** Frames taken (addressed to this queue pair, well formed, while not in error). */
    public long framesReceived()
    {
        return framesReceived;
    }

    public long notRoce()
    {
        return notRoce;
    }

    public long malformed()
    {
        return malformed;
    }

    public long badChecksum()
    {
        return badChecksum;
    }

    public long badIcrc()
    {
        return badIcrc;
    }

    public long unsupported()
    {
        return unsupported;
    }

    public long notForThisQp()
    {
        return notForThisQp;
    }

    public long droppedInError()
    {
        return droppedInError;
    }
}
