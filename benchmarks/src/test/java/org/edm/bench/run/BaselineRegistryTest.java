package org.edm.bench.run;

import org.edm.bench.baseline.StandardBaselines;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineRegistryTest
{
    @Test
    void shouldKnowEveryBaselineAndParseLists()
    {
        final BaselineRegistry registry = StandardBaselines.registry();

        assertThat(registry.names()).containsExactly("edm", "roce", "raw", "udp", "perftest");
        assertThat(registry.parse("edm, raw,edm")).containsExactly("edm", "raw");
        assertThatThrownBy(() -> registry.parse("edm,rdma")).hasMessageContaining("'rdma' is not a baseline")
            .hasMessageContaining("edm, roce, raw, udp, perftest");
        assertThatThrownBy(() -> registry.parse(" , ")).hasMessageContaining("--baseline: empty");
    }

    @Test
    void shouldSayWhyAPlaceholderCannotRunAndLetARegistrationReplaceIt()
    {
        final BaselineRegistry registry = StandardBaselines.registry();
        final BaselineSetup setup = new BaselineSetup(HostRoles.generatedRack(LoadSpec.unloaded()),
            new HostRoles(java.util.List.of("c0"), "m0", java.util.List.of(), null), Plans.SETTINGS, true, true, 1514);

        assertThat(registry.create("roce").unavailable(setup)).contains("not available yet");
        assertThat(registry.create("udp").unavailable(setup)).contains("one kernel per host");
        assertThat(registry.create("edm").unavailable(setup)).isNull();

        registry.register("roce", org.edm.bench.baseline.EdmBaseline::new);
        assertThat(registry.create("roce").unavailable(setup)).isNull();
    }
}
