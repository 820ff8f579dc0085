package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.link.MacFrameSource;

import java.util.ArrayList;
import java.util.List;

/** The blocks of one MAC frame as the link layer's encoder sends them (start, data, terminate), for test captures. */
final class FrameBlocks
{
    private final List<long[]> blocks = new ArrayList<>();

    private FrameBlocks()
    {
    }

    static FrameBlocks of(final byte[] frame)
    {
        final MacFrameSource source = new MacFrameSource(1, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
        if (source.offer(new UnsafeBuffer(frame), 0, frame.length) != MacFrameQueue.OK)
        {
            throw new IllegalArgumentException("frame of " + frame.length + " bytes not accepted");
        }
        final FrameBlocks result = new FrameBlocks();
        long slot = 0;
        while (source.hasWork())
        {
            source.emit(slot++, (sync, payload) -> result.blocks.add(new long[] { sync, payload }));
        }
        return result;
    }

    int size()
    {
        return blocks.size();
    }

    int sync(final int index)
    {
        return (int)blocks.get(index)[0];
    }

    long payload(final int index)
    {
        return blocks.get(index)[1];
    }
}
