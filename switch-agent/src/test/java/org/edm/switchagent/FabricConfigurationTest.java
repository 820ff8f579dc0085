package org.edm.switchagent;

import org.edm.agent.config.ConfigKey;
import org.edm.agent.config.Configuration;
import org.edm.nativeio.rack.RackDescription;
import org.edm.agent.config.ConfigurationException;
import org.edm.phy.sched.MatcherKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FabricConfigurationTest
{
    private static List<ConfigKey<?>> keys()
    {
        final List<ConfigKey<?>> keys = new ArrayList<>(FabricConfiguration.KEYS);
        keys.addAll(SwitchConfiguration.KEYS);
        return keys;
    }

    @Test
    void shouldMatchTheProgrammaticDefaults()
    {
        final FabricSettings fromKeys = FabricConfiguration.settings(new Configuration(keys()));
        assertThat(fromKeys).isEqualTo(FabricSettings.defaults());
    }

    @Test
    void shouldScaleTheAutomaticReleaseThresholdWithTheLineRate()
    {
        final Configuration config = new Configuration(keys()).flag(FabricConfiguration.LINE_RATE_GBPS, "25", "--x");
        assertThat(FabricConfiguration.settings(config).releaseBytes()).isEqualTo(FabricSettings.bandwidthDelayBytes(25));
        config.flag(FabricConfiguration.RELEASE_BYTES, "4096", "--x");
        assertThat(FabricConfiguration.settings(config).releaseBytes()).isEqualTo(4096);
    }

    @Test
    void shouldBuildTheSettingsTheKeysDescribe()
    {
        final Configuration config = new Configuration(keys())
            .flag("edm.fabric.framing", "wire-8", "--x")
            .flag("edm.fabric.matcher", "islip", "--x")
            .flag("edm.memory.region.bytes", "1m", "--x")
            .flag("edm.memory.huge.pages", "false", "--x")
            .flag("edm.fabric.timeout.us", "1000", "--x");
        final FabricSettings settings = FabricConfiguration.settings(config);
        assertThat(settings.framing().name()).isEqualTo("wire-8");
        assertThat(settings.matcher()).isEqualTo(MatcherKind.ISLIP);
        assertThat(settings.regionBytes()).isEqualTo(1L << 20);
        assertThat(settings.hugePages()).isFalse();
        assertThat(settings.timeoutMicros()).isEqualTo(1000);
        assertThat(FabricConfiguration.describe(settings)).contains("line rate 10 Gb/s per port, framing wire-8")
            .endsWith(", carrier hold 50 us");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "edm.fabric.line.rate.gbps         | 0      | outside (0, 400]",
        "edm.fabric.line.rate.gbps         | 400.5  | outside (0, 400]",
        "edm.fabric.line.rate.gbps         | fast   | is not a number; allowed (0, 400]",
        "edm.fabric.framing                | netsim | is not one of wire-7, wire-8",
        "edm.fabric.chunk.bytes            | 13     | outside [14, 65535]",
        "edm.fabric.chunk.bytes            | 65536  | outside [14, 65535]",
        "edm.fabric.release.bytes          | -1     | outside [0, 1048576]",
        "edm.fabric.release.bytes          | manual | is not a whole number",
        "edm.fabric.max.chunks.per.message | 0      | outside [1, 64]",
        "edm.fabric.max.chunks.per.message | 65     | outside [1, 64]",
        "edm.fabric.matcher                | random | is not one of greedy, pim, islip",
        "edm.fabric.host.order             | fifo   | is not one of netsim, rtl, srpt",
        "edm.fabric.timeout.us             | 0      | outside [1, 60000000]",
        "edm.memory.region.bytes           | 3g     | outside [0, 2147483647]",
        "edm.memory.region.bytes           | -1     | outside [0, 2147483647]",
        "edm.memory.region.key             | -5     | outside [0, 2147483647]",
        "edm.memory.huge.pages             | maybe  | is not true or false",
        "edm.switch.idle                   | sleep  | is not an idle strategy",
        "edm.switch.cpu                    | -3     | outside [-1, 1023]",
        "edm.switch.max.slots.per.cycle    | 0      | outside [1, 1048576]",
        "edm.switch.l2.queue.frames        | 0      | outside [1, 4096]",
        "edm.switch.l2.queue.frames        | 4097   | outside [1, 4096]",
        "edm.fabric.carrier.hold.us        | -1     | outside [0, 10000]",
        "edm.fabric.carrier.hold.us        | 10001  | outside [0, 10000]",
    })
    void shouldNameTheKeyTheValueAndTheAllowedRange(final String key, final String value, final String problem)
    {
        final Configuration config = new Configuration(keys()).flag(key, value, "--set");
        assertThatThrownBy(() -> config.check(keys())).isInstanceOf(ConfigurationException.class)
            .hasMessageStartingWith(key + "=" + value + " ").hasMessageContaining(problem);
    }

    @Test
    void shouldGiveTheSwitchTheConfiguredL2EgressQueue()
    {
        final Configuration config = new Configuration(keys()).flag(SwitchConfiguration.L2_QUEUE_FRAMES, "7", "--x");
        final AgentLimits limits = AgentLimits.of(config);
        assertThat(limits.switchL2QueueFrames()).isEqualTo(7);
        try (LocalFabric fabric = LocalFabric.inMemory(TestRacks.rack("q", RackDescription.Role.COMPUTE,
            RackDescription.Role.MEMORY), FabricSettings.defaults().withRegionBytes(4096),
            FabricOptions.defaults().withLimits(limits), line -> { }))
        {
            assertThat(fabric.switchAgent().ports().l2().config().queueFrames()).isEqualTo(7);
        }
        assertThat(AgentLimits.defaults().switchL2QueueFrames()).isEqualTo(64);
    }

    @Test
    void shouldGiveOnlyTheSwitchEndOfEachCableTheCarrierHoldInSlotsOfTheLineRate()
    {
        final Configuration config = new Configuration(keys()).flag(FabricConfiguration.LINE_RATE_GBPS, "0.1", "--x")
            .flag(FabricConfiguration.CARRIER_HOLD_US, "32", "--x");
        final FabricSettings settings = FabricConfiguration.settings(config).withRegionBytes(4096);
        assertThat(settings.carrierHoldSlots()).as("32 us of 640 ns slots").isEqualTo(50);
        try (LocalFabric fabric = LocalFabric.inMemory(TestRacks.rack("h", RackDescription.Role.COMPUTE,
            RackDescription.Role.MEMORY), settings, FabricOptions.defaults(), line -> { }))
        {
            assertThat(fabric.switchAgent().link(0).holdSlots()).isEqualTo(50);
            assertThat(fabric.switchAgent().link(1).holdSlots()).isEqualTo(50);
            for (final org.edm.host.HostAgent host : fabric.hosts().values())
            {
                assertThat(host.link().holdSlots()).as("a host uplink never holds").isZero();
            }
        }
        assertThat(FabricSettings.defaults().withCarrierHoldMicros(0).carrierHoldSlots()).isZero();
        assertThat(FabricSettings.defaults().carrierHoldSlots()).as("50 us at 10 Gb/s").isEqualTo(7813);
    }

    @Test
    void shouldCheckTheChunkAgainstTheFraming()
    {
        final Configuration config = new Configuration(keys()).flag("edm.fabric.framing", "wire-8", "--x")
            .flag("edm.fabric.chunk.bytes", "15", "--x");
        assertThatThrownBy(() -> FabricConfiguration.settings(config)).isInstanceOf(ConfigurationException.class)
            .hasMessage("edm.fabric.chunk.bytes=15 outside [16, 65535] (two blocks of framing wire-8)");
    }
}
