package org.edm.phy.mem;

/**
 * The address block of an RREQ (last block, 0x2A) and a WREQ (third block, 0x1C): the 56-bit byte offset in the
 * memory node's region (edm-protocol §2.4, A5: the remote address to read or write).
 * <pre>
 *   63                                                            8 7       0
 *  +---------------------------------------------------------------+---------+
 *  | address (56)                                                  | type    |
 *  +---------------------------------------------------------------+---------+
 * </pre>
 */
public final class AddressBlock
{
    public static final long MAX_ADDRESS = (1L << 56) - 1;

    private AddressBlock()
    {
    }

    public static long encode(final int type, final long address)
    {
        return ((address & MAX_ADDRESS) << 8) | (type & 0xFF);
    }

    public static long address(final long payload)
    {
        return payload >>> 8;
    }
}
