package org.edm.phy.pcs;

/**
 * XGMII control characters (IEEE 802.3 table 46-3) and the 7-bit clause 49 control codes they map to
 * (table 49-1). On XGMII a lane carries a control character when its TXC bit is set.
 */
public final class XgmiiCharacters
{
    public static final int IDLE = 0x07;
    public static final int LPI = 0x06;
    public static final int START = 0xFB;
    public static final int TERMINATE = 0xFD;
    public static final int ERROR = 0xFE;
    public static final int SEQUENCE = 0x9C;
    public static final int SIGNAL = 0x5C;
    /** Reserved control characters /R0/../R5/. */
    public static final int[] RESERVED = { 0x1C, 0x3C, 0x7C, 0xBC, 0xDC, 0xF7 };

    /** Clause 49 7-bit control codes. */
    public static final int CODE_IDLE = 0x00;
    public static final int CODE_LPI = 0x06;
    public static final int CODE_ERROR = 0x1E;
    public static final int[] CODE_RESERVED = { 0x2D, 0x33, 0x4B, 0x55, 0x66, 0x78 };

    /** Clause 49 4-bit ordered-set codes: sequence (/Q/) and signal (/Fsig/). */
    public static final int O_SEQUENCE = 0x0;
    public static final int O_SIGNAL = 0xF;

    /** The preamble byte and the start-of-frame delimiter as they follow /S/ on XGMII. */
    public static final int PREAMBLE = 0x55;
    public static final int SFD = 0xD5;

    private XgmiiCharacters()
    {
    }
}
