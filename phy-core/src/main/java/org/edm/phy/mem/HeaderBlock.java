package org.edm.phy.mem;

/**
 * The first block of an RREQ, RRESP or WREQ (types 0x0A, 0x0B, 0x0C): the edm-protocol §2.6 header.
 * <pre>
 *   63            48 47                 28 27                  8 7       0
 *  +----------------+---------------------+---------------------+---------+
 *  | length (16)    | source node (20)    | destination (20)    | type    |
 *  +----------------+---------------------+---------------------+---------+
 *   length: payload bytes of the message; for an RREQ, the bytes requested (1..65535)
 *   source, destination: 20-bit node ids; an RRESP goes from the memory node to the requester (A3)
 * </pre>
 * The header has no room left, so the tag, the region key and the flags travel in the {@link TagBlock} that always
 * follows it. Static accessors over the payload: no object per block.
 */
public final class HeaderBlock
{
    public static final int MAX_LENGTH = 0xFFFF;
    public static final int MAX_NODE = (1 << 20) - 1;

    private HeaderBlock()
    {
    }

    public static long encode(final int type, final int length, final int source, final int destination)
    {
        return ((long)(length & 0xFFFF) << 48)
            | ((long)(source & MAX_NODE) << 28)
            | ((long)(destination & MAX_NODE) << 8)
            | (type & 0xFF);
    }

    public static int length(final long payload)
    {
        return (int)(payload >>> 48) & 0xFFFF;
    }

    public static int source(final long payload)
    {
        return (int)(payload >>> 28) & MAX_NODE;
    }

    public static int destination(final long payload)
    {
        return (int)(payload >>> 8) & MAX_NODE;
    }
}
