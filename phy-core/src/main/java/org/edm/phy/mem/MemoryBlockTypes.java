package org.edm.phy.mem;

import org.edm.phy.pcs.Block;

/**
 * The EDM memory block ("/M/ block") type bytes and how a receiver recognises a memory block.
 * <p>
 * A block is a memory block when its sync header is control and its type byte is one of the types below
 * (edm-protocol §2.1), or, only when the link carries 8-byte data blocks, when its sync header is one of the two
 * headers clause 49 leaves invalid ({@code 00} for write data, {@code 11} for read-response data; see
 * the data block layouts in this package). Every other block belongs to the MAC frame stream.
 * <pre>
 *   type   message  position      type   message  position      type   message   position
 *   0x0A   RREQ     first         0x0B   RRESP    first         0x0C   WREQ      first
 *   0x1A   RREQ     middle        0x1B   RRESP    middle        0x1C   WREQ      middle
 *   0x2A   RREQ     last          0x2B   RRESP    last          0x2C   WREQ      last
 *   0x0D   NOTIF    single        0x0E   GRANT    single        0x0F   ACK       single
 * </pre>
 * Low nibble: the message class ({@code A} RREQ, {@code B} RRESP, {@code C} WREQ, {@code D} NOTIF, {@code E} GRANT,
 * {@code F} ACK). High nibble: the position, host convention (0 first, 1 middle, 2 last; edm-protocol §8 A1).
 * NOTIF and GRANT are 0x0D and 0x0E as edm-protocol §2.6 recommends; ACK (0x0F, write acknowledgement and error
 * completion) is this project's addition. All are at most 0x1E, and none is a clause 49 type or the RTL's private
 * 0x77.
 */
public final class MemoryBlockTypes
{
    /** Message classes: the low nibble of the type byte. */
    public static final int CLASS_RREQ = 0xA;
    public static final int CLASS_RRESP = 0xB;
    public static final int CLASS_WREQ = 0xC;
    public static final int CLASS_NOTIF = 0xD;
    public static final int CLASS_GRANT = 0xE;
    public static final int CLASS_ACK = 0xF;

    /** Positions: the high nibble of the type byte. */
    public static final int POSITION_FIRST = 0x0;
    public static final int POSITION_MIDDLE = 0x1;
    public static final int POSITION_LAST = 0x2;

    public static final int RREQ_FIRST = 0x0A;
    public static final int RREQ_MIDDLE = 0x1A;
    public static final int RREQ_LAST = 0x2A;
    public static final int RRESP_FIRST = 0x0B;
    public static final int RRESP_MIDDLE = 0x1B;
    public static final int RRESP_LAST = 0x2B;
    public static final int WREQ_FIRST = 0x0C;
    public static final int WREQ_MIDDLE = 0x1C;
    public static final int WREQ_LAST = 0x2C;
    public static final int NOTIF = 0x0D;
    public static final int GRANT = 0x0E;
    public static final int ACK = 0x0F;

    /** Sync header of an 8-byte write data block (invalid in clause 49, "00" on the wire). */
    public static final int SYNC_WRITE_DATA_8 = Block.SYNC_ZERO;
    /** Sync header of an 8-byte read-response data block (invalid in clause 49, "11" on the wire). */
    public static final int SYNC_RESPONSE_DATA_8 = Block.SYNC_ONES;

    private static final boolean[] MEMORY_TYPE = new boolean[256];

    static
    {
        for (final int type : new int[] {
            RREQ_FIRST, RREQ_MIDDLE, RREQ_LAST, RRESP_FIRST, RRESP_MIDDLE, RRESP_LAST,
            WREQ_FIRST, WREQ_MIDDLE, WREQ_LAST, NOTIF, GRANT, ACK })
        {
            MEMORY_TYPE[type] = true;
        }
    }

    private MemoryBlockTypes()
    {
    }

    /** Whether a control block's type byte is an EDM memory type. */
    public static boolean isMemoryType(final int type)
    {
        return MEMORY_TYPE[type & 0xFF];
    }

    /**
     * Whether a block is a memory block and must be taken out of the MAC stream.
     *
     * @param eightByteData whether the link carries 8-byte data blocks (the reference simulator's abstraction).
     */
    public static boolean isMemoryBlock(final int sync, final long payload, final boolean eightByteData)
    {
        if (sync == Block.SYNC_CONTROL)
        {
            return MEMORY_TYPE[(int)payload & 0xFF];
        }
        return eightByteData && (sync == SYNC_WRITE_DATA_8 || sync == SYNC_RESPONSE_DATA_8);
    }

    /** The message class (low nibble) of a memory type byte. */
    public static int messageClass(final int type)
    {
        return type & 0xF;
    }

    /** The position (high nibble) of a memory type byte. */
    public static int position(final int type)
    {
        return (type >>> 4) & 0xF;
    }

    /** The type byte for a message class and position. */
    public static int type(final int messageClass, final int position)
    {
        return (position << 4) | messageClass;
    }

    /** A short name of a memory type byte, such as "RREQ/first", or null when it is not one. */
    public static String name(final int type)
    {
        if (!isMemoryType(type))
        {
            return null;
        }
        final String cls = switch (messageClass(type))
        {
            case CLASS_RREQ -> "RREQ";
            case CLASS_RRESP -> "RRESP";
            case CLASS_WREQ -> "WREQ";
            case CLASS_NOTIF -> "NOTIF";
            case CLASS_GRANT -> "GRANT";
            default -> "ACK";
        };
        return switch (type)
        {
            case NOTIF, GRANT, ACK -> cls;
            default -> cls + "/" + switch (position(type))
            {
                case POSITION_FIRST -> "first";
                case POSITION_MIDDLE -> "middle";
                default -> "last";
            };
        };
    }
}
