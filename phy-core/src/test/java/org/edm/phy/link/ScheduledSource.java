package org.edm.phy.link;

import org.edm.phy.pcs.BlockSink;

import java.util.ArrayList;
import java.util.List;

/** Test source: emits each of its blocks in the first slot it wins at or after the block's release slot, in order. */
final class ScheduledSource implements SlotSource
{
    record Entry(long releaseSlot, int sync, long payload)
    {
    }

    final List<Entry> entries = new ArrayList<>();
    private int next;

    ScheduledSource add(final long releaseSlot, final int sync, final long payload)
    {
        entries.add(new Entry(releaseSlot, sync, payload));
        return this;
    }

    @Override
    public boolean emit(final long slot, final BlockSink sink)
    {
        if (next < entries.size() && entries.get(next).releaseSlot() <= slot)
        {
            final Entry entry = entries.get(next++);
            sink.accept(entry.sync(), entry.payload());
            return true;
        }
        return false;
    }

    boolean done()
    {
        return next == entries.size();
    }
}
