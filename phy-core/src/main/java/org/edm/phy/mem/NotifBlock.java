package org.edm.phy.mem;

/**
 * NOTIF (0x0D): a host tells the switch's scheduler it has a write to send (edm-protocol §4.1). One block, host to
 * switch.
 * <pre>
 *   63            48 47            32 31  28 27                  8 7       0
 *  +----------------+----------------+------+---------------------+---------+
 *  | length (16)    | tag (16)       |flags | receiver (20)       | 0x0D    |
 *  +----------------+----------------+------+---------------------+---------+
 *   length: payload bytes of the WREQ; tag: the WREQ's tag; receiver: the memory node
 *   flags:  bit 0 CANCEL - the host gave the write up (it timed out): the switch forgets its demand and any quota,
 *           so no circuit stays reserved for blocks that will not come (length is then 0)
 * </pre>
 * Differs from the §2.6 table on purpose: the sender field ([47:28] there) is replaced by the tag, because the sender
 * of a NOTIF is the switch port it arrives on, and without a tag two writes to the same node could not be told
 * apart.
 */
public final class NotifBlock
{
    public static final int FLAG_CANCEL = 0x1;

    private NotifBlock()
    {
    }

    public static long encode(final int length, final int tag, final int flags, final int receiver)
    {
        return ((long)(length & 0xFFFF) << 48)
            | ((long)(tag & 0xFFFF) << 32)
            | ((long)(flags & 0xF) << 28)
            | ((long)(receiver & HeaderBlock.MAX_NODE) << 8)
            | MemoryBlockTypes.NOTIF;
    }

    public static int length(final long payload)
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

    public static int receiver(final long payload)
    {
        return (int)(payload >>> 8) & HeaderBlock.MAX_NODE;
    }
}
