package org.edm.phy.mem;

/**
 * ACK (0x0F), this project's completion block (the spec leaves write acknowledgement open): a memory node
 * acknowledges a write, and a memory node or the switch completes a failed read or write with an error status.
 * One block, routed to the requester like any ungranted memory block.
 * <pre>
 *   63            48 47            32 31  28 27                  8 7       0
 *  +----------------+----------------+------+---------------------+---------+
 *  | length (16)    | tag (16)       |status| requester (20)      | 0x0F    |
 *  +----------------+----------------+------+---------------------+---------+
 *   length: bytes written (0 on error); tag: the request's tag; status: a {@link CompletionStatus} wire code
 * </pre>
 * A read that fails is completed by an ACK too, instead of an RRESP: the switch retires the read's response demand
 * when it forwards an error ACK for that tag, so no circuit stays reserved for a response that will not come.
 */
public final class AckBlock
{
    private AckBlock()
    {
    }

    public static long encode(final int length, final int tag, final int status, final int requester)
    {
        return ((long)(length & 0xFFFF) << 48)
            | ((long)(tag & 0xFFFF) << 32)
            | ((long)(status & 0xF) << 28)
            | ((long)(requester & HeaderBlock.MAX_NODE) << 8)
            | MemoryBlockTypes.ACK;
    }

    public static int length(final long payload)
    {
        return (int)(payload >>> 48) & 0xFFFF;
    }

    public static int tag(final long payload)
    {
        return (int)(payload >>> 32) & 0xFFFF;
    }

    public static int status(final long payload)
    {
        return (int)(payload >>> 28) & 0xF;
    }

    public static int requester(final long payload)
    {
        return (int)(payload >>> 8) & HeaderBlock.MAX_NODE;
    }
}
