package org.edm.nativeio.rack;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalRackLayoutTest
{
    @Test
    void shouldDeriveStableNamesMacsAndNodeIds()
    {
        final RackDescription rack = LocalRackLayout.describe("r0", 2, RackDescription.State.UP).validate();
        assertThat(rack).isEqualTo(LocalRackLayout.describe("r0", 2, RackDescription.State.UP));
        final RackDescription.Host h1 = rack.host("h1");
        assertThat(h1.namespace()).isEqualTo("edm-r0-h1");
        assertThat(h1.interfaceName()).isEqualTo("edm0");
        assertThat(h1.nodeId()).isEqualTo(2);
        assertThat(h1.mac()).startsWith("02:ed:").endsWith(":00:01");
        assertThat(rack.switchPortOf("h1").interfaceName()).isEqualTo("swp1");
        assertThat(rack.switchPortOf("h1").mac()).endsWith(":01:01");
        assertThat(rack.fabric().namespace()).isEqualTo("edm-r0-sw");
        assertThat(LocalRackLayout.mac("r1", 0, 0)).isNotEqualTo(LocalRackLayout.mac("r0", 0, 0));
    }

    @Test
    void shouldKeepInterfaceNamesWithinIfnamsizForTheLargestRack()
    {
        final RackDescription rack = LocalRackLayout.describe("abcdefghijkl", LocalRackLayout.MAX_HOSTS,
            RackDescription.State.UP).validate();
        assertThat(rack.fabric().ports().getLast().interfaceName()).isEqualTo("swp255").hasSizeLessThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "R0", "0r", "rack-1", "abcdefghijklm", "a/b" })
    void shouldRejectBadRackNames(final String name)
    {
        assertThatThrownBy(() -> LocalRackLayout.checkName(name)).hasMessageContaining("rack name");
    }

    @Test
    void shouldRejectTooManyHosts()
    {
        assertThatThrownBy(() -> LocalRackLayout.describe("r0", 257, RackDescription.State.UP))
            .hasMessageContaining("--hosts 257");
    }
}
