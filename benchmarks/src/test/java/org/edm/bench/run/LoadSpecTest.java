package org.edm.bench.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoadSpecTest
{
    @Test
    void shouldParseEveryLoadAndNameIt()
    {
        final LoadSpec load = LoadSpec.parse("incast=8, bulk-writes=3,frames=25%").withReadRatio(0.7);

        assertThat(load.incastClients()).isEqualTo(8);
        assertThat(load.bulkWriters()).isEqualTo(3);
        assertThat(load.frameShare()).isEqualTo(0.25);
        assertThat(load.label()).isEqualTo("incast-8+bulk-writes-3x65536B+frames-25%+reads-70%");
        assertThat(load.isUnloaded()).isFalse();
    }

    @Test
    void shouldTakeDefaultsForBareNames()
    {
        final LoadSpec load = LoadSpec.parse("bulk-writes,frames");

        assertThat(load.bulkWriters()).isEqualTo(LoadSpec.DEFAULT_BULK_WRITERS);
        assertThat(load.frameShare()).isEqualTo(LoadSpec.DEFAULT_FRAME_SHARE);
        assertThat(load.incastClients()).isEqualTo(1);
    }

    @Test
    void shouldBeUnloadedByDefault()
    {
        assertThat(LoadSpec.parse(null).isUnloaded()).isTrue();
        assertThat(LoadSpec.parse("none").label()).isEqualTo("unloaded");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "incast=x|incast=x is not a whole number",
        "incast=0|incast=0 outside",
        "frames=2|frames=2.0 outside [0, 1]",
        "frames=lots|frames=lots is not a share",
        "storm|'storm' is not a load" })
    void shouldNameWhatIsWrong(final String text, final String message)
    {
        assertThatThrownBy(() -> LoadSpec.parse(text)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseARatioOutsideZeroToOne()
    {
        assertThatThrownBy(() -> LoadSpec.unloaded().withReadRatio(1.5)).hasMessageContaining("--read-ratio=1.5");
        assertThatThrownBy(() -> LoadSpec.unloaded().withFrameSize(59)).hasMessageContaining("--frame-size=59");
    }
}
