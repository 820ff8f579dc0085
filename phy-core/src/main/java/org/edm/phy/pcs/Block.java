package org.edm.phy.pcs;

/**
 * A 66-bit block of IEEE 802.3 clause 49 (64b/66b), held as primitives: an {@code int} sync header and a
 * {@code long} payload. There is never an object per block; streams of blocks live in {@link BlockBuffer} and
 * {@link BlockQueue}.
 * <pre>
 *   transmitted first                                                        transmitted last
 *   +-----+-----+--------------------------------------------------------------------------+
 *   | sh0 | sh1 |  payload bit 0  bit 1  ...                                      bit 63   |
 *   +-----+-----+--------------------------------------------------------------------------+
 *    sync header    64-bit payload; for a control block bits 0-7 are the block type byte
 *
 *   sync value (int):  bit 0 = sh0 (sent first), bit 1 = sh1
 *     SYNC_DATA    = 0b10  -> "01" on the wire: all eight bytes are data, lane 0 in payload bits 0-7
 *     SYNC_CONTROL = 0b01  -> "10" on the wire: payload bits 0-7 are the block type
 *     0b00, 0b11           -> invalid in clause 49
 * </pre>
 * The int values match the RTL of the EDM prototype ({@code hdr[1:0]}: data {@code 2'b10}, control {@code 2'b01});
 * IEEE 802.3 writes the same headers in transmission order, "01" for data and "10" for control, which is what
 * {@link #syncText(int)} prints.
 */
public final class Block
{
    /** Sync header of a data block: "01" in transmission order. */
    public static final int SYNC_DATA = 0b10;
    /** Sync header of a control block: "10" in transmission order. */
    public static final int SYNC_CONTROL = 0b01;
    /** An invalid sync header, "00" on the wire. */
    public static final int SYNC_ZERO = 0b00;
    /** An invalid sync header, "11" on the wire. */
    public static final int SYNC_ONES = 0b11;

    /** Mask of the type byte in a control block's payload. */
    public static final long TYPE_MASK = 0xFFL;

    /** The idle block: control, type 0x1E, eight 7-bit /I/ codes (all zero). */
    public static final long IDLE_PAYLOAD = BlockTypes.CONTROL;

    private Block()
    {
    }

    /** Whether {@code sync} is the control header. */
    public static boolean isControl(final int sync)
    {
        return sync == SYNC_CONTROL;
    }

    /** Whether {@code sync} is the data header. */
    public static boolean isData(final int sync)
    {
        return sync == SYNC_DATA;
    }

    /** Whether {@code sync} is one of the two headers clause 49 allows. */
    public static boolean isValidSync(final int sync)
    {
        return sync == SYNC_DATA || sync == SYNC_CONTROL;
    }

    /** The block type byte of a control block's payload. */
    public static int type(final long payload)
    {
        return (int)payload & 0xFF;
    }

    /** Whether the block is the idle block (control, type 0x1E, all characters /I/). */
    public static boolean isIdle(final int sync, final long payload)
    {
        return sync == SYNC_CONTROL && payload == IDLE_PAYLOAD;
    }

    /** The sync header as IEEE 802.3 writes it, in transmission order: "01" data, "10" control. */
    public static String syncText(final int sync)
    {
        return switch (sync & 0b11)
        {
            case SYNC_DATA -> "01";
            case SYNC_CONTROL -> "10";
            case SYNC_ZERO -> "00";
            default -> "11";
        };
    }

    /**
     * Parses a sync header written in transmission order ("01", "10", "00", "11").
     *
     * @return the sync value, or -1 when {@code text} is not two binary digits.
     */
    public static int parseSyncText(final CharSequence text)
    {
        if (text.length() != 2)
        {
            return -1;
        }
        final int first = bit(text.charAt(0));
        final int second = bit(text.charAt(1));
        return first < 0 || second < 0 ? -1 : first | (second << 1);
    }

    private static int bit(final char c)
    {
        return c == '0' ? 0 : c == '1' ? 1 : -1;
    }
}
