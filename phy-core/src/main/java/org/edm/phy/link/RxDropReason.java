package org.edm.phy.link;

/**
 * Why {@link RxDemux} dropped a frame or a stray block. Each reason is counted once per event: a malformed frame is
 * counted under the first reason found and its remaining blocks are discarded without further counts.
 * <pre>
 *   id  name                     what was seen
 *    0  ERROR_BLOCK              a control block carrying an /E/ character (a frame in progress is dropped)
 *    1  DATA_OUTSIDE_FRAME       a data block with no frame started
 *    2  START_IN_FRAME           a start block while a frame was in progress (that frame is dropped, the new one
 *                                starts)
 *    3  TERMINATE_WITHOUT_START  a terminate block with no frame started
 *    4  OVERSIZE                 a frame longer than the configured maximum (plus FCS)
 *    5  RUNT                     a frame shorter than 64 bytes with its FCS
 *    6  BAD_FCS                  the CRC-32 does not match the FCS
 *    7  BAD_PREAMBLE             the preamble or SFD after /S/ is not 55 55 55 55 55 55 D5
 *    8  INVALID_SYNC             sync header 00 or 11 not claimed as a memory block (a frame in progress is dropped)
 *    9  UNKNOWN_TYPE             a control block type that is neither clause 49 nor EDM memory
 *   10  CONTROL_IN_FRAME         an ordered set or a non-idle control block inside a frame
 *   11  ABORTED                  the caller aborted the frame in progress (for example after carrier frame loss)
 * </pre>
 */
public final class RxDropReason
{
    public static final int ERROR_BLOCK = 0;
    public static final int DATA_OUTSIDE_FRAME = 1;
    public static final int START_IN_FRAME = 2;
    public static final int TERMINATE_WITHOUT_START = 3;
    public static final int OVERSIZE = 4;
    public static final int RUNT = 5;
    public static final int BAD_FCS = 6;
    public static final int BAD_PREAMBLE = 7;
    public static final int INVALID_SYNC = 8;
    public static final int UNKNOWN_TYPE = 9;
    public static final int CONTROL_IN_FRAME = 10;
    public static final int ABORTED = 11;
    /** Number of reasons. */
    public static final int COUNT = 12;

    private static final String[] NAMES = {
        "ERROR_BLOCK", "DATA_OUTSIDE_FRAME", "START_IN_FRAME", "TERMINATE_WITHOUT_START", "OVERSIZE", "RUNT",
        "BAD_FCS", "BAD_PREAMBLE", "INVALID_SYNC", "UNKNOWN_TYPE", "CONTROL_IN_FRAME", "ABORTED" };

    private RxDropReason()
    {
    }

    /** The name of a reason, or "UNKNOWN" for an id out of range. */
    public static String name(final int reason)
    {
        return reason >= 0 && reason < COUNT ? NAMES[reason] : "UNKNOWN";
    }
}
