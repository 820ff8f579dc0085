package org.edm.bench.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScalesTest
{
    private static List<String> labels(final Scale scale)
    {
        return scale.ticks().stream().map(Scale.Tick::label).toList();
    }

    @Test
    void shouldWidenALogDomainToTheNearestOneTwoFiveSteps()
    {
        final LogScale scale = LogScale.covering(new double[] {1.3, 42}, 0, 100);

        assertThat(scale.low()).isEqualTo(1);
        assertThat(scale.high()).isEqualTo(50);
        assertThat(labels(scale)).containsExactly("1", "2", "5", "10", "20", "50");
        assertThat(scale.pixel(1)).isEqualTo(0);
        assertThat(scale.pixel(50)).isCloseTo(100, within(1e-9));
        assertThat(scale.pixel(Math.sqrt(50))).isCloseTo(50, within(1e-9));
    }

    @Test
    void shouldTickOnlyDecadesWhenThereAreThreeOrMore()
    {
        assertThat(labels(LogScale.covering(new double[] {0.8, 700}, 0, 100)))
            .containsExactly("1", "10", "100", "1000");
        assertThat(labels(LogScale.covering(new double[] {0.05, 3000}, 0, 100)))
            .containsExactly("0.1", "1", "10", "100", "1000");
    }

    @Test
    void shouldGiveASingleValueAStepEitherSide()
    {
        final LogScale scale = LogScale.covering(new double[] {1000, 1000}, 0, 100);

        assertThat(scale.low()).isEqualTo(500);
        assertThat(scale.high()).isEqualTo(2000);
        assertThat(scale.pixel(1000)).isCloseTo(50, within(1e-9));
    }

    @Test
    void shouldPutZeroNegativeAndNaNAtTheLowEndAndHugeValuesAtTheHighEnd()
    {
        final LogScale scale = LogScale.covering(new double[] {0, -3, Double.NaN, 2, 5}, 10, 110);

        assertThat(scale.pixel(0)).isEqualTo(10);
        assertThat(scale.pixel(-1)).isEqualTo(10);
        assertThat(scale.pixel(Double.NaN)).isEqualTo(10);
        assertThat(scale.pixel(Double.POSITIVE_INFINITY)).isEqualTo(110);
    }

    @Test
    void shouldFallBackToOneDecadeWithoutPositiveValues()
    {
        final LogScale scale = LogScale.covering(new double[] {0, 0}, 0, 100);

        assertThat(scale.low()).isEqualTo(1);
        assertThat(scale.high()).isEqualTo(10);
        assertThat(scale.pixel(0)).isFinite();
    }

    @Test
    void shouldTickALinearDomainAtRoundSteps()
    {
        final LinearScale percent = LinearScale.covering(0, 100, 300, 0, "%");

        assertThat(labels(percent)).containsExactly("0%", "20%", "40%", "60%", "80%", "100%");
        assertThat(percent.pixel(50)).isEqualTo(150);
        assertThat(labels(LinearScale.covering(0, 400, 0, 100, ""))).containsExactly("0", "100", "200", "300", "400");
    }

    @Test
    void shouldGiveAnEmptyLinearDomainAWidth()
    {
        final LinearScale scale = LinearScale.covering(0, 0, 0, 100, "");

        assertThat(scale.ticks()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(scale.pixel(0)).isEqualTo(0);
        assertThat(scale.pixel(Double.NaN)).isFinite();
    }

    @Test
    void shouldSpaceCategoriesEvenlyInTheirMiddles()
    {
        final CategoryScale scale = new CategoryScale(List.of("unloaded", "incast-8"), 0, 100);

        assertThat(scale.pixel(0)).isEqualTo(25);
        assertThat(scale.pixel(1)).isEqualTo(75);
        assertThat(labels(scale)).containsExactly("unloaded", "incast-8");
    }

    @Test
    void shouldLabelWithAtMostThreeSignificantDigits()
    {
        assertThat(Scale.label(0.5)).isEqualTo("0.5");
        assertThat(Scale.label(0.30000000000000004)).isEqualTo("0.3");
        assertThat(Scale.label(1000)).isEqualTo("1000");
        assertThat(Scale.label(0)).isEqualTo("0");
    }
}
