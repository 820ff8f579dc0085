package org.edm.cli.verify;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;

/**
 * What one compute host's partition of one memory node's region must hold: a copy of every byte the host wrote there
 * successfully, and which bytes are known. Bytes never written (or whose write failed, which leaves them undefined)
 * are unknown: a read adopts their contents instead of checking them, so the soak can run against a memory node that
 * holds data from before. Known bytes are checked exactly, byte for byte. Only the owning host's soak thread writes
 * the partition, and never two overlapping requests at once, so the copy is exact.
 */
final class Shadow
{
    private final byte[] bytes;
    private final MemorySegment segment;
    private final BitSet known;

    Shadow(final int length)
    {
        bytes = new byte[length];
        segment = MemorySegment.ofArray(bytes);
        known = new BitSet(length);
    }

    int length()
    {
        return bytes.length;
    }

    /** A write of {@code data} at {@code offset} succeeded. */
    void written(final int offset, final MemorySegment data, final int length)
    {
        MemorySegment.copy(data, 0, segment, offset, length);
        known.set(offset, offset + length);
    }

    /** A write at {@code offset} failed: those bytes are now undefined. */
    void forget(final int offset, final int length)
    {
        known.clear(offset, offset + length);
    }

    /** True when any byte of the range is known. */
    boolean anyKnown(final int offset, final int length)
    {
        final int next = known.nextSetBit(offset);
        return next >= 0 && next < offset + length;
    }

    /** Bytes known in the whole partition. */
    long knownBytes()
    {
        return known.cardinality();
    }

    /**
     * Checks a successful read of {@code data} at {@code offset}: known bytes must match; unknown ones are adopted.
     *
     * @return the number of known bytes that differ (0 when the read is right).
     */
    int check(final int offset, final MemorySegment data, final int length, final Mismatch firstMismatch)
    {
        int wrong = 0;
        int at = offset;
        final int end = offset + length;
        while (at < end)
        {
            if (known.get(at))
            {
                final int runEnd = Math.min(end, clearFrom(at));
                final long first = MemorySegment.mismatch(segment, at, runEnd, data, at - offset, runEnd - offset);
                if (first >= 0)
                {
                    for (int i = at + (int)first; i < runEnd; i++)
                    {
                        final byte got = data.get(ValueLayout.JAVA_BYTE, i - offset);
                        if (bytes[i] != got)
                        {
                            if (wrong == 0)
                            {
                                firstMismatch.set(i, bytes[i], got);
                            }
                            wrong++;
                        }
                    }
                }
                at = runEnd;
            }
            else
            {
                final int next = known.nextSetBit(at);
                final int runEnd = next < 0 ? end : Math.min(end, next);
                MemorySegment.copy(data, at - offset, segment, at, runEnd - at);
                known.set(at, runEnd);
                at = runEnd;
            }
        }
        return wrong;
    }

    /** The byte the partition must hold at {@code offset} (known bytes only). */
    byte expected(final int offset)
    {
        return bytes[offset];
    }

    boolean isKnown(final int offset)
    {
        return known.get(offset);
    }

    private int clearFrom(final int at)
    {
        final int clear = known.nextClearBit(at);
        return clear < 0 ? bytes.length : clear;
    }

    /** Where the first wrong byte of a read was. */
    static final class Mismatch
    {
        int offset;
        byte expected;
        byte actual;

        void set(final int at, final byte wanted, final byte got)
        {
            offset = at;
            expected = wanted;
            actual = got;
        }
    }
}
