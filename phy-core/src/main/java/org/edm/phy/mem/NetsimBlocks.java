package org.edm.phy.mem;

/**
 * Block layouts of the netsim framing: the reference simulator's abstraction, where every block counts as 8 bytes
 * of its message, the header is the message's first block rather than an extra one, and every block names its
 * message (the reference keeps {@code flow_id} and {@code seq_num} with each block). Only the simulator uses it; the
 * data is not carried. Narrower ids than the wire framing (10-bit nodes, 14-bit tags) buy a 22-bit length, because
 * the reference traces hold messages of up to 1.8 MB.
 * <pre>
 *  header (first block of RREQ / RRESP / WREQ)
 *   63                  42 41       32 31       22 21               8 7       0
 *  +----------------------+-----------+-----------+------------------+---------+
 *  | length (22)          | source(10)| dest (10) | tag (14)         | type    |
 *  +----------------------+-----------+-----------+------------------+---------+
 *
 *  body (every later block: middle, or last)
 *   63                        40 39       30 29               16 15    8 7       0
 *  +---------------------------+-----------+------------------+--------+---------+
 *  | block index (24)          | requester | tag (14)         | 0      | type    |
 *  +---------------------------+-----------+------------------+--------+---------+
 *
 *  NOTIF / GRANT / ACK (one block each)
 *   63                  42 41               28 27  24 23       14 13    8 7       0
 *  +----------------------+------------------+------+-----------+--------+---------+
 *  | length / quota (22)  | tag (14)         |flags | node (10) | 0      | type    |
 *  +----------------------+------------------+------+-----------+--------+---------+
 *   node: NOTIF receiver, GRANT peer, ACK requester; flags: GRANT flags, or the ACK status (4 bits)
 * </pre>
 */
public final class NetsimBlocks
{
    public static final int MAX_LENGTH = (1 << 22) - 1;
    public static final int MAX_NODE = (1 << 10) - 1;
    public static final int MAX_TAG = (1 << 14) - 1;
    public static final int MAX_BLOCK_INDEX = (1 << 24) - 1;

    private NetsimBlocks()
    {
    }

    public static long header(final int type, final int length, final int source, final int destination, final int tag)
    {
        return ((long)(length & MAX_LENGTH) << 42)
            | ((long)(source & MAX_NODE) << 32)
            | ((long)(destination & MAX_NODE) << 22)
            | ((long)(tag & MAX_TAG) << 8)
            | (type & 0xFF);
    }

    public static int headerLength(final long payload)
    {
        return (int)(payload >>> 42) & MAX_LENGTH;
    }

    public static int headerSource(final long payload)
    {
        return (int)(payload >>> 32) & MAX_NODE;
    }

    public static int headerDestination(final long payload)
    {
        return (int)(payload >>> 22) & MAX_NODE;
    }

    public static int headerTag(final long payload)
    {
        return (int)(payload >>> 8) & MAX_TAG;
    }

    public static long body(final int type, final int blockIndex, final int requester, final int tag)
    {
        return ((long)(blockIndex & MAX_BLOCK_INDEX) << 40)
            | ((long)(requester & MAX_NODE) << 30)
            | ((long)(tag & MAX_TAG) << 16)
            | (type & 0xFF);
    }

    public static int bodyIndex(final long payload)
    {
        return (int)(payload >>> 40) & MAX_BLOCK_INDEX;
    }

    public static int bodyRequester(final long payload)
    {
        return (int)(payload >>> 30) & MAX_NODE;
    }

    public static int bodyTag(final long payload)
    {
        return (int)(payload >>> 16) & MAX_TAG;
    }

    public static long single(final int type, final int length, final int tag, final int flags, final int node)
    {
        return ((long)(length & MAX_LENGTH) << 42)
            | ((long)(tag & MAX_TAG) << 28)
            | ((long)(flags & 0xF) << 24)
            | ((long)(node & MAX_NODE) << 14)
            | (type & 0xFF);
    }

    public static int singleLength(final long payload)
    {
        return (int)(payload >>> 42) & MAX_LENGTH;
    }

    public static int singleTag(final long payload)
    {
        return (int)(payload >>> 28) & MAX_TAG;
    }

    public static int singleFlags(final long payload)
    {
        return (int)(payload >>> 24) & 0xF;
    }

    public static int singleNode(final long payload)
    {
        return (int)(payload >>> 14) & MAX_NODE;
    }
}
