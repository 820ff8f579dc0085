package org.edm.bench.roce;

import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * One direction of a test link: frames arrive after a delay, and by seed some are lost, duplicated or delayed further
 * (which reorders them). Virtual time; the test drives it.
 */
final class TestWire
{
    private record InFlight(long at, long sequence, byte[] frame)
    {
    }

    private final PriorityQueue<InFlight> queue = new PriorityQueue<>(
        (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.sequence, b.sequence));
    private final Random random;
    private final long delayNanos;
    private double loss;
    private double duplicate;
    private double reorder;
    private long jitterNanos;
    private boolean cut;
    private final java.util.Set<Long> dropIndexes = new java.util.HashSet<>();
    private long sequence;
    private long sent;
    private long lost;
    private long duplicated;

    TestWire(final long seed, final long delayNanos)
    {
        this.random = new Random(seed);
        this.delayNanos = delayNanos;
    }

    TestWire loss(final double probability)
    {
        this.loss = probability;
        return this;
    }

    TestWire duplicate(final double probability)
    {
        this.duplicate = probability;
        return this;
    }

    /** Delays a share of the frames by up to {@code jitter} more, so later frames overtake them. */
    TestWire reorder(final double probability, final long jitter)
    {
        this.reorder = probability;
        this.jitterNanos = jitter;
        return this;
    }

    /** Drops every frame from now on (true) or carries them again (false). */
    TestWire cut(final boolean cutNow)
    {
        this.cut = cutNow;
        return this;
    }

    /** Drops the frames with these send indexes (0 = the first frame sent on this wire). */
    TestWire drop(final long... indexes)
    {
        for (final long index : indexes)
        {
            dropIndexes.add(index);
        }
        return this;
    }

    void send(final byte[] frame, final long nowNanos)
    {
        final long index = sent++;
        if (cut || dropIndexes.contains(index) || random.nextDouble() < loss)
        {
            lost++;
            return;
        }
        final int copies = random.nextDouble() < duplicate ? 2 : 1;
        duplicated += copies - 1;
        for (int i = 0; i < copies; i++)
        {
            final long extra = random.nextDouble() < reorder ? 1 + (long)(random.nextDouble() * jitterNanos) : 0;
            queue.add(new InFlight(nowNanos + delayNanos + extra, sequence++, frame));
        }
    }

    void deliver(final long nowNanos, final Consumer<byte[]> receiver)
    {
        while (!queue.isEmpty() && queue.peek().at <= nowNanos)
        {
            receiver.accept(queue.poll().frame);
        }
    }

    boolean isEmpty()
    {
        return queue.isEmpty();
    }

    long sent()
    {
        return sent;
    }

    long lost()
    {
        return lost;
    }

    long duplicated()
    {
        return duplicated;
    }
}
