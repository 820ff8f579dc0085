package org.edm.sim;

import org.edm.phy.timing.LinkSpeed;
import org.edm.phy.host.HostOrder;
import org.edm.phy.sched.MatcherKind;

import org.edm.phy.mem.Framing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimConfigTest
{
    private static final Path TRACE = Path.of("trace.csv");

    private static SimConfig.Builder traceRun()
    {
        return SimConfig.builder().trace(TRACE).hosts(144);
    }

    @Test
    void shouldApplyTheDocumentedDefaults()
    {
        final SimConfig config = traceRun().build();

        assertThat(config.trace()).isEqualTo(TRACE);
        assertThat(config.generator()).isNull();
        assertThat(config.netsimCompat()).isFalse();
        assertThat(config.speed()).isEqualTo(LinkSpeed.G100);
        assertThat(config.slotNanos()).isEqualTo(0.64);
        assertThat(config.propagationNanos()).isEqualTo(10);
        assertThat(config.propagationSlots()).isEqualTo(16);
        assertThat(config.chunkBytes()).isEqualTo(256);
        // one bandwidth-delay product of the calibrated 100G link: 2 x 80 slots x 7 bytes
        assertThat(config.releaseBytes()).isEqualTo(1120);
        assertThat(config.framing()).isSameAs(Framing.wire(7));
        assertThat(config.blockBytes()).isEqualTo(7);
        assertThat(config.hostOrder()).isEqualTo(HostOrder.NETSIM);
        assertThat(config.matcher()).isEqualTo(MatcherKind.GREEDY);
        assertThat(config.pimIterations()).isEqualTo(4);
        assertThat(config.maxChunksPerMessage()).isEqualTo(1);
        assertThat(config.netSwitchDelaySlots()).isEqualTo(781);
        assertThat(config.seed()).isZero();
        assertThat(config.maxSlots()).isEqualTo(10_000_000_000L);
        assertThat(config.termination()).isEqualTo(Termination.COMPLETION);
        assertThat(config.scoring()).isEqualTo(ScoringMode.END_TO_END);
    }

    @Test
    void shouldApplyTheNetsimPreset()
    {
        final SimConfig config = traceRun().netsimCompat(true).build();

        assertThat(config.framing()).isSameAs(Framing.netsim());
        assertThat(config.blockBytes()).isEqualTo(8);
        assertThat(config.propagationSlots()).isEqualTo(16);
        assertThat(config.termination()).isEqualTo(Termination.ALL_STARTED);
        assertThat(config.scoring()).isEqualTo(ScoringMode.NETSIM);
        assertThat(config.idealFct().toString()).isEqualTo(IdealFct.NETSIM.toString());
    }

    @Test
    void shouldAcceptExplicitOptionsThatAgreeWithThePreset()
    {
        final SimConfig config = traceRun().netsimCompat(true).speed(LinkSpeed.G100).propagationNanos(10.0)
            .chunkBytes(256).releaseBytes(256).blockBytes(8).hostOrder(HostOrder.NETSIM)
            .matcher(MatcherKind.GREEDY).maxChunksPerMessage(1).netSwitchDelayNanos(500.0).build();

        assertThat(config.netsimCompat()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "speed      | --speed=25G contradicts --netsim-compat, which sets --speed=100G",
        "prop       | --propagation-ns=20 contradicts --netsim-compat, which sets --propagation-ns=10",
        "chunk      | --chunk-bytes=512 contradicts --netsim-compat, which sets --chunk-bytes=256",
        "release    | --release-bytes=128 contradicts --netsim-compat, which sets --release-bytes=256",
        "block      | --block-bytes=7 contradicts --netsim-compat, which sets --block-bytes=8",
        "order      | --host-order=rtl contradicts --netsim-compat, which sets --host-order=netsim",
        "matcher    | --matcher=pim contradicts --netsim-compat, which sets --matcher=greedy",
        "chunks     | --max-chunks-per-message=2 contradicts --netsim-compat, which sets --max-chunks-per-message=1",
        "netdelay   | --net-switch-delay-ns=0 contradicts --netsim-compat, which sets --net-switch-delay-ns=500",
    })
    void shouldRejectOptionsContradictingThePresetNamingBoth(final String option, final String message)
    {
        final UnaryOperator<SimConfig.Builder> set = switch (option)
        {
            case "speed" -> b -> b.speed(LinkSpeed.G25);
            case "prop" -> b -> b.propagationNanos(20.0);
            case "chunk" -> b -> b.chunkBytes(512);
            case "release" -> b -> b.releaseBytes(128);
            case "block" -> b -> b.blockBytes(7);
            case "order" -> b -> b.hostOrder(HostOrder.RTL);
            case "matcher" -> b -> b.matcher(MatcherKind.PIM);
            case "chunks" -> b -> b.maxChunksPerMessage(2);
            default -> b -> b.netSwitchDelayNanos(0.0);
        };

        assertThatThrownBy(() -> set.apply(traceRun().netsimCompat(true)).check())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "prop-neg   | --propagation-ns=-1 is out of range [0, 1000000]",
        "chunk-low  | --chunk-bytes=4 is out of range [8, 1048576]",
        "chunk-high | --chunk-bytes=2000000 is out of range [8, 1048576]",
        "release    | --release-bytes=-1 is out of range [0, 1048576]",
        "block      | --block-bytes=9 is not one of 7, 8",
        "pim        | --pim-iterations=0 is out of range [1, 64]",
        "chunks     | --max-chunks-per-message=0 is out of range [1, 1024]",
        "netdelay   | --net-switch-delay-ns=2000000 is out of range [0, 1000000]",
        "hosts      | --hosts=1 is out of range [2, 1048576]",
        "slots      | --max-slots=0 is out of range [1, 9223372036854775807]",
    })
    void shouldRejectOutOfRangeValuesNamingOptionAndRange(final String option, final String message)
    {
        final UnaryOperator<SimConfig.Builder> set = switch (option)
        {
            case "prop-neg" -> b -> b.propagationNanos(-1.0);
            case "chunk-low" -> b -> b.chunkBytes(4);
            case "chunk-high" -> b -> b.chunkBytes(2_000_000);
            case "release" -> b -> b.releaseBytes(-1);
            case "block" -> b -> b.blockBytes(9);
            case "pim" -> b -> b.matcher(MatcherKind.PIM).pimIterations(0);
            case "chunks" -> b -> b.maxChunksPerMessage(0);
            case "netdelay" -> b -> b.netSwitchDelayNanos(2_000_000.0);
            case "hosts" -> b -> b.hosts(1);
            default -> b -> b.maxSlots(0L);
        };

        assertThatThrownBy(() -> set.apply(traceRun()).build())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(message);
    }

    @Test
    void shouldLimitHostsToWhatTheBlockFormatAddresses()
    {
        assertThatThrownBy(() -> traceRun().netsimCompat(true).hosts(1025).build())
            .hasMessage("--hosts=1025 is out of range [2, 1024]");
    }

    @Test
    void shouldRejectPimIterationsForTheGreedyMatcher()
    {
        assertThatThrownBy(() -> traceRun().pimIterations(4).check())
            .hasMessage("--pim-iterations applies only to --matcher pim or islip, not greedy");
        assertThat(traceRun().matcher(MatcherKind.ISLIP).pimIterations(8).build().pimIterations()).isEqualTo(8);
    }

    @Test
    void shouldRequireExactlyOneWorkloadSource()
    {
        assertThatThrownBy(() -> SimConfig.builder().check())
            .hasMessage("give --trace FILE, or --generate with its options");
        assertThatThrownBy(() -> SimConfig.builder().trace(TRACE).generate(true).check())
            .hasMessage("--trace and --generate exclude each other: give one");
        assertThatThrownBy(() -> SimConfig.builder().trace(TRACE).load(0.4).check())
            .hasMessage("--load only applies with --generate");
        assertThatThrownBy(() -> SimConfig.builder().trace(TRACE).traceOut(Path.of("x")).check())
            .hasMessage("--trace-out only applies with --generate");
        assertThatThrownBy(() -> SimConfig.builder().trace(TRACE).shortFlows(true).check())
            .hasMessage("--short only applies with --generate");
    }

    @Test
    void shouldRequireTheGeneratorsOptions()
    {
        final SimConfig.Builder generate = SimConfig.builder().generate(true);

        assertThatThrownBy(generate::check).hasMessage("--generate needs --hosts N");
        generate.hosts(16);
        assertThatThrownBy(generate::check).hasMessage("--generate needs --cdf FILE");
        generate.cdf(Path.of("cdf.txt"));
        assertThatThrownBy(generate::check).hasMessage("--generate needs --load");
        generate.load(0.4);
        assertThatThrownBy(generate::check).hasMessage("--generate needs --write-ratio");
        generate.writeRatio(0.5);
        assertThatThrownBy(generate::check).hasMessage("--generate needs --flows F");
        generate.flows(100);

        final SimConfig config = generate.build();
        assertThat(config.generator().bandwidthGbps()).isEqualTo(100);
        assertThat(config.generator().flows()).isEqualTo(100);
        assertThat(generate.speed(LinkSpeed.G25).build().generator().bandwidthGbps()).isEqualTo(25);
        assertThatThrownBy(() -> generate.load(0.0).check()).hasMessage("--load=0 is out of range (0, 100]");
    }

    @Test
    void shouldDeriveSlotsFromTheLinkSpeed()
    {
        final SimConfig config = traceRun().speed(LinkSpeed.G25).build();

        assertThat(config.slotNanos()).isEqualTo(2.56);
        assertThat(config.propagationSlots()).isEqualTo(4);   // round(10 / 2.56) = round(3.9)
        assertThat(config.netSwitchDelaySlots()).isEqualTo(195); // round(500 / 2.56) = round(195.3)
    }

    @Test
    void shouldTakeTheHostCountFromTheFlowsOrCheckIt()
    {
        final FlowTable.Builder builder = FlowTable.builder(1);
        builder.add(0, FlowType.WREQ, 3, 9, 64, -1, 0);
        final FlowTable table = builder.build();

        assertThat(SimConfig.builder().trace(TRACE).hostsFor(table).build().hosts()).isEqualTo(10);
        assertThat(SimConfig.builder().trace(TRACE).hosts(144).hostsFor(table).build().hosts()).isEqualTo(144);
        assertThatThrownBy(() -> SimConfig.builder().trace(TRACE).hosts(9).hostsFor(table))
            .hasMessage("--hosts=9 is too small: the flows use host 9");
    }

    @Test
    void shouldParseEnumOptionsNamingTheOptionOnError()
    {
        assertThat(LinkSpeed.parse("25g")).isEqualTo(LinkSpeed.G25);
        assertThat(LinkSpeed.parse("100G")).isEqualTo(LinkSpeed.G100);
        assertThat(HostOrder.parse("RTL")).isEqualTo(HostOrder.RTL);
        assertThat(MatcherKind.parse("islip")).isEqualTo(MatcherKind.ISLIP);
        assertThatThrownBy(() -> LinkSpeed.parse("40G")).hasMessage("speed=40G is not one of 25G, 100G");
        assertThatThrownBy(() -> HostOrder.parse("fifo")).hasMessage("host order=fifo is not one of netsim, rtl, srpt");
        assertThatThrownBy(() -> MatcherKind.parse("rr")).hasMessage("matcher=rr is not one of greedy, pim, islip");
    }

    @Test
    void shouldDescribeTheRunInAStableOrder()
    {
        assertThat(traceRun().build().describe().keySet()).startsWith("trace", "hosts", "netsimCompat", "speed")
            .doesNotContain("pimIterations");
        assertThat(traceRun().matcher(MatcherKind.PIM).build().describe()).containsEntry("pimIterations", 4);
    }
}
