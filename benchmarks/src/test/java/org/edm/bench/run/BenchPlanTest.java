package org.edm.bench.run;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchPlanTest
{
    @Test
    void shouldNameTheFieldOfABadValue()
    {
        assertThatThrownBy(() -> plan(List.of(0), 10, 1)).hasMessageContaining("--size=0");
        assertThatThrownBy(() -> plan(List.of(16_777_216), 10, 1)).hasMessageContaining("--size=16777216");
        assertThatThrownBy(() -> plan(List.of(8), 0, 1)).hasMessageContaining("--iters=0");
        assertThatThrownBy(() -> plan(List.of(8), 10, 0)).hasMessageContaining("--tx-depth=0");
    }

    @Test
    void shouldSweepPerftestsSizes()
    {
        assertThat(BenchPlan.sweepSizes()).hasSize(23).startsWith(2, 4, 8).endsWith(1 << 23);
    }

    @Test
    void shouldWarmUpATenthAtLeastTwiceTheDepth()
    {
        assertThat(BenchPlan.defaultWarmup(1000, 1)).isEqualTo(100);
        assertThat(BenchPlan.defaultWarmup(100, 1)).isEqualTo(16);
        assertThat(BenchPlan.defaultWarmup(5000, 128)).isEqualTo(500);
        assertThat(BenchPlan.defaultWarmup(1000, 128)).isEqualTo(256);
        assertThat(BenchPlan.defaultWarmup(1_000_000, 1)).isEqualTo(1000);
    }

    private static BenchPlan plan(final List<Integer> sizes, final long iterations, final int depth)
    {
        return new BenchPlan(BenchTest.READ_BW, sizes, false, iterations, 0, 0, 0, depth, 0, LoadSpec.unloaded(),
            List.of("edm"), RackChoice.generated(), Plans.SETTINGS, Plans.OPTIONS, 1, 10);
    }
}
