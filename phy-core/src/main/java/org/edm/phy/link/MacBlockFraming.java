package org.edm.phy.link;

import org.edm.phy.pcs.BlockTypes;

/**
 * How a MAC frame travels as clause 49 blocks on an EDM link, shared by the encoder ({@link MacFrameSource}) and
 * the receive reassembler ({@link RxDemux}). The PHY sends /S/, the preamble and the SFD, the frame (destination MAC
 * through payload, padded by the MAC to {@link #MIN_FRAME_LENGTH} bytes, then the CRC-32 FCS) and /T/, eight XGMII
 * lanes per block:
 * <pre>
 *   start in lane 0 (type 0x78):
 *     lane:   0    1    2    3    4    5    6    7
 *           | /S/| 55 | 55 | 55 | 55 | 55 | 55 | D5 |   START_0 block: type byte + 7 data bytes
 *           | f0 | f1 | f2 | f3 | f4 | f5 | f6 | f7 |   data blocks: frame bytes 8 at a time
 *           | .. | .. | .. |/T/| /I/| /I/| /I/| /I/|   TERM_k block: the last k (0..7) bytes, /T/, idles
 *
 *   start in lane 4 (type 0x33):
 *           | /I/| /I/| /I/| /I/| /S/| 55 | 55 | 55 |   START_4 block: 4 idle codes + 3 preamble bytes
 *           | 55 | 55 | 55 | D5 | f0 | f1 | f2 | f3 |   the rest of the preamble, the SFD, then the frame
 *           | f4 | ...                                   and so on, 4 bytes later than a lane-0 start
 *
 *   payload of a block: lane 0 in bits 0-7 ... lane 7 in bits 56-63 (little-endian); in control blocks lane 0's
 *   position holds the type byte and the data lanes follow it (BlockTypes shows the exact bits).
 * </pre>
 * The inter-frame gap is counted in lanes from /T/ (inclusive) to the next /S/ (exclusive): the lanes after /T/ in the
 * terminate block, whole slots in between (whatever they carry: EDM reuses the gap for memory blocks), and the four
 * idle lanes of a START_4 block. It must be at least {@link #MIN_GAP_BYTES}. Because clause 49 has no block that both
 * ends one frame and starts another, a START_4 right after a TERM_0 is the tightest possible gap.
 */
public final class MacBlockFraming
{
    /** Minimum MAC frame without FCS: the MAC pads shorter frames with zero bytes. */
    public static final int MIN_FRAME_LENGTH = 60;
    /** Length of the frame check sequence (CRC-32, least significant byte first). */
    public static final int FCS_LENGTH = 4;
    /** Minimum frame on the wire, FCS included. */
    public static final int MIN_WIRE_FRAME_LENGTH = MIN_FRAME_LENGTH + FCS_LENGTH;
    /** Default maximum frame without FCS: standard 1500-byte MTU plus the 14-byte Ethernet header. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1514;
    /** Largest maximum frame length accepted by configuration (jumbo frames). */
    public static final int MAX_MAX_FRAME_LENGTH = 16_384;
    /** Minimum inter-frame gap in bytes (lanes), /T/ included. */
    public static final int MIN_GAP_BYTES = 12;
    /** Preamble and SFD lanes before the frame's first byte (/S/ takes the first preamble lane). */
    public static final int PREAMBLE_LENGTH = 8;

    /** START_0 payload: type 0x78, six preamble bytes 0x55 in lanes 1-6, SFD 0xD5 in lane 7. */
    public static final long START_0_PAYLOAD = 0xD5_55_55_55_55_55_55_00L | BlockTypes.START_0;
    /** START_4 payload: type 0x33, four idle codes (zero), four zero bits, preamble 0x55 in lanes 5-7. */
    public static final long START_4_PAYLOAD = 0x55_55_55_00_00_00_00_00L | BlockTypes.START_4;
    /** The data lanes of a START_0 block after the type byte (payload bits 8-63). */
    public static final long START_0_DATA = START_0_PAYLOAD >>> 8;
    /** The preamble lanes 5-7 of a START_4 block (payload bits 40-63). */
    public static final long START_4_PREAMBLE = START_4_PAYLOAD >>> 40;
    /** The four bytes that follow a START_4 block before the frame: 55 55 55 D5, read little-endian. */
    public static final int PREAMBLE_TAIL = 0xD5_55_55_55;
    /** Number of preamble bytes that follow a START_4 block ({@link #PREAMBLE_TAIL}). */
    public static final int PREAMBLE_TAIL_LENGTH = 4;

    private MacBlockFraming()
    {
    }

    /**
     * The lanes one frame holds on the link when frames follow each other as closely as this framing allows: preamble
     * and SFD, the frame with its padding and FCS, and the minimum gap rounded up to the next lane a frame may start
     * in (lane 0 or 4; clause 49 without deficit idle count). Divided by 8, these are the block slots the frame costs;
     * {@code ceil((wireFrameLength + 20) / 4) * 4}: 84 for a minimum frame, where IEEE's average is also 84.
     *
     * @param wireFrameLength the frame on the wire, padding and FCS included (at least 64).
     */
    public static int wireBytes(final int wireFrameLength)
    {
        return (PREAMBLE_LENGTH + wireFrameLength + MIN_GAP_BYTES + 3) & ~3;
    }

    /** The lanes of gap a terminate block contributes: /T/ and the idles after it. */
    public static int gapInTerminateBlock(final int terminateDataBytes)
    {
        return 8 - terminateDataBytes;
    }

    /** The payload of a TERM_k block carrying the {@code k} low bytes of {@code data}; idle codes after /T/. */
    public static long terminatePayload(final int k, final long data)
    {
        final long mask = (1L << (k << 3)) - 1;
        return ((data & mask) << 8) | BlockTypes.terminate(k);
    }
}
