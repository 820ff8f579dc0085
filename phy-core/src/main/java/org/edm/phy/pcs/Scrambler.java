package org.edm.phy.pcs;

/**
 * The clause 49 self-synchronizing scrambler, polynomial x^58 + x^39 + 1 (IEEE 802.3 49.2.6), applied to the 64
 * payload bits of each block; the sync header is never scrambled. Optional: nothing in the PCS scrambles unless a
 * caller puts this stage after the {@link BlockEncoder}, and the EDM prototype runs with it disabled by default.
 * <p>
 * Bit-serially, each scrambled bit is {@code out = in ^ out[-39] ^ out[-58]}, where {@code out[-k]} is the scrambled
 * bit sent k bits earlier; payload bit 0 goes first. This class does 64 bits at once. With {@code P} the previous
 * scrambled payload and {@code d} the input:
 * <pre>
 *   o1 = d ^ (P &gt;&gt;&gt; 6) ^ (P &gt;&gt;&gt; 25)        bits 0..57 get out[-58] and bits 0..38 get out[-39] from P
 *   o  = o1 ^ (o1 &lt;&lt; 39) ^ (o1 &lt;&lt; 58)      the taps that land inside this word; they only read bits 0..24,
 *                                         which o1 already holds final, so one step solves the recurrence
 * </pre>
 * <b>State.</b> The scrambler's state is the last 58 scrambled bits, oldest in bit 0 and newest in bit 57 (so it is
 * {@code P >>> 6}). Hardware powers up with all ones ({@link #POWER_UP_STATE}). The state can be set for tests and
 * tools; the descrambler does not need to know it, since it synchronises itself within 58 bits.
 * <pre>
 *   state bit:   0 ............................ 19 ....................................... 57
 *                out[-58] (oldest)              out[-39]                                   out[-1] (newest)
 * </pre>
 * Data path rules: no allocation, no exceptions (except the control-plane {@link #state(long)} check), not
 * thread-safe.
 */
public final class Scrambler
{
    /** Mask of the 58 state bits. */
    public static final long STATE_MASK = (1L << 58) - 1;

    /** The state after power-up: all ones. */
    public static final long POWER_UP_STATE = STATE_MASK;

    private long previous;

    /** A scrambler in the power-up state. */
    public Scrambler()
    {
        this(POWER_UP_STATE);
    }

    /** A scrambler in state {@code state} (58 bits, see the class comment). */
    public Scrambler(final long state)
    {
        state(state);
    }

    /**
     * Sets the state: the last 58 scrambled bits, oldest in bit 0.
     *
     * @throws IllegalArgumentException when {@code state} has bits above bit 57.
     */
    public void state(final long state)
    {
        previous = checkedState(state) << 6;
    }

    /** The current state: the last 58 scrambled bits, oldest in bit 0. */
    public long state()
    {
        return previous >>> 6;
    }

    /** Scrambles one payload. */
    public long scramble(final long payload)
    {
        final long p = previous;
        final long o1 = payload ^ (p >>> 6) ^ (p >>> 25);
        final long scrambled = o1 ^ (o1 << 39) ^ (o1 << 58);
        previous = scrambled;
        return scrambled;
    }

    /** Scrambles {@code payloads[from..to)} in place. */
    public void scramble(final long[] payloads, final int from, final int to)
    {
        long p = previous;
        for (int i = from; i < to; i++)
        {
            final long o1 = payloads[i] ^ (p >>> 6) ^ (p >>> 25);
            p = o1 ^ (o1 << 39) ^ (o1 << 58);
            payloads[i] = p;
        }
        previous = p;
    }

    /** Scrambles the payloads of every block in {@code buffer} in place; sync headers stay as they are. */
    public void scramble(final BlockBuffer buffer)
    {
        scramble(buffer.payloads(), 0, buffer.size());
    }

    static long checkedState(final long state)
    {
        if ((state & ~STATE_MASK) != 0)
        {
            throw new IllegalArgumentException(
                "state=0x" + Long.toHexString(state) + " has bits above bit 57 (max 0x" +
                Long.toHexString(STATE_MASK) + ")");
        }
        return state;
    }
}
