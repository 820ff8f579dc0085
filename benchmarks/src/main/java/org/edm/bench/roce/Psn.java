package org.edm.bench.roce;

/**
 * Packet sequence numbers: 24 bits that wrap, compared within half the space (IBA vol. 1, 9.7.1): {@code a} is after
 * {@code b} when {@code diff(a, b) > 0}.
 */
final class Psn
{
    static final int MASK = 0xFF_FFFF;
    /** Half the PSN space: the furthest apart two PSNs in use may be and still be ordered. */
    static final int HALF = 1 << 23;

    private Psn()
    {
    }

    static int add(final int psn, final int count)
    {
        return (psn + count) & MASK;
    }

    /** {@code a - b} as a signed 24-bit number. */
    static int diff(final int a, final int b)
    {
        return ((a - b) << 8) >> 8;
    }
}
