package org.edm.sim;

import org.edm.phy.mem.CompletionStatus;

/**
 * One request of a test trace: who asks which node for what, when, and how it must end.
 *
 * @param read      a read (true) or a write.
 * @param requester the host that issues it.
 * @param node      the memory node it addresses.
 * @param key       the region key.
 * @param address   the byte address in the region.
 * @param length    bytes to move.
 * @param slot      the slot it is submitted in (later if its host is back-pressured).
 * @param expected  the CompletionStatus it must end with: at the requester through the listener, or at once as the
 *                  negated submit result when {@code refusedAtOnce}.
 * @param refusedAtOnce whether the host must refuse it at submission rather than send it.
 */
record TraceRequest(
    boolean read,
    int requester,
    int node,
    int key,
    long address,
    int length,
    long slot,
    int expected,
    boolean refusedAtOnce)
{
    /** A request that must succeed, on region key 0. */
    static TraceRequest good(
        final boolean read, final int requester, final int node, final long address, final int length, final long slot)
    {
        return new TraceRequest(read, requester, node, RackModel.REGION_KEY, address, length, slot,
            CompletionStatus.SUCCESS, false);
    }

    /** The same request at another slot. */
    TraceRequest at(final long newSlot)
    {
        return new TraceRequest(read, requester, node, key, address, length, newSlot, expected, refusedAtOnce);
    }

    @Override
    public String toString()
    {
        return (read ? "read " : "write ") + requester + "->" + node + " key=" + key + " addr=" + address + " len=" +
            length + " @" + slot + " expect " + CompletionStatus.name(expected) + (refusedAtOnce ? " at once" : "");
    }
}
