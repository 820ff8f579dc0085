package org.edm.phy.mem;

/**
 * The second block of every RREQ, RRESP and WREQ: names the request, so that many requests between the same two
 * nodes can be outstanding, and carries the region key. Middle position (0x1A, 0x1B, 0x1C), or last when the message
 * ends with it.
 * <pre>
 *   63            48 47                                16 15    8 7       0
 *  +----------------+------------------------------------+--------+---------+
 *  | tag (16)       | region key (32)                    | flags  | type    |
 *  +----------------+------------------------------------+--------+---------+
 *   tag:   chosen by the requester, unique among its outstanding requests; an RRESP echoes the RREQ's tag
 *   key:   the memory region key (like an RDMA rkey) for RREQ and WREQ; 0 in an RRESP
 *   flags: bit 0 RESUME - this header and tag block re-announce a message that was interrupted on this link
 *          by another message of the same class (see Framing); the address block is not repeated
 * </pre>
 * Why a separate block: the §2.6 header is full (16-bit length, two 20-bit node ids, type), and the RTL's RREQ is
 * already three blocks (header and two 56-bit addresses, of which the second, the requester's own buffer address,
 * means nothing to the memory node); this block takes the place of that second address.
 */
public final class TagBlock
{
    public static final int MAX_TAG = 0xFFFF;
    public static final int FLAG_RESUME = 0x01;

    private TagBlock()
    {
    }

    public static long encode(final int type, final int tag, final int key, final int flags)
    {
        return ((long)(tag & MAX_TAG) << 48)
            | ((key & 0xFFFF_FFFFL) << 16)
            | ((long)(flags & 0xFF) << 8)
            | (type & 0xFF);
    }

    public static int tag(final long payload)
    {
        return (int)(payload >>> 48) & MAX_TAG;
    }

    public static int key(final long payload)
    {
        return (int)(payload >>> 16);
    }

    public static int flags(final long payload)
    {
        return (int)(payload >>> 8) & 0xFF;
    }
}
