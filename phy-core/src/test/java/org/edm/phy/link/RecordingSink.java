package org.edm.phy.link;

import org.edm.phy.pcs.BlockSink;

import java.util.Arrays;

/** Test sink that records every block (and may allocate while growing). */
final class RecordingSink implements BlockSink
{
    private int[] syncs = new int[64];
    private long[] payloads = new long[64];
    private int size;

    @Override
    public void accept(final int sync, final long payload)
    {
        if (size == syncs.length)
        {
            syncs = Arrays.copyOf(syncs, size * 2);
            payloads = Arrays.copyOf(payloads, size * 2);
        }
        syncs[size] = sync;
        payloads[size] = payload;
        size++;
    }

    int size()
    {
        return size;
    }

    int sync(final int index)
    {
        return syncs[index];
    }

    long payload(final int index)
    {
        return payloads[index];
    }

    int type(final int index)
    {
        return (int)payloads[index] & 0xFF;
    }

    void clear()
    {
        size = 0;
    }
}
