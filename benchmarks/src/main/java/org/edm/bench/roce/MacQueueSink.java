package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacFrameQueue;

/**
 * A {@link RoceFrameSink} over the emulated PHY's MAC queue: the frame is written into a scratch buffer and queued
 * (the queue copies it, pads it and adds the FCS). A claim is refused while the queue is full or when the frame is
 * longer than the queue takes, so the queue pair keeps its frame and nothing is lost at this step.
 */
public final class MacQueueSink implements RoceFrameSink
{
    private final MacFrameQueue queue;
    private final UnsafeBuffer scratch;
    private long rejected;

    public MacQueueSink(final MacFrameQueue queue)
    {
        this.queue = queue;
        this.scratch = new UnsafeBuffer(new byte[queue.maxFrameLength()]);
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return scratch;
    }

    @Override
    public int claim(final int length)
    {
        if (queue.size() >= queue.capacity() || length > queue.maxFrameLength())
        {
            return -1;
        }
        return 0;
    }

    @Override
    public void commit(final int length)
    {
        if (queue.offer(scratch, 0, length) != MacFrameQueue.OK)
        {
            rejected++;
        }
    }

    /** Committed frames the queue still refused (cannot happen after a granted claim; counted to be sure). */
    public long rejected()
    {
        return rejected;
    }
}
