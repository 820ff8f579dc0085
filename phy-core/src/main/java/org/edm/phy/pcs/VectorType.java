package org.edm.phy.pcs;

/**
 * The five classes into which IEEE 802.3 clause 49 sorts every XGMII transfer on transmit ({@code T_TYPE},
 * 49.2.13.2.3) and every 66-bit block on receive ({@code R_TYPE}). The transmit and receive state machines
 * ({@link BlockEncoder}, {@link BlockDecoder}) run on these classes only.
 * <pre>
 *   class  T_TYPE(tx_raw): the XGMII transfer ...           R_TYPE(rx_coded): the block ...
 *   C      is all control characters: eight valid ones       has sync 10 and type 0x1E with eight valid codes
 *          other than /E/, or an ordered set plus four       other than /E/, or 0x2D / 0x4B with a valid O code
 *          valid ones, or two ordered sets                   and four valid codes, or 0x55 with two valid O codes
 *   S      has /S/ in lane 0 or 4, only data after it,       has sync 10 and type 0x33 with four valid codes,
 *          valid control characters or an ordered set        or 0x66 with a valid O code, or 0x78
 *          before it
 *   T      has /T/, only data before it, only valid          has sync 10, a terminate type (0x87 .. 0xFF) and
 *          control characters after it                       only valid codes
 *   D      is eight data characters                          has sync 01
 *   E      is anything else                                  is anything else (including sync 00 and 11)
 * </pre>
 * "Valid" control characters are those with a 7-bit code in table 49-1 ({@link XgmiiCharacters#controlCode}); an
 * ordered set is /Q/ or /Fsig/ in lane 0 or 4 followed by three data characters.
 */
public final class VectorType
{
    public static final int CONTROL = 0;
    public static final int START = 1;
    public static final int TERMINATE = 2;
    public static final int DATA = 3;
    public static final int ERROR = 4;

    /** Number of classes, for transition tables indexed {@code state * COUNT + type}. */
    public static final int COUNT = 5;

    private VectorType()
    {
    }

    /** The standard's letter for a class: "C", "S", "T", "D" or "E". */
    public static String letter(final int type)
    {
        return switch (type)
        {
            case CONTROL -> "C";
            case START -> "S";
            case TERMINATE -> "T";
            case DATA -> "D";
            default -> "E";
        };
    }
}
