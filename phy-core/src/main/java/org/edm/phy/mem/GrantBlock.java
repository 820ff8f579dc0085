package org.edm.phy.mem;

/**
 * GRANT (0x0E): the switch's scheduler lets a sender put a chunk of a message on the circuit to its receiver
 * (edm-protocol §4.1). One block, switch to sender.
 * <pre>
 *   63            48 47            32 31  28 27                  8 7       0
 *  +----------------+----------------+------+---------------------+---------+
 *  | quota (16)     | tag (16)       |flags | peer (20)           | 0x0E    |
 *  +----------------+----------------+------+---------------------+---------+
 *   quota: bytes of the message the sender may send now, counted as blocks x bytes per block (at most one chunk)
 *   flags: bit 0 RESPONSE - the grant is for a read response: tag and peer name the requester and its RREQ tag;
 *          otherwise it is for the sender's own write: tag is the WREQ's tag and peer the memory node
 * </pre>
 * Differs from the §2.6 table on purpose: the granted sender is the port the GRANT leaves by, so its field carries the
 * tag instead.
 */
public final class GrantBlock
{
    public static final int FLAG_RESPONSE = 0x1;

    private GrantBlock()
    {
    }

    public static long encode(final int quota, final int tag, final int flags, final int peer)
    {
        return ((long)(quota & 0xFFFF) << 48)
            | ((long)(tag & 0xFFFF) << 32)
            | ((long)(flags & 0xF) << 28)
            | ((long)(peer & HeaderBlock.MAX_NODE) << 8)
            | MemoryBlockTypes.GRANT;
    }

    public static int quota(final long payload)
    {
        return (int)(payload >>> 48) & 0xFFFF;
    }

    public static int tag(final long payload)
    {
        return (int)(payload >>> 32) & 0xFFFF;
    }

    public static int flags(final long payload)
    {
        return (int)(payload >>> 28) & 0xF;
    }

    public static boolean isForResponse(final long payload)
    {
        return (flags(payload) & FLAG_RESPONSE) != 0;
    }

    public static int peer(final long payload)
    {
        return (int)(payload >>> 8) & HeaderBlock.MAX_NODE;
    }
}
