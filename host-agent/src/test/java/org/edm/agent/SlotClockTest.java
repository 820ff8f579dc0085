package org.edm.agent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SlotClockTest
{
    @Test
    void shouldCountSlotsOf64PayloadBitsAtTheLineRate()
    {
        final SlotClock at25 = new SlotClock(25, 1_000);
        assertThat(at25.slotNanos()).isCloseTo(2.56, within(1e-12));
        assertThat(at25.slotAt(1_000)).isZero();
        assertThat(at25.slotAt(1_000 + 2_560)).isEqualTo(1000);
        assertThat(new SlotClock(10, 0).slotNanos()).isCloseTo(6.4, within(1e-12));
        assertThat(new SlotClock(1, 0).slotAt(64_000)).isEqualTo(1000);
    }

    @Test
    void shouldRefuseRatesOutsideTheRangeNamingTheField()
    {
        assertThatThrownBy(() -> new SlotClock(0, 0)).hasMessageContaining("line rate=0");
        assertThatThrownBy(() -> new SlotClock(2000, 0)).hasMessageContaining("line rate=2000");
    }
}
