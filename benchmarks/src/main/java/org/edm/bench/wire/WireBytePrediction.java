package org.edm.bench.wire;

import org.edm.bench.roce.RoceWireBytes;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.mem.Framing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * What framing predicts one remote READ or WRITE costs on the wire, for EDM (66-bit blocks, 8 bytes of line each) and
 * for the software RoCE baseline (MAC frames), per link direction, and the EDM/RoCE throughput ratio this predicts
 * when the links are the bottleneck. Block counts come from phy-core's {@link Framing}; frame lengths from the RoCE
 * frame writer; nothing is hard-coded here but the message sequence of each protocol:
 * <pre>
 *   EDM READ n      client -> switch: RREQ                switch -> server: RREQ (released) + GRANT per chunk
 *                   server -> switch: RRESP               switch -> client: RRESP
 *   EDM WRITE n     client -> switch: NOTIF + WREQ        switch -> client: GRANT per chunk + ACK
 *                   switch -> server: WREQ                server -> switch: ACK
 *   RoCE READ n     request: one READ Request (RETH)      response: ceil(n / mtu) READ Response packets (AETH)
 *   RoCE WRITE n    request: ceil(n / mtu) WRITE packets  response: ACKs (one per message, plus coalesced ones)
 *                   (RoCE frames cross the switch unchanged, so server down = client up, client down = server up)
 * </pre>
 * Hand-computed, wire-7 framing (7 data bytes per block), 256-byte chunks, RoCE MTU 1024:
 * <pre>
 *   EDM blocks          RREQ = header + tag + address = 3;  RRESP n = header + tag + ceil(n/7);
 *                       WREQ n = header + tag + address + ceil(n/7);  NOTIF = GRANT = ACK = 1
 *   EDM READ 8      up 3 x 8 = 24   down (2 + 2) x 8 = 32   server down (3 + 1) x 8 = 32   server up 32    -> 32
 *   EDM READ 64     up 24           down (2 + 10) x 8 = 96  server down 32                 server up 96    -> 96
 *   EDM WRITE 8     up (1 + 3 + 2) x 8 = 48   down (1 + 1) x 8 = 16   server down 40   server up 8         -> 48
 *   EDM WRITE 64    up (1 + 3 + 10) x 8 = 112 down 16                 server down 104  server up 8         -> 112
 *
 *   RoCE frame      Eth 14 + IPv4 20 + UDP 8 + BTH 12 + [RETH 16 | AETH 4] + payload (padded to 4) + ICRC 4
 *   on the wire     preamble/SFD 8 + max(frame + FCS 4, 64) + IFG 12            (IEEE, with deficit idle count)
 *   emulated PHY    the same rounded up to a multiple of 4: a frame starts in lane 0 or 4 (MacBlockFraming)
 *   READ request    74 -> 8 + 78 + 12 =  98 (emulated 100)     READ response 8   70 ->  94 ( 96)
 *   READ response 64   126 -> 150 (152)   WRITE 8   82 -> 106 (108)   WRITE 64   138 -> 162 (164)   ACK   62 -> 86 (88)
 *   RoCE READ 8     up 98 (100)   down 94 (96)            -> 98 (100)
 *   RoCE READ 64    up 98 (100)   down 150 (152)          -> 150 (152)
 *   RoCE WRITE 8    up 106 (108)  down 86 (88)            -> 106 (108)
 *   RoCE WRITE 64   up 162 (164)  down 86 (88)            -> 162 (164)
 *
 *   EDM/RoCE throughput = RoCE bottleneck / EDM bottleneck
 *     READ 8    98 / 32 = 3.06   (emulated 100 / 32 = 3.13)
 *     READ 64   150 / 96 = 1.56  (152 / 96 = 1.58)
 *     WRITE 8   106 / 48 = 2.21  (108 / 48 = 2.25)
 *     WRITE 64  162 / 112 = 1.45 (164 / 112 = 1.46)
 * </pre>
 * For an 8-byte READ every EDM direction but the client's uplink carries 4 blocks (the memory node's downlink
 * carries the request and the GRANT for its response), while RoCE's request frame alone is 98 bytes: hence about 3x
 * rather than the 4x of request bytes alone. Resume headers, which EDM adds when two messages of one class interleave
 * on a link, are not counted.
 */
public final class WireBytePrediction
{
    /** {@link #edm}/{@link #roce} operation: a READ of {@code size} bytes. */
    public static final int READ = 0;
    /** {@link #edm}/{@link #roce} operation: a WRITE of {@code size} bytes. */
    public static final int WRITE = 1;

    /** How RoCE frames are counted: IEEE's average gap of 12 bytes, or as the emulated PHY places them. */
    public enum FrameGap
    {
        /** Preamble 8 + frame + FCS (at least 64) + IFG 12: a MAC with deficit idle count, on average. */
        IEEE,
        /** The same rounded up to a multiple of 4 lanes: the emulated PHY starts frames in lane 0 or 4 only. */
        EMULATED
    }

    /**
     * One operation compared.
     *
     * @param operation {@link #READ} or {@link #WRITE}.
     * @param size      bytes read or written.
     * @param edm       EDM's wire bytes per link direction.
     * @param roce      RoCE's, with the emulated PHY's frame gap.
     * @param roceIeee  RoCE's, with IEEE's average gap.
     */
    public record Comparison(int operation, int size, LinkBytes edm, LinkBytes roce, LinkBytes roceIeee)
    {
        /** The EDM/RoCE throughput ratio the framing predicts on the emulated PHY. */
        public double ratio()
        {
            return roce.bottleneck() / edm.bottleneck();
        }

        /** The same with IEEE's frame gap (what hardware with deficit idle count would show). */
        public double ieeeRatio()
        {
            return roceIeee.bottleneck() / edm.bottleneck();
        }
    }

    private WireBytePrediction()
    {
    }

    /** The 8- and 64-byte READs and WRITEs of issue 6 item 10. */
    public static List<Comparison> standardRows(final Framing framing, final int chunkBytes, final int mtu,
        final int ackCoalesce)
    {
        final List<Comparison> rows = new ArrayList<>();
        for (final int operation : new int[] { READ, WRITE })
        {
            for (final int size : new int[] { 8, 64 })
            {
                rows.add(compare(operation, size, framing, chunkBytes, mtu, ackCoalesce));
            }
        }
        return rows;
    }

    public static Comparison compare(final int operation, final int size, final Framing framing,
        final int chunkBytes, final int mtu, final int ackCoalesce)
    {
        return new Comparison(operation, size, edm(operation, size, framing, chunkBytes),
            roce(operation, size, mtu, ackCoalesce, FrameGap.EMULATED),
            roce(operation, size, mtu, ackCoalesce, FrameGap.IEEE));
    }

    /** EDM's wire bytes of one operation: 8 per block, block counts from the framing. */
    public static LinkBytes edm(final int operation, final int size, final Framing framing, final int chunkBytes)
    {
        final int chunkBlocks = Math.max(1, chunkBytes / framing.dataBytesPerBlock());
        final double block = 8;
        if (operation == READ)
        {
            final int request = framing.blocks(CLASS_RREQ, size);
            final int response = framing.blocks(CLASS_RRESP, size);
            final int grants = chunks(response, chunkBlocks) * framing.blocks(CLASS_GRANT, 0);
            return new LinkBytes(block * request, block * response, block * (request + grants), block * response);
        }
        final int notif = framing.blocks(CLASS_NOTIF, 0);
        final int data = framing.blocks(CLASS_WREQ, size);
        final int grants = chunks(data, chunkBlocks) * framing.blocks(CLASS_GRANT, 0);
        final int ack = framing.blocks(CLASS_ACK, 0);
        return new LinkBytes(block * (notif + data), block * (grants + ack), block * data, block * ack);
    }

    /** RoCE's wire bytes of one operation sent alone on an idle queue pair. */
    public static LinkBytes roce(final int operation, final int size, final int mtu, final int ackCoalesce,
        final FrameGap gap)
    {
        final int packets = RoceWireBytes.packets(size, mtu);
        double request = 0;
        double response = 0;
        if (operation == READ)
        {
            request = onWire(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_REQUEST, 0), gap);
            for (int k = 0; k < packets; k++)
            {
                response += onWire(RoceFrameWriter.frameLength(RoceOpcodes.readResponseOpcode(k, packets),
                    Math.min(mtu, size - k * mtu)), gap);
            }
        }
        else
        {
            for (int k = 0; k < packets; k++)
            {
                request += onWire(RoceFrameWriter.frameLength(RoceOpcodes.writeOpcode(k, packets),
                    Math.min(mtu, size - k * mtu)), gap);
            }
            response = RoceWireBytes.writeAcks(size, mtu, ackCoalesce) *
                onWire(RoceFrameWriter.frameLength(RoceOpcodes.ACKNOWLEDGE, 0), gap);
        }
        return new LinkBytes(request, response, request, response);
    }

    /** One frame (without FCS) on the wire. */
    static int onWire(final int frameLength, final FrameGap gap)
    {
        final int withFcs = Math.max(frameLength + MacBlockFraming.FCS_LENGTH, MacBlockFraming.MIN_WIRE_FRAME_LENGTH);
        return gap == FrameGap.IEEE ? RoceWireBytes.onWire(frameLength) : MacBlockFraming.wireBytes(withFcs);
    }

    private static int chunks(final int blocks, final int chunkBlocks)
    {
        return (blocks + chunkBlocks - 1) / chunkBlocks;
    }

    /** "read" or "write". */
    public static String operationName(final int operation)
    {
        return operation == READ ? "read" : "write";
    }

    /**
     * The rows as a text table: per operation, each system's bytes per direction, its bottleneck, the operations per
     * second that allows at {@code lineRateGbps}, and the predicted ratio.
     */
    public static String table(final List<Comparison> rows, final double lineRateGbps)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-6s %6s %-5s %9s %11s %12s %10s %11s %14s %7s%n", "op", "bytes",
            "sys", "client up", "client down", "server down", "server up", "bottleneck",
            String.format(Locale.ROOT, "ops/s@%sG", trim(lineRateGbps)), "ratio"));
        for (final Comparison row : rows)
        {
            line(out, row, "edm", row.edm(), lineRateGbps, "");
            line(out, row, "roce", row.roce(), lineRateGbps, String.format(Locale.ROOT, "%.2fx", row.ratio()));
        }
        out.append("wire bytes per operation: EDM 8 per 66-bit block; RoCE preamble + frame + FCS (min 64) + gap,\n")
            .append("the gap rounded up to the emulated PHY's 4-lane frame starts. With IEEE's average 12-byte gap:");
        for (final Comparison row : rows)
        {
            out.append(String.format(Locale.ROOT, " %s %d %.2fx;", operationName(row.operation()), row.size(),
                row.ieeeRatio()));
        }
        out.setLength(out.length() - 1);
        return out.append('\n').toString();
    }

    private static void line(final StringBuilder out, final Comparison row, final String system, final LinkBytes bytes,
        final double lineRateGbps, final String ratio)
    {
        out.append(String.format(Locale.ROOT, "%-6s %6d %-5s %9.0f %11.0f %12.0f %10.0f %11.0f %14.0f %7s%n",
            operationName(row.operation()), row.size(), system, bytes.clientUp(), bytes.clientDown(),
            bytes.serverDown(), bytes.serverUp(), bytes.bottleneck(), bytes.operationsPerSecond(lineRateGbps), ratio));
    }

    private static String trim(final double value)
    {
        return value == Math.rint(value) ? Long.toString((long)value) : Double.toString(value);
    }
}
