package org.edm.bench.run;

import org.edm.bench.baseline.StandardBaselines;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.Banner;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every test of every runnable baseline end to end on the bench's own in-memory rack (small counts): exactly the
 * iterations asked for are measured, nothing fails, bytes cross the wire; loaded runs report each class of traffic;
 * open-loop runs say their rate; baselines that cannot run are skipped with the reason.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchRunnerTest
{
    private final BenchRunner runner = new BenchRunner(StandardBaselines.registry());

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "edm, READ_LAT, 64, 1", "edm, WRITE_LAT, 64, 1", "edm, READ_BW, 4096, 8", "edm, WRITE_BW, 4096, 8",
        "raw, READ_LAT, 64, 1", "raw, WRITE_LAT, 64, 1", "raw, READ_BW, 4096, 8", "raw, WRITE_BW, 4096, 8",
        "roce, READ_LAT, 64, 1", "roce, WRITE_LAT, 64, 1", "roce, READ_BW, 4096, 8", "roce, WRITE_BW, 4096, 8" })
    void shouldMeasureExactlyTheIterationsWithoutErrors(
        final String baseline, final BenchTest test, final int size, final int depth)
    {
        final Heard heard = new Heard();
        final List<RunResult> results = runner.run(Plans.plan(test, List.of(baseline), size, 40, depth,
            LoadSpec.unloaded()), heard);

        final RunResult result = results.getFirst();
        assertThat(result.baseline()).isEqualTo(baseline);
        assertThat(result.test()).isEqualTo(test.label());
        assertThat(result.size()).isEqualTo(size);
        assertThat(result.load()).isEqualTo("unloaded");
        assertThat(result.transport()).isEqualTo("in-memory cables");
        assertThat(result.classes()).hasSize(1);
        final ClassResult measured = result.measured();
        assertThat(measured.trafficClass()).isEqualTo(test.operationName());
        assertThat(measured.operations()).isEqualTo(40);
        assertThat(measured.errors()).isZero();
        assertThat(measured.latencyNanos().getTotalCount()).isEqualTo(40);
        assertThat(measured.bytes()).isEqualTo(40L * size);
        assertThat(measured.seconds()).isPositive();
        assertThat(measured.wireBytesPerOperation()).isGreaterThan(size);
        if (!test.isLatency())
        {
            assertThat(measured.peakBytesPerSecond()).isGreaterThan(0);
        }
        assertThat(heard.banners).singleElement().satisfies(banner ->
        {
            assertThat(banner.title()).startsWith(baseline.toUpperCase() + "_");
            assertThat(banner.value("Device")).isEqualTo("in-memory rack 'bench' (2 hosts)");
            assertThat(banner.value("Latency")).startsWith("full round trip");
        });
        assertThat(heard.results).containsExactly(result);
    }

    @Test
    void shouldReportEveryClassOfALoadedRun()
    {
        final LoadSpec load = LoadSpec.parse("incast=2,bulk-writes=1,frames=0.2").withBulk(16384, 2)
            .withReadRatio(0.5);
        final RunResult result = runner.run(Plans.plan(BenchTest.READ_LAT, List.of("edm"), 64, 60, 1, load),
            BenchListener.NONE).getFirst();

        assertThat(result.load()).isEqualTo("incast-2+bulk-writes-1x16384B+frames-20%+reads-50%");
        assertThat(result.classes()).extracting(ClassResult::trafficClass)
            .containsExactly("read", "write", "background-write", "frames");
        final ClassResult reads = result.classes().get(0);
        final ClassResult writes = result.classes().get(1);
        assertThat(reads.operations() + writes.operations()).isEqualTo(2 * 60);
        assertThat(reads.operations()).isPositive();
        assertThat(writes.operations()).isPositive();
        assertThat(result.classes().get(2).operations()).isPositive();
        assertThat(result.classes().get(2).bytes()).isEqualTo(result.classes().get(2).operations() * 16384);
        assertThat(result.classes().get(3).operations()).isPositive();
        assertThat(result.classes().get(3).latencyNanos().getTotalCount()).isPositive();
        assertThat(result.classes()).allSatisfy(c -> assertThat(c.errors()).isZero());
    }

    @Test
    void shouldRunTheOpenLoopOnItsScheduleAndSayItsRate()
    {
        final BenchPlan plan = Plans.withRate(Plans.plan(BenchTest.WRITE_LAT, List.of("edm"), 8, 200, 16,
            LoadSpec.unloaded()), 4000);
        final RunResult result = runner.run(plan, BenchListener.NONE).getFirst();

        assertThat(result.offeredRate()).isEqualTo(4000);
        assertThat(result.load()).isEqualTo("open-loop 4000/s");
        assertThat(result.measured().operations()).isEqualTo(200);
        // 200 operations due 250 us apart: the last is due after 49.75 ms
        assertThat(result.measured().seconds()).isGreaterThan(0.0497);
    }

    @Test
    void shouldMeasureForTheDurationInDurationMode()
    {
        final BenchPlan iterations = Plans.plan(BenchTest.READ_LAT, List.of("raw"), 8, 1, 1, LoadSpec.unloaded());
        final BenchPlan plan = new BenchPlan(iterations.test(), iterations.sizes(), false, 1, 0.2, 0, 0, 1, 0,
            iterations.load(), iterations.baselines(), iterations.rack(), iterations.settings(), iterations.options(), 1,
            10);
        final RunResult result = runner.run(plan, BenchListener.NONE).getFirst();

        assertThat(result.measured().operations()).isGreaterThan(1);
        assertThat(result.measured().seconds()).isBetween(0.2, 5.0);
        assertThat(result.measured().latencyNanos().getTotalCount()).isEqualTo(result.measured().operations());
    }

    @Test
    void shouldSkipBaselinesThatCannotRunAndSayWhy()
    {
        final Heard heard = new Heard();
        final List<RunResult> results = runner.run(Plans.plan(BenchTest.READ_LAT, List.of("perftest", "udp"), 8, 10,
            1, LoadSpec.parse("incast=2")), heard);

        assertThat(results).isEmpty();
        assertThat(heard.skipped).containsExactly(
            "perftest: perftest measures one unloaded closed-loop client; this run asks for a load, a mix or a rate",
            "udp: kernel UDP needs one kernel per host: a local rack's namespaces ('edm rack up', as " +
            "root, and --rack FILE without --in-memory); in-memory cables have none");
    }

    @Test
    void shouldFoldAnExternalBaselinesResultsIn()
    {
        final BaselineRegistry registry = StandardBaselines.registry().register("perftest", () -> new ExternalBaseline()
        {
            public String name()
            {
                return "perftest";
            }

            public String transportType()
            {
                return "stand-in";
            }

            public String unavailable(final BenchPlan plan)
            {
                return null;
            }

            public List<RunResult> run(final BenchPlan plan, final List<Integer> sizes, final BenchListener listener)
            {
                final org.HdrHistogram.Histogram latency = new org.HdrHistogram.Histogram(3);
                latency.recordValue(1900);
                return List.of(new RunResult("perftest", plan.test().label(), "unloaded", 0, sizes.getFirst(), 0,
                    "stand-in", List.of(new ClassResult("read", latency, 1, 0, sizes.getFirst(), 1.9e-6, 0))));
            }
        });
        final Heard heard = new Heard();
        final List<RunResult> results = new BenchRunner(registry).run(Plans.plan(BenchTest.READ_LAT,
            List.of("edm", "perftest"), 64, 10, 1, LoadSpec.unloaded()), heard);

        assertThat(results).extracting(RunResult::baseline).containsExactly("edm", "perftest");
        assertThat(results.get(1).measured().latency().medianMicros()).isEqualTo(1.9, org.assertj.core.data.Offset
            .offset(0.01));
        assertThat(heard.results).containsExactlyElementsOf(results);
    }

    /** What a listener heard. */
    private static final class Heard implements BenchListener
    {
        final List<Banner> banners = new ArrayList<>();
        final List<RunResult> results = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();

        public void baselineSkipped(final String baseline, final String reason)
        {
            skipped.add(baseline + ": " + reason);
        }

        public void baselineStarted(final String baseline, final Banner banner)
        {
            banners.add(banner);
        }

        public void result(final RunResult result)
        {
            results.add(result);
        }
    }
}
