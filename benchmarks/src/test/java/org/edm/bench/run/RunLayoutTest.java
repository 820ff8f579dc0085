package org.edm.bench.run;

import org.edm.nativeio.rack.LocalRackLayout;
import org.edm.nativeio.rack.RackDescription;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who does what, the partitions, and which sizes a run carries (said when -a skips some, refused for -s). */
class RunLayoutTest
{
    @Test
    void shouldBuildARackWithTheHostsTheLoadNeeds()
    {
        final LoadSpec load = LoadSpec.parse("incast=3,bulk-writes=2,frames");
        final RunLayout layout = RunLayout.of(plan(List.of(64), false, load, RackChoice.generated()), notes());

        assertThat(layout.roles().clients()).containsExactly("c0", "c1", "c2");
        assertThat(layout.roles().memory()).isEqualTo("m0");
        assertThat(layout.roles().bulkWriters()).containsExactly("b0", "b1");
        assertThat(layout.roles().frameHost()).isEqualTo("f0");
        assertThat(layout.rack().hosts()).hasSize(7);
        assertThat(layout.rack().host("m0").role()).isEqualTo(RackDescription.Role.MEMORY);
        assertThat(layout.span()).isEqualTo((4 << 20) / 5 / 64 * 64);
        assertThat(layout.base(4)).isEqualTo(4 * layout.span());
    }

    @Test
    void shouldSkipTheSweepsSizesTheRegionCannotHoldAndSaySo()
    {
        final List<String> notes = new ArrayList<>();
        final RunLayout layout = RunLayout.of(plan(BenchPlan.sweepSizes(), true, LoadSpec.unloaded(),
            RackChoice.generated()), notes::add);

        assertThat(layout.sizes().getFirst()).isEqualTo(2);
        assertThat(layout.sizes().getLast()).isEqualTo(4 << 20);
        assertThat(notes).singleElement().asString().contains("8388608").contains("skipped")
            .contains("edm.memory.region.bytes");
    }

    @Test
    void shouldRefuseAnExplicitSizeTheRegionCannotHold()
    {
        assertThatThrownBy(() -> RunLayout.of(plan(List.of(8 << 20), false, LoadSpec.parse("incast=2"),
            RackChoice.generated()), notes()))
            .hasMessageContaining("--size=8388608").hasMessageContaining("2097152 bytes");
    }

    @Test
    void shouldAssignRolesOnARackFileAndSayWhenItHasTooFewHosts()
    {
        final RackDescription rack = LocalRackLayout.describe("r9", 3, RackDescription.State.UP);
        final RunLayout layout = RunLayout.of(plan(List.of(8), false, LoadSpec.parse("incast=2"),
            new RackChoice(rack, "r9.yaml", true, null, null)), notes());

        assertThat(layout.roles().memory()).isEqualTo("h2");
        assertThat(layout.roles().clients()).containsExactly("h0", "h1");
        assertThat(layout.rack().host("h0").role()).isEqualTo(RackDescription.Role.COMPUTE);
        assertThatThrownBy(() -> RunLayout.of(plan(List.of(8), false, LoadSpec.parse("incast=2,bulk-writes=2"),
            new RackChoice(rack, "r9.yaml", true, null, null)), notes()))
            .hasMessageContaining("rack 'r9' has 2 host(s)").hasMessageContaining("needs 4")
            .hasMessageContaining("edm rack up --hosts 5");
    }

    @Test
    void shouldRefuseLoadsOnALabHost()
    {
        final RackDescription rack = LocalRackLayout.describe("r9", 3, RackDescription.State.UP);
        assertThatThrownBy(() -> RunLayout.of(plan(List.of(8), false, LoadSpec.parse("incast=2"),
            new RackChoice(rack, "r9.yaml", false, "h0", null)), notes()))
            .hasMessageContaining("--load needs the whole rack");
    }

    private static BenchPlan plan(
        final List<Integer> sizes, final boolean all, final LoadSpec load, final RackChoice rack)
    {
        return new BenchPlan(BenchTest.READ_LAT, sizes, all, 10, 0, 0, 0, 1, 0, load, List.of("edm"), rack,
            Plans.SETTINGS, Plans.OPTIONS, 1, 10);
    }

    private static java.util.function.Consumer<String> notes()
    {
        return line -> { };
    }
}
