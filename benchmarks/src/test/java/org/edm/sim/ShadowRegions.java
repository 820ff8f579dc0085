package org.edm.sim;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of what every host's region (key 0) must hold, next to the rack's real regions: both start with the same
 * random bytes, a test applies each write to the copy when it issues it, and compares.
 */
final class ShadowRegions
{
    /** The byte read destinations are filled with, so that a byte the rack never wrote shows. */
    static final byte SENTINEL = (byte)0xA5;
    /** Bytes after a buffer's range, so that a write past its end shows. */
    static final int GUARD = 16;

    private final RackModel model;
    private final byte[][] shadow;

    /** Fills every host's region of the rack (built with real regions) with random bytes and copies them. */
    ShadowRegions(final RackModel model, final Random random)
    {
        this.model = model;
        final int hosts = model.parameters().hosts();
        final int size = model.parameters().regionBytes();
        shadow = new byte[hosts][size];
        for (int h = 0; h < hosts; h++)
        {
            random.nextBytes(shadow[h]);
            region(h).putBytes(0, shadow[h]);
        }
    }

    int size()
    {
        return model.parameters().regionBytes();
    }

    /** The rack's real region of {@code host}. */
    MutableDirectBuffer region(final int host)
    {
        return model.regions(host).buffer(model.regions(host).indexOf(RackModel.REGION_KEY));
    }

    /** A write's source: {@code length} random bytes at {@code offset} of a new buffer with random bytes around. */
    static UnsafeBuffer source(final Random random, final int offset, final int length)
    {
        final byte[] bytes = new byte[offset + length + GUARD];
        random.nextBytes(bytes);
        return new UnsafeBuffer(bytes);
    }

    /** A read's destination: {@code offset + length + GUARD} bytes, every one the sentinel. */
    static UnsafeBuffer destination(final int offset, final int length)
    {
        final byte[] bytes = new byte[offset + length + GUARD];
        java.util.Arrays.fill(bytes, SENTINEL);
        return new UnsafeBuffer(bytes);
    }

    /** Records that a write of {@code length} bytes from {@code source} at {@code offset} goes to node's address. */
    void write(final int node, final long address, final UnsafeBuffer source, final int offset, final int length)
    {
        source.getBytes(offset, shadow[node], (int)address, length);
    }

    /**
     * The read into {@code destination} (made by {@link #destination}) at {@code offset} returned exactly the shadow's
     * bytes, and wrote nothing around them.
     */
    void assertRead(final String context, final TraceRequest read, final UnsafeBuffer destination, final int offset)
    {
        final byte[] expected = new byte[read.length()];
        System.arraycopy(shadow[read.node()], (int)read.address(), expected, 0, read.length());
        final byte[] actual = new byte[read.length()];
        destination.getBytes(offset, actual);
        assertThat(actual).as("%s: bytes returned by %s", context, read).isEqualTo(expected);
        for (int i = 0; i < destination.capacity(); i++)
        {
            if (i < offset || i >= offset + read.length())
            {
                assertThat(destination.getByte(i)).as("%s: byte %d of the destination of %s, outside its range",
                    context, i, read).isEqualTo(SENTINEL);
            }
        }
    }

    /** The destination of a read that failed holds nothing but the sentinel. */
    static void assertUntouched(final String context, final TraceRequest read, final UnsafeBuffer destination)
    {
        for (int i = 0; i < destination.capacity(); i++)
        {
            assertThat(destination.getByte(i)).as("%s: byte %d of the destination of failed %s", context, i, read)
                .isEqualTo(SENTINEL);
        }
    }

    /** Every byte of every region equals the shadow: writes landed in their range and nowhere else. */
    void assertRegionsMatch(final String context)
    {
        for (int h = 0; h < shadow.length; h++)
        {
            final byte[] actual = new byte[size()];
            region(h).getBytes(0, actual);
            final int mismatch = firstMismatch(actual, shadow[h]);
            assertThat(mismatch).as("%s: first byte of host %d's region that differs from the shadow", context, h)
                .isEqualTo(-1);
        }
    }

    private static int firstMismatch(final byte[] actual, final byte[] expected)
    {
        for (int i = 0; i < actual.length; i++)
        {
            if (actual[i] != expected[i])
            {
                return i;
            }
        }
        return -1;
    }
}
