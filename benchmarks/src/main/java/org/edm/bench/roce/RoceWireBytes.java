package org.edm.bench.roce;

import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;

/**
 * Bytes on the wire of one RoCEv2 READ or WRITE, per direction, for the bench report: every frame costs its bytes
 * plus FCS (4), at least the 64-byte minimum frame, plus preamble and SFD (8) and the inter-frame gap (12). These are
 * the bytes the emulated PHY's pacing counts.
 * <pre>
 *   frame (no FCS) = Ethernet 14 + IPv4 20 + UDP 8 + BTH 12 + [RETH 16 | AETH 4] + payload + pad to 4 + ICRC 4
 *   on the wire    = max(frame + FCS 4, 64) + preamble/SFD 8 + IFG 12
 *
 *   READ n bytes, path MTU m, k = ceil(n / m) response packets
 *     requester -> responder   1 Request (RETH):         74 + 4 + 20                          =  98
 *     responder -> requester   Only/First/Last (AETH):   62 + payload + pad + 4 + 20; Middle: 58 + m + 4 + 20
 *       n = 8:   62 + 8 + 4 + 20  =  94            n = 64:  62 + 64 + 4 + 20 = 150
 *   WRITE n bytes
 *     requester -> responder   Only/First (RETH):        74 + payload + pad + 4 + 20; Middle/Last: 58 + ...
 *       n = 8:   74 + 8 + 4 + 20  = 106            n = 64:  74 + 64 + 4 + 20 = 162
 *     responder -> requester   ACK (AETH): 62 + 4 + 20 = 86 each; one per message (A bit on the last packet),
 *                              plus one every ackCoalesce packets
 * </pre>
 * So an 8-byte READ moves 98 + 94 = 192 wire bytes and an 8-byte WRITE 106 + 86 = 192; at 64 bytes, 248 and 248.
 */
public final class RoceWireBytes
{
    public static final int PREAMBLE_SFD = 8;
    public static final int FCS = 4;
    public static final int INTER_FRAME_GAP = 12;
    /** The minimum Ethernet frame, FCS included. */
    public static final int MIN_FRAME = 64;

    private RoceWireBytes()
    {
    }

    /** Wire bytes of one frame of {@code frameLength} bytes without FCS. */
    public static int onWire(final int frameLength)
    {
        return Math.max(frameLength + FCS, MIN_FRAME) + PREAMBLE_SFD + INTER_FRAME_GAP;
    }

    /** Packets of a READ response or a WRITE of {@code length} bytes. */
    public static int packets(final long length, final int mtu)
    {
        return (int)Math.max(1, (length + mtu - 1) / mtu);
    }

    /** Requester to responder, for a READ of {@code length} bytes: one READ Request. */
    public static long readRequestBytes(final long length, final int mtu)
    {
        return onWire(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_REQUEST, 0));
    }

    /** Responder to requester, for a READ of {@code length} bytes: its response packets. */
    public static long readResponseBytes(final long length, final int mtu)
    {
        final int packets = packets(length, mtu);
        long bytes = 0;
        for (int k = 0; k < packets; k++)
        {
            final int payload = (int)Math.min(mtu, length - (long)k * mtu);
            bytes += onWire(RoceFrameWriter.frameLength(RoceOpcodes.readResponseOpcode(k, packets), payload));
        }
        return bytes;
    }

    /** Requester to responder, for a WRITE of {@code length} bytes: its data packets. */
    public static long writeRequestBytes(final long length, final int mtu)
    {
        final int packets = packets(length, mtu);
        long bytes = 0;
        for (int k = 0; k < packets; k++)
        {
            final int payload = (int)Math.min(mtu, length - (long)k * mtu);
            bytes += onWire(RoceFrameWriter.frameLength(RoceOpcodes.writeOpcode(k, packets), payload));
        }
        return bytes;
    }

    /**
     * ACKs a responder sends for one WRITE of {@code length} bytes sent alone: one every {@code ackCoalesce}
     * packets (0: none but the one asked for), and one for the last packet, which asks.
     */
    public static int writeAcks(final long length, final int mtu, final int ackCoalesce)
    {
        final int packets = packets(length, mtu);
        return ackCoalesce <= 0 ? 1 : (packets + ackCoalesce - 1) / ackCoalesce;
    }

    /** Responder to requester, for a WRITE of {@code length} bytes sent alone: its ACKs. */
    public static long writeAckBytes(final long length, final int mtu, final int ackCoalesce)
    {
        return (long)writeAcks(length, mtu, ackCoalesce) *
            onWire(RoceFrameWriter.frameLength(RoceOpcodes.ACKNOWLEDGE, 0));
    }
}
