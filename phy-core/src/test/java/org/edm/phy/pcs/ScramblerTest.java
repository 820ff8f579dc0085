package org.edm.phy.pcs;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The x^58 + x^39 + 1 scrambler and descrambler against the bit-serial definition of IEEE 802.3 figure 49-8. */
class ScramblerTest
{
    private static final long MAX_STATE = (1L << 58) - 1;

    /**
     * The definition, one bit at a time: a 58-bit shift register of the scrambled bits sent, oldest in bit 0;
     * {@code out = in ^ out[-39] ^ out[-58]}, payload bit 0 first.
     */
    static final class SerialScrambler
    {
        long register;

        SerialScrambler(final long state)
        {
            register = state;
        }

        long scramble(final long payload)
        {
            long out = 0;
            for (int bit = 0; bit < 64; bit++)
            {
                final long s = ((payload >>> bit) ^ (register >>> 19) ^ register) & 1;
                register = (register >>> 1) | (s << 57);
                out |= s << bit;
            }
            return out;
        }

        /** {@code out = in ^ in[-39] ^ in[-58]}, the register holding received (scrambled) bits. */
        long descramble(final long scrambled)
        {
            long out = 0;
            for (int bit = 0; bit < 64; bit++)
            {
                final long in = (scrambled >>> bit) & 1;
                out |= ((in ^ (register >>> 19) ^ register) & 1) << bit;
                register = (register >>> 1) | (in << 57);
            }
            return out;
        }
    }

    @Test
    void shouldScrambleZerosFromThePowerUpStateAsWorkedOutByHand()
    {
        // all-ones history: bits 0..38 see out[-39] = out[-58] = 1 -> 0; bits 39..57 see out[-39] = 0 (bits 0..18 of
        // this word) and out[-58] = 1 -> 1; bits 58..63 see two zeros from this word -> 0
        final Scrambler scrambler = new Scrambler();

        assertThat(scrambler.state()).isEqualTo(MAX_STATE);
        assertThat(scrambler.scramble(0L)).isEqualTo(0x03FFFF8000000000L);
        assertThat(new SerialScrambler(MAX_STATE).scramble(0L)).isEqualTo(0x03FFFF8000000000L);
    }

    @Property
    void shouldMatchTheBitSerialDefinition(
        @ForAll @LongRange(min = 0, max = MAX_STATE) final long state, @ForAll @Size(max = 20) final List<Long> words)
    {
        final Scrambler parallel = new Scrambler(state);
        final SerialScrambler serial = new SerialScrambler(state);
        final Descrambler parallelDescrambler = new Descrambler(state);
        final SerialScrambler serialDescrambler = new SerialScrambler(state);

        for (final long word : words)
        {
            final long scrambled = parallel.scramble(word);
            assertThat(scrambled).isEqualTo(serial.scramble(word));
            assertThat(parallel.state()).isEqualTo(serial.register);
            assertThat(parallelDescrambler.descramble(scrambled)).isEqualTo(serialDescrambler.descramble(scrambled));
            assertThat(parallelDescrambler.state()).isEqualTo(serialDescrambler.register);
        }
    }

    @Property
    void shouldDescrambleWhatWasScrambled(
        @ForAll @LongRange(min = 0, max = MAX_STATE) final long state, @ForAll @Size(max = 30) final List<Long> words)
    {
        final Scrambler scrambler = new Scrambler(state);
        final Descrambler descrambler = new Descrambler(state);

        for (final long word : words)
        {
            assertThat(descrambler.descramble(scrambler.scramble(word))).isEqualTo(word);
        }
    }

    @Property
    void shouldSynchroniseItselfWithin58BitsFromAWrongState(
        @ForAll @LongRange(min = 0, max = MAX_STATE) final long state,
        @ForAll @LongRange(min = 0, max = MAX_STATE) final long wrongState,
        @ForAll @Size(min = 1, max = 10) final List<Long> words)
    {
        final Scrambler scrambler = new Scrambler(state);
        final Descrambler descrambler = new Descrambler(wrongState);
        final long firstWrongBits = firstWordError(state, wrongState, words.getFirst());

        for (int i = 0; i < words.size(); i++)
        {
            final long recovered = descrambler.descramble(scrambler.scramble(words.get(i)));
            final long error = recovered ^ words.get(i);
            if (i == 0)
            {
                // bits 58..63 depend on this word only; bits 0..57 carry the state difference
                assertThat(error >>> 58).isZero();
                assertThat(error).isEqualTo(firstWrongBits);
            }
            else
            {
                assertThat(error).as("word %d", i).isZero();
            }
        }
        // with different states the first 58 bits do go wrong: the property is not vacuous
        assertThat(firstWrongBits != 0).isEqualTo(state != wrongState);
    }

    /** Which bits of the first word a descrambler in {@code wrongState} gets wrong: the state taps' difference. */
    private static long firstWordError(final long state, final long wrongState, final long word)
    {
        final long p = (state ^ wrongState) << 6;
        return (p >>> 25) ^ (p >>> 6);
    }

    @Test
    void shouldScrambleBuffersInPlaceExactlyAsWordByWord()
    {
        final BlockBuffer buffer = new BlockBuffer(100);
        final long[] expected = new long[100];
        final Scrambler single = new Scrambler(0x123456789ABCDEFL);
        for (int i = 0; i < 100; i++)
        {
            final long payload = i % 3 == 0 ? Block.IDLE_PAYLOAD : i * 0x9E3779B97F4A7C15L;
            buffer.add(i % 3 == 0 ? Block.SYNC_CONTROL : Block.SYNC_DATA, payload);
            expected[i] = single.scramble(payload);
        }
        final Scrambler bulk = new Scrambler(0x123456789ABCDEFL);

        bulk.scramble(buffer);

        for (int i = 0; i < 100; i++)
        {
            assertThat(buffer.payload(i)).isEqualTo(expected[i]);
            assertThat(buffer.sync(i)).as("sync headers are not scrambled").isEqualTo(
                i % 3 == 0 ? Block.SYNC_CONTROL : Block.SYNC_DATA);
        }
        assertThat(bulk.state()).isEqualTo(single.state());

        final Descrambler descrambler = new Descrambler(0x123456789ABCDEFL);
        descrambler.descramble(buffer);
        for (int i = 0; i < 100; i++)
        {
            assertThat(buffer.payload(i)).isEqualTo(i % 3 == 0 ? Block.IDLE_PAYLOAD : i * 0x9E3779B97F4A7C15L);
        }
    }

    @Test
    void shouldWhitenAnIdleStream()
    {
        final Scrambler scrambler = new Scrambler();
        final long first = scrambler.scramble(Block.IDLE_PAYLOAD);
        final long second = scrambler.scramble(Block.IDLE_PAYLOAD);

        assertThat(first).isNotEqualTo(Block.IDLE_PAYLOAD);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldSetAndReadTheStateAndRejectMoreThan58Bits()
    {
        final Scrambler scrambler = new Scrambler();
        scrambler.state(0x2AAAAAAAAAAAAAAL);
        assertThat(scrambler.state()).isEqualTo(0x2AAAAAAAAAAAAAAL);
        final Descrambler descrambler = new Descrambler(0L);
        assertThat(descrambler.state()).isZero();

        assertThatThrownBy(() -> scrambler.state(1L << 58)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("bit 57");
        assertThatThrownBy(() -> new Descrambler(-1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
