package org.edm.phy.link;

import org.edm.phy.pcs.BlockQueue;
import org.edm.phy.pcs.BlockSink;

/**
 * A {@link SlotSource} that sends the oldest block of a {@link BlockQueue}: one per class of memory traffic on a
 * switch egress port (responses, requests and NOTIFs, grants). Producers {@code offer} into the queue; the arbiter
 * drains it one block per slot it wins.
 */
public final class QueueSlotSource implements SlotSource
{
    private final BlockQueue queue;

    public QueueSlotSource(final BlockQueue queue)
    {
        if (queue == null)
        {
            throw new IllegalArgumentException("queue=null");
        }
        this.queue = queue;
    }

    public BlockQueue queue()
    {
        return queue;
    }

    @Override
    public boolean emit(final long slot, final BlockSink sink)
    {
        final BlockQueue queue = this.queue;
        if (queue.isEmpty())
        {
            return false;
        }
        sink.accept(queue.peekSync(), queue.peekPayload());
        queue.remove();
        return true;
    }
}
