package org.edm.sim;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistributionTest
{
    @Test
    void shouldTakeNearestRanksOfOneToAThousand()
    {
        final long[] values = new long[1000];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = values.length - i; // unsorted on purpose
        }
        final Distribution d = Distribution.ofLongs(values, values.length);

        assertThat(d.count()).isEqualTo(1000);
        assertThat(d.mean()).isEqualTo(500.5);
        assertThat(d.p50()).isEqualTo(500);
        assertThat(d.p99()).isEqualTo(990);
        assertThat(d.p999()).isEqualTo(999);
    }

    @Test
    void shouldTakeTheMaximumForHighPercentilesOfSmallSamples()
    {
        final Distribution ten = Distribution.ofLongs(new long[] { 5, 1, 9, 3, 7, 2, 8, 4, 6, 10 }, 10);
        final Distribution one = Distribution.ofDoubles(new double[] { 1.5 }, 1);
        final Distribution two = Distribution.ofDoubles(new double[] { 2.0, 1.0 }, 2);

        assertThat(ten.p50()).isEqualTo(5);
        assertThat(ten.p99()).isEqualTo(10);
        assertThat(ten.p999()).isEqualTo(10);
        assertThat(one.p50()).isEqualTo(1.5);
        assertThat(one.p999()).isEqualTo(1.5);
        assertThat(two.p50()).isEqualTo(1.0);
        assertThat(two.p99()).isEqualTo(2.0);
    }

    @Test
    void shouldHaveNoStatisticsForAnEmptySample()
    {
        assertThat(Distribution.ofLongs(new long[0], 0)).isSameAs(Distribution.EMPTY);
        assertThat(Distribution.ofDoubles(new double[4], 0).count()).isZero();
        assertThat(Distribution.EMPTY.scaled(0.64)).isSameAs(Distribution.EMPTY);
    }

    @Test
    void shouldScaleSlotsToNanoseconds()
    {
        final Distribution ns = Distribution.ofLongs(new long[] { 100, 200 }, 2).scaled(0.64);

        assertThat(ns.mean()).isEqualTo(150 * 0.64);
        assertThat(ns.p50()).isEqualTo(64.0);
        assertThat(ns.p999()).isEqualTo(128.0);
    }

    @Property
    void nearestRankIsTheSmallestValueWithAtLeastPPercentAtOrBelowIt(
        @ForAll @Size(min = 1, max = 300) final List<@IntRange(min = -50, max = 50) Integer> sample,
        @ForAll("perMille") final int perMille)
    {
        final long[] values = sample.stream().mapToLong(Integer::longValue).toArray();
        final long[] sorted = values.clone();
        Arrays.sort(sorted);
        final long percentile = sorted[Distribution.rankIndex(perMille, values.length)];

        final long atOrBelow = Arrays.stream(values).filter(v -> v <= percentile).count();
        final long below = Arrays.stream(values).filter(v -> v < percentile).count();
        // At least p % of the sample is <= the percentile, and less than p % is strictly below it.
        assertThat(atOrBelow * 1000).isGreaterThanOrEqualTo((long)perMille * values.length);
        assertThat(below * 1000).isLessThan((long)perMille * values.length);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> perMille()
    {
        return net.jqwik.api.Arbitraries.of(500, 990, 999, 1, 1000);
    }
}
