package org.edm.phy.pcs;

/**
 * The clause 49 self-synchronizing descrambler, x^58 + x^39 + 1 (IEEE 802.3 49.2.10), the inverse of
 * {@link Scrambler}: bit-serially {@code out = in ^ in[-39] ^ in[-58]}, where {@code in[-k]} is the scrambled bit
 * received k bits earlier. It needs no agreement on the state: output is right from the 59th received bit on, whatever
 * the state was. Word-parallel, with {@code P} the previous received (scrambled) payload and {@code o} this one:
 * <pre>
 *   d = o ^ (o &lt;&lt; 39) ^ (o &lt;&lt; 58) ^ (P &gt;&gt;&gt; 25) ^ (P &gt;&gt;&gt; 6)
 * </pre>
 * The state has the same meaning as the scrambler's: the last 58 scrambled bits, oldest in bit 0, all ones at
 * power-up. Data path rules as for the scrambler.
 */
public final class Descrambler
{
    private long previous;

    /** A descrambler in the power-up state (all ones). */
    public Descrambler()
    {
        this(Scrambler.POWER_UP_STATE);
    }

    /** A descrambler in state {@code state} (58 bits, see {@link Scrambler}). */
    public Descrambler(final long state)
    {
        state(state);
    }

    /**
     * Sets the state: the last 58 scrambled bits received, oldest in bit 0.
     *
     * @throws IllegalArgumentException when {@code state} has bits above bit 57.
     */
    public void state(final long state)
    {
        previous = Scrambler.checkedState(state) << 6;
    }

    /** The current state: the last 58 scrambled bits received, oldest in bit 0. */
    public long state()
    {
        return previous >>> 6;
    }

    /** Descrambles one received payload. */
    public long descramble(final long scrambled)
    {
        final long p = previous;
        previous = scrambled;
        return scrambled ^ (scrambled << 39) ^ (scrambled << 58) ^ (p >>> 25) ^ (p >>> 6);
    }

    /** Descrambles {@code payloads[from..to)} in place. */
    public void descramble(final long[] payloads, final int from, final int to)
    {
        long p = previous;
        for (int i = from; i < to; i++)
        {
            final long o = payloads[i];
            payloads[i] = o ^ (o << 39) ^ (o << 58) ^ (p >>> 25) ^ (p >>> 6);
            p = o;
        }
        previous = p;
    }

    /** Descrambles the payloads of every block in {@code buffer} in place; sync headers stay as they are. */
    public void descramble(final BlockBuffer buffer)
    {
        descramble(buffer.payloads(), 0, buffer.size());
    }
}
