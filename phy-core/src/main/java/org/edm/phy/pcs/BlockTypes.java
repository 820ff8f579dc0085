package org.edm.phy.pcs;

/**
 * Block type bytes (payload bits 0-7 of a control block).
 * <p>
 * The clause 49 types are from IEEE 802.3 figure 49-7; the names follow the EDM RTL
 * ({@code xgmii_baser_enc_64.v}). The EDM memory types are defined in {@code org.edm.phy.mem}; they are all at most
 * 0x1E and none is a clause 49 type, so the two sets cannot collide.
 * <pre>
 *   type  name        payload, most significant byte first (D = data byte, C = 7-bit control code,
 *                     O = 4-bit ordered-set code, _ = 4 zero bits)
 *   0x1E  CONTROL     C7 C6 C5 C4 C3 C2 C1 C0 | type
 *   0x2D  OS_4        D7 D6 D5 O4 C3 C2 C1 C0 | type
 *   0x33  START_4     D7 D6 D5 _  C3 C2 C1 C0 | type
 *   0x66  OS_START    D7 D6 D5 _  O0 D3 D2 D1 | type
 *   0x55  OS_04       D7 D6 D5 O4 O0 D3 D2 D1 | type
 *   0x78  START_0     D7 D6 D5 D4 D3 D2 D1    | type
 *   0x4B  OS_0        C7 C6 C5 C4 O0 D3 D2 D1 | type
 *   0x87  TERM_0      C7 .. C1, 7 bits zero   | type
 *   0x99  TERM_1      C7 .. C2, 6 bits zero, D0
 *   ...   TERM_k      k data bytes D0..D(k-1) in lanes 0..k-1, then control codes C(k+1)..C7
 *   0xFF  TERM_7      D6 D5 D4 D3 D2 D1 D0    | type
 * </pre>
 */
public final class BlockTypes
{
    public static final int CONTROL = 0x1E;
    public static final int OS_4 = 0x2D;
    public static final int START_4 = 0x33;
    public static final int OS_START = 0x66;
    public static final int OS_04 = 0x55;
    public static final int START_0 = 0x78;
    public static final int OS_0 = 0x4B;
    public static final int TERM_0 = 0x87;
    public static final int TERM_1 = 0x99;
    public static final int TERM_2 = 0xAA;
    public static final int TERM_3 = 0xB4;
    public static final int TERM_4 = 0xCC;
    public static final int TERM_5 = 0xD2;
    public static final int TERM_6 = 0xE1;
    public static final int TERM_7 = 0xFF;

    private static final int[] TERMINATE_TYPES = { TERM_0, TERM_1, TERM_2, TERM_3, TERM_4, TERM_5, TERM_6, TERM_7 };
    /** For every type byte: -1 if not a terminate type, else the number of data bytes before /T/. */
    private static final byte[] TERMINATE_DATA_BYTES = new byte[256];

    static
    {
        java.util.Arrays.fill(TERMINATE_DATA_BYTES, (byte)-1);
        for (int i = 0; i < TERMINATE_TYPES.length; i++)
        {
            TERMINATE_DATA_BYTES[TERMINATE_TYPES[i]] = (byte)i;
        }
    }

    private BlockTypes()
    {
    }

    /** The terminate type for a frame whose last block holds {@code dataBytes} (0..7) data bytes before /T/. */
    public static int terminate(final int dataBytes)
    {
        return TERMINATE_TYPES[dataBytes];
    }

    /** Data bytes before /T/ in a terminate block of type {@code type}, or -1 when it is not a terminate type. */
    public static int terminateDataBytes(final int type)
    {
        return TERMINATE_DATA_BYTES[type & 0xFF];
    }

    /** Whether {@code type} is one of the fifteen clause 49 control block types. */
    public static boolean isClause49(final int type)
    {
        return switch (type)
        {
            case CONTROL, OS_4, START_4, OS_START, OS_04, START_0, OS_0 -> true;
            default -> terminateDataBytes(type) >= 0;
        };
    }

    /** Whether {@code type} starts a frame (start in lane 0 or lane 4, alone or after an ordered set). */
    public static boolean isStart(final int type)
    {
        return type == START_0 || type == START_4 || type == OS_START;
    }

    /** The RTL's name for a clause 49 type, or null. */
    public static String name(final int type)
    {
        return switch (type)
        {
            case CONTROL -> "CONTROL";
            case OS_4 -> "OS_4";
            case START_4 -> "START_4";
            case OS_START -> "OS_START";
            case OS_04 -> "OS_04";
            case START_0 -> "START_0";
            case OS_0 -> "OS_0";
            default -> terminateDataBytes(type) >= 0 ? "TERM_" + terminateDataBytes(type) : null;
        };
    }
}
