package org.edm.phy.pcs;

/**
 * XGMII control characters (IEEE 802.3 table 46-3) and the 7-bit clause 49 control codes they map to
 * (table 49-1). On XGMII a lane carries a control character when its TXC bit is set.
 * <pre>
 *   XGMII character        7-bit code   4-bit O code    XGMII character        7-bit code   4-bit O code
 *   0x07 /I/  idle         0x00         -               0x1C /R0/ reserved     0x2D         -
 *   0x06 /LI/ LPI          0x06         -               0x3C /R1/ reserved     0x33         -
 *   0xFE /E/  error        0x1E         -               0x7C /R2/ reserved     0x4B         -
 *   0xFB /S/  start        (block type) -               0xBC /R3/ reserved     0x55         -
 *   0xFD /T/  terminate    (block type) -               0xDC /R4/ reserved     0x66         -
 *   0x9C /Q/  sequence OS  -            0x0             0xF7 /R5/ reserved     0x78         -
 *   0x5C /Fsig/ signal OS  -            0xF
 * </pre>
 * A "valid control character" in the sense of clause 49 is one with a 7-bit code; /S/, /T/ and the ordered-set
 * characters are carried by the block type (and the O code) instead.
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

    /** For every XGMII byte: its 7-bit code, or -1 when it has none. */
    private static final byte[] CODE_OF_CHARACTER = new byte[256];
    /** For every 7-bit code: its XGMII character, or -1 when the code is not in table 49-1. */
    private static final short[] CHARACTER_OF_CODE = new short[128];

    static
    {
        java.util.Arrays.fill(CODE_OF_CHARACTER, (byte)-1);
        java.util.Arrays.fill(CHARACTER_OF_CODE, (short)-1);
        map(IDLE, CODE_IDLE);
        map(LPI, CODE_LPI);
        map(ERROR, CODE_ERROR);
        for (int i = 0; i < RESERVED.length; i++)
        {
            map(RESERVED[i], CODE_RESERVED[i]);
        }
    }

    private XgmiiCharacters()
    {
    }

    private static void map(final int character, final int code)
    {
        CODE_OF_CHARACTER[character] = (byte)code;
        CHARACTER_OF_CODE[code] = (short)character;
    }

    /**
     * The 7-bit clause 49 code of an XGMII control character.
     *
     * @return the code, or -1 when the character has none (/S/, /T/, /Q/, /Fsig/ and every value outside
     *         table 49-1).
     */
    public static int controlCode(final int character)
    {
        return CODE_OF_CHARACTER[character & 0xFF];
    }

    /** The XGMII character of a 7-bit clause 49 code, or -1 when the code is not in table 49-1. */
    public static int character(final int code)
    {
        return CHARACTER_OF_CODE[code & 0x7F];
    }

    /** The 4-bit O code of an ordered-set character (/Q/ 0x0, /Fsig/ 0xF), or -1 for any other byte. */
    public static int orderedSetCode(final int character)
    {
        return switch (character & 0xFF)
        {
            case SEQUENCE -> O_SEQUENCE;
            case SIGNAL -> O_SIGNAL;
            default -> -1;
        };
    }

    /** The ordered-set character of a 4-bit O code, or -1 when the code is neither 0x0 nor 0xF. */
    public static int orderedSetCharacter(final int code)
    {
        return switch (code & 0xF)
        {
            case O_SEQUENCE -> SEQUENCE;
            case O_SIGNAL -> SIGNAL;
            default -> -1;
        };
    }
}
