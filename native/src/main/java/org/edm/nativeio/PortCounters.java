package org.edm.nativeio;

import java.nio.ByteBuffer;

import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The counters of one port: one 64-bit slot per {@link PortCounter}, each on its own cache line, in an
 * {@link AtomicBuffer} that may be the port's own or a region of an agent's counters file.
 * <p>
 * Single writer: only the thread that uses the port adds to them (a plain read plus a release store, no atomic
 * read-modify-write), and any thread may read them with {@link #get(PortCounter)}.
 * <pre>
 *   offset 0    FRAMES_IN  (8 bytes) + 56 bytes padding
 *   offset 64   BYTES_IN   ...
 *   ...         one 64-byte line per counter, in id order
 * </pre>
 */
public final class PortCounters
{
    /** Bytes between two counters: one cache line, so that readers never share a line with another counter. */
    public static final int SLOT_LENGTH = 64;

    /** Bytes a {@link PortCounters} needs in a caller-provided buffer. */
    public static final int LENGTH = PortCounter.COUNT * SLOT_LENGTH;

    private final AtomicBuffer buffer;
    private final int offset;

    /** Counters in their own off-heap buffer. */
    public PortCounters()
    {
        this(new UnsafeBuffer(ByteBuffer.allocateDirect(LENGTH + SLOT_LENGTH).alignedSlice(SLOT_LENGTH)), 0);
    }

    /**
     * Counters in {@code [offset, offset + LENGTH)} of a caller's buffer.
     *
     * @param buffer aligned to 8 bytes at {@code offset}.
     * @param offset of the first counter; a multiple of 8.
     */
    public PortCounters(final AtomicBuffer buffer, final int offset)
    {
        if ((offset & 7) != 0)
        {
            throw new IllegalArgumentException("counter offset=" + offset + " is not a multiple of 8");
        }
        buffer.boundsCheck(offset, LENGTH);
        this.buffer = buffer;
        this.offset = offset;
    }

    /** Adds {@code delta} to a counter; owning thread only. */
    public void add(final PortCounter counter, final long delta)
    {
        final int index = offset + counter.id() * SLOT_LENGTH;
        buffer.putLongRelease(index, buffer.getLong(index) + delta);
    }

    /** Adds one to a counter; owning thread only. */
    public void increment(final PortCounter counter)
    {
        add(counter, 1);
    }

    /** Adds a received frame of {@code length} bytes; owning thread only. */
    public void onReceived(final int length)
    {
        add(PortCounter.FRAMES_IN, 1);
        add(PortCounter.BYTES_IN, length);
    }

    /** Adds {@code frames} sent frames totalling {@code bytes}; owning thread only. */
    public void onSent(final int frames, final long bytes)
    {
        add(PortCounter.FRAMES_OUT, frames);
        add(PortCounter.BYTES_OUT, bytes);
    }

    /** Reads a counter with acquire semantics; any thread. */
    public long get(final PortCounter counter)
    {
        return buffer.getLongVolatile(offset + counter.id() * SLOT_LENGTH);
    }

    /** The buffer the counters live in. */
    public AtomicBuffer buffer()
    {
        return buffer;
    }

    /** One line with every counter, for logs and tools; allocates, so control plane only. */
    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        for (final PortCounter counter : PortCounter.values())
        {
            if (!sb.isEmpty())
            {
                sb.append(", ");
            }
            sb.append(counter.name().toLowerCase()).append('=').append(get(counter));
        }
        return sb.toString();
    }
}
