package org.edm.phy.sw;

/**
 * The reference simulator's egress: every memory block in one FIFO, in the order it reached the port. Grants and
 * released requests made in the scheduling step of a slot queue ahead of the data forwarded in that slot's forwarding
 * step, exactly as edm-protocol Appendix A orders them.
 */
final class FifoEgress implements EgressPort
{
    private final BlockRecords fifo = new BlockRecords(16);

    public void enqueue(final BlockRecords from, final int at)
    {
        fifo.appendCopy(from, at);
    }

    public BlockRecords control(final int messageClass)
    {
        return fifo;
    }

    public int choose(final long slot)
    {
        return fifo.isEmpty() ? -1 : fifo.headSlot();
    }

    public BlockRecords directQueue(final int messageClass, final int requester, final int tag)
    {
        return null;
    }

    public void joined()
    {
        throw new IllegalStateException("a FIFO egress has no direct queue");
    }

    public BlockRecords chosen()
    {
        return fifo;
    }

    public void consume()
    {
        fifo.removeHead();
    }

    public boolean announcing()
    {
        return false;
    }

    public int announcementSync()
    {
        return 0;
    }

    public long announcementPayload()
    {
        return 0;
    }

    public boolean isEmpty()
    {
        return fifo.isEmpty();
    }

    public int size()
    {
        return fifo.size();
    }
}
