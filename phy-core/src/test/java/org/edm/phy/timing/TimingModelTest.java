package org.edm.phy.timing;

import org.edm.phy.mem.Framing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimingModelTest
{
    @Test
    void shouldUseTheBlockTimesOfBothLineRates()
    {
        assertThat(LinkSpeed.G25.blockNanos()).isEqualTo(2.56);
        assertThat(LinkSpeed.G25.blocksPerSecond()).isCloseTo(390.625e6, within(1.0));
        assertThat(LinkSpeed.G100.blockNanos()).isEqualTo(0.64);
    }

    @Test
    void shouldComposeComponentsIntoSlots()
    {
        final TimingModel at25 = TimingModel.calibrated(LinkSpeed.G25);
        // (2 x 17.92 + 10 + 5.12) / 2.56 = 19.9 -> 20; 28.16 / 2.56 = 11
        assertThat(at25.linkSlots()).isEqualTo(20);
        assertThat(at25.schedulerSlots()).isEqualTo(11);
        assertThat(at25.unloadedReadSlots(Framing.wire(7), 64)).isEqualTo(111);
        final TimingModel at100 = TimingModel.calibrated(LinkSpeed.G100);
        assertThat(at100.linkSlots()).isEqualTo(80);
        assertThat(at100.schedulerSlots()).isEqualTo(44);
    }

    @Test
    void shouldBeCalibratedToTheReadmeRead()
    {
        assertThat(TimingModel.HOST_PHY_NS).isCloseTo(15.28, within(1e-9));
        assertThat(TimingModel.calibrated(LinkSpeed.G25).unloadedReadNs(Framing.wire(7), 64))
            .isCloseTo(299.44, within(1e-9));
    }
}
