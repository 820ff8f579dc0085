package org.edm.nativeio.memory;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

import org.agrona.BitUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RecordDescriptor;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.edm.nativeio.PortOptions;

/**
 * A point-to-point link inside one process: two {@link MemoryPort}s joined by two lock-free single-producer
 * single-consumer rings (Agrona {@link OneToOneRingBuffer}), one per direction, like the two fibres of a cable.
 * <pre>
 *   port a --tryClaim/commit--> [ ring a->b ] --poll--> port b
 *   port a <--poll------------- [ ring b->a ] <--tryClaim/commit-- port b
 * </pre>
 * The rings live off-heap in one shared {@link Arena}, freed when the second of the two ports closes (a port's
 * peer may still be using both rings until then). Each port is used by one thread; the two may be different threads.
 * Unlike the kernel backends the link is lossless: a sender whose peer does not drain sees
 * {@code BACK_PRESSURED}.
 */
public final class MemoryLink
{
    private final Arena arena;
    private final AtomicInteger openPorts = new AtomicInteger(2);
    private final MemoryPort a;
    private final MemoryPort b;

    private MemoryLink(final String name, final PortOptions options)
    {
        final int capacity = ringCapacity(options);
        arena = Arena.ofShared();
        final OneToOneRingBuffer aToB = newRing(arena, capacity);
        final OneToOneRingBuffer bToA = newRing(arena, capacity);
        a = new MemoryPort("memory:" + name + "/a", options, bToA, aToB, this);
        b = new MemoryPort("memory:" + name + "/b", options, aToB, bToA, this);
    }

    /**
     * Opens a link whose rings each hold at least {@code options.rxFrames()} frames of {@code options.mtu()} bytes.
     *
     * @param name for logs, e.g. {@code h0-swp0}.
     */
    public static MemoryLink open(final String name, final PortOptions options)
    {
        return new MemoryLink(name, options.copy().validate());
    }

    /** The first end. */
    public MemoryPort a()
    {
        return a;
    }

    /** The second end. */
    public MemoryPort b()
    {
        return b;
    }

    /** True while the ring memory is allocated, i.e. until both ports are closed. */
    public boolean isAllocated()
    {
        return arena.scope().isAlive();
    }

    /** Bytes of one direction's ring (a power of two), excluding the ring's trailer. */
    static int ringCapacity(final PortOptions options)
    {
        final int recordLength = BitUtil.align(options.mtu() + RecordDescriptor.HEADER_LENGTH, RecordDescriptor.ALIGNMENT);
        final long wanted = Math.max((long)recordLength * options.rxFrames(), (long)options.mtu() * 8 + 8);
        if (wanted > (1 << 30))
        {
            throw new IllegalArgumentException(
                "in-memory ring of rxFrames=" + options.rxFrames() + " x mtu=" + options.mtu() + " exceeds 1 GiB");
        }
        return BitUtil.findNextPositivePowerOfTwo((int)wanted);
    }

    void onPortClosed()
    {
        if (openPorts.decrementAndGet() == 0)
        {
            arena.close();
        }
    }

    private static OneToOneRingBuffer newRing(final Arena arena, final int capacity)
    {
        final int length = capacity + RingBufferDescriptor.TRAILER_LENGTH;
        final MemorySegment segment = arena.allocate(length, 64);
        return new OneToOneRingBuffer(new UnsafeBuffer(segment.address(), length));
    }
}
