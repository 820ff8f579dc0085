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
    void shouldSayWhyABaselineCannotRunAndLetARegistrationReplaceIt()
    {
        final BaselineRegistry registry = StandardBaselines.registry();
        final BaselineSetup inMemory = new BaselineSetup(HostRoles.generatedRack(LoadSpec.unloaded()),
            new HostRoles(java.util.List.of("c0"), "m0", java.util.List.of(), null), Plans.SETTINGS, true, true, 1514);
        final BaselineSetup labHost = new BaselineSetup(inMemory.rack(), inMemory.roles(), Plans.SETTINGS, false, false,
            1514);
        final BaselineSetup hugeBuffers = new BaselineSetup(inMemory.rack(), inMemory.roles(), Plans.SETTINGS, true,
            true, 1514, 4096, 1 << 23);

        assertThat(registry.create("roce").unavailable(inMemory)).isNull();
        assertThat(registry.create("roce").unavailable(labHost)).contains("needs both ends in this process");
        assertThat(registry.create("roce").unavailable(hugeBuffers)).contains("more than 1 GiB");
        assertThat(registry.create("udp").unavailable(inMemory)).contains("one kernel per host");
        assertThat(registry.create("edm").unavailable(inMemory)).isNull();
        assertThat(registry.create("perftest")).isInstanceOf(ExternalBaseline.class);

        registry.register("udp", org.edm.bench.baseline.EdmBaseline::new);
        assertThat(registry.create("udp").unavailable(inMemory)).isNull();
    }
}
