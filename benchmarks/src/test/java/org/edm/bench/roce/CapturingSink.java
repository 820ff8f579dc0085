package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A sink that copies every committed frame out (to a consumer, or into a list), and can refuse claims. */
final class CapturingSink implements RoceFrameSink
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16_384]);
    private final List<byte[]> frames = new ArrayList<>();
    private final Consumer<byte[]> consumer;
    private int claimed = -1;
    private boolean refuse;

    CapturingSink()
    {
        this.consumer = null;
    }

    CapturingSink(final Consumer<byte[]> consumer)
    {
        this.consumer = consumer;
    }

    void refuse(final boolean refuseClaims)
    {
        this.refuse = refuseClaims;
    }

    List<byte[]> frames()
    {
        return frames;
    }

    @Override
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    @Override
    public int claim(final int length)
    {
        if (refuse)
        {
            return -1;
        }
        claimed = length;
        return 7;
    }

    @Override
    public void commit(final int length)
    {
        if (length != claimed)
        {
            throw new AssertionError("committed " + length + " bytes after claiming " + claimed);
        }
        final byte[] frame = new byte[length];
        buffer.getBytes(7, frame);
        claimed = -1;
        if (consumer != null)
        {
            consumer.accept(frame);
        }
        else
        {
            frames.add(frame);
        }
    }
}
