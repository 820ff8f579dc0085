package org.edm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class WorkloadGeneratorTest
{
    private static final double SLOT_NS_100G = 0.64;

    /** Sizes uniform on [1, 11] MSS: rounding to whole MSS keeps the mean at 6 MSS, so the load can be checked. */
    private static final FlowSizeCdf UNIFORM = FlowSizeCdf.of("uniform", new double[] { 1, 11 },
        new double[] { 0, 1 });

    @Test
    void shouldGiveTheSameTraceForTheSameSeedAndAnotherForAnotherSeed() throws IOException
    {
        final FlowSizeCdf cdf = hadoop();
        final FlowTable first = WorkloadGenerator.generate(spec(cdf, 0.4, 0.5, 144, 2000, 7, false));
        final FlowTable again = WorkloadGenerator.generate(spec(cdf, 0.4, 0.5, 144, 2000, 7, false));
        final FlowTable other = WorkloadGenerator.generate(spec(cdf, 0.4, 0.5, 144, 2000, 8, false));

        assertThat(first.sameRowsAs(again)).isTrue();
        assertThat(first.sameRowsAs(other)).isFalse();
    }

    @Test
    void shouldProduceTheRequestedLoadOverManyFlows()
    {
        final int hosts = 8;
        final double load = 0.4;
        final FlowTable table = WorkloadGenerator.generate(spec(UNIFORM, load, 0.5, hosts, 200_000, 1, false));

        long drawnBytes = 0;
        for (int i = 0; i < table.size(); i++)
        {
            drawnBytes += table.type(i) == FlowType.RREQ ? table.rreqBytes(i) : table.sizeBytes(i);
        }
        final double seconds = (table.startSlot(table.size() - 1) + 1) * SLOT_NS_100G * 1e-9;
        // The reference's load counts 1500 B on the wire per 1460 B MSS, per host uplink.
        final double measured = drawnBytes * 8.0 * 1500 / 1460 / (seconds * hosts * 100e9);
        assertThat(measured).isCloseTo(load, within(0.02 * load));
    }

    @ParameterizedTest(name = "ratio {0}")
    @CsvSource({ "0.0, 0", "0.2, 3", "0.5, 6", "0.8, 9", "1.0, 11" })
    void shouldDrawWritesWithTheReferenceThreshold(final double ratio, final int writeSeedsOf11)
    {
        final FlowTable table = WorkloadGenerator.generate(spec(UNIFORM, 0.4, ratio, 16, 50_000, 3, false));

        int writes = 0;
        for (int i = 0; i < table.size(); i++)
        {
            writes += table.type(i) == FlowType.WREQ ? 1 : 0;
        }
        // randint(0, 10) < ratio * 10.01: 0.2 -> 3/11 (27 %), 0.5 -> 6/11 (55 %), 0.8 -> 9/11 (82 %) as in §7.1.
        assertThat((double)writes / table.size()).isCloseTo(writeSeedsOf11 / 11.0, within(0.01));
    }

    @Test
    void shouldFollowTheCdfWithSeventyPercentAtFourMss() throws IOException
    {
        final FlowTable table = WorkloadGenerator.generate(spec(hadoop(), 0.4, 0.5, 144, 50_000, 5, false));

        int fourMss = 0;
        int aboveHundredMss = 0;
        for (int i = 0; i < table.size(); i++)
        {
            final int drawn = table.type(i) == FlowType.RREQ ? table.rreqBytes(i) : table.sizeBytes(i);
            assertThat(drawn % FlowSizeCdf.MSS_BYTES).isZero();
            assertThat(drawn).isBetween(4 * 1460, 920 * 1460);
            fourMss += drawn == 5840 ? 1 : 0;
            aboveHundredMss += drawn > 100 * 1460 ? 1 : 0;
        }
        // 70 % of the mass sits at 4 MSS, plus the 0.06 % of the 4..88 segment that rounds to 4.
        assertThat((double)fourMss / table.size()).isCloseTo(0.7006, within(0.01));
        // P(X > 100 MSS) = 0.1 * (167 - 100) / 79 + 0.1 = 0.1848.
        assertThat((double)aboveHundredMss / table.size()).isCloseTo(0.1848, within(0.01));
    }

    @Test
    void shouldShapeReadsAndWritesAsThePreprocessorDoes() throws IOException
    {
        final FlowTable table = WorkloadGenerator.generate(spec(hadoop(), 0.4, 0.5, 20, 5000, 9, false));

        for (int i = 0; i < table.size(); i++)
        {
            if (table.type(i) == FlowType.RREQ)
            {
                assertThat(table.sizeBytes(i)).isEqualTo(16);
                assertThat(table.rreqBytes(i)).isGreaterThanOrEqualTo(5840);
            }
            else
            {
                assertThat(table.type(i)).isEqualTo(FlowType.WREQ);
                assertThat(table.rreqBytes(i)).isEqualTo(-1);
            }
        }
    }

    @Test
    void shouldRewriteSizesTo64BytesInShortMode() throws IOException
    {
        final FlowTable table = WorkloadGenerator.generate(spec(hadoop(), 0.4, 0.5, 20, 5000, 9, true));

        for (int i = 0; i < table.size(); i++)
        {
            if (table.type(i) == FlowType.RREQ)
            {
                assertThat(table.sizeBytes(i)).isEqualTo(16);
                assertThat(table.rreqBytes(i)).isEqualTo(64);
            }
            else
            {
                assertThat(table.sizeBytes(i)).isEqualTo(64);
            }
        }
    }

    @Test
    void shouldShareArrivalsHostsAndSizesAcrossWriteRatios() throws IOException
    {
        final FlowTable writes = WorkloadGenerator.generate(spec(hadoop(), 0.4, 1.0, 30, 3000, 11, true));
        final FlowTable reads = WorkloadGenerator.generate(spec(hadoop(), 0.4, 0.0, 30, 3000, 11, true));

        for (int i = 0; i < writes.size(); i++)
        {
            assertThat(writes.type(i)).isEqualTo(FlowType.WREQ);
            assertThat(reads.type(i)).isEqualTo(FlowType.RREQ);
            assertThat(reads.startSlot(i)).isEqualTo(writes.startSlot(i));
            assertThat(reads.src(i)).isEqualTo(writes.src(i));
            assertThat(reads.dst(i)).isEqualTo(writes.dst(i));
        }
    }

    @Test
    void shouldNumberFlowsInTimeOrderOverEveryHostPairFromSlotZero()
    {
        final int hosts = 6;
        final FlowTable table = WorkloadGenerator.generate(spec(UNIFORM, 0.5, 0.5, hosts, 20_000, 2, false));
        final Set<Integer> pairs = new HashSet<>();

        for (int i = 0; i < table.size(); i++)
        {
            assertThat(table.id(i)).isEqualTo(i);
            assertThat(table.src(i)).isNotEqualTo(table.dst(i)).isBetween(0, hosts - 1);
            assertThat(table.dst(i)).isBetween(0, hosts - 1);
            if (i > 0)
            {
                assertThat(table.startSlot(i)).isGreaterThanOrEqualTo(table.startSlot(i - 1));
            }
            pairs.add(table.src(i) * hosts + table.dst(i));
        }
        assertThat(pairs).hasSize(hosts * (hosts - 1));
        // Mean inter-arrival of the whole rack: 1 / (hosts * lambda per host); the first flow comes early.
        final double rackGapSlots = 1 / (spec(UNIFORM, 0.5, 0.5, hosts, 1, 2, false).lambdaPerPair() *
            hosts * (hosts - 1)) / (SLOT_NS_100G * 1e-9);
        assertThat((double)table.startSlot(0)).isLessThan(20 * rackGapSlots);
    }

    @Test
    void shouldComputeTheReferenceArrivalRate() throws IOException
    {
        final WorkloadSpec spec = spec(hadoop(), 0.4, 0.5, 144, 2000, 0, false);

        // 100e9 * 0.4 / (108770 * 8 / 1460 * 1500) / 143 flows per second and pair.
        final double expected = 100e9 * 0.4 / (108_770.0 * 8 / 1460 * 1500) / 143;
        assertThat(spec.lambdaPerPair()).isCloseTo(expected, within(expected * 1e-12));
    }

    @Test
    void shouldRoundTripAGeneratedTraceThroughTheTraceFormat(@TempDir final Path dir) throws IOException
    {
        final FlowTable table = WorkloadGenerator.generate(spec(hadoop(), 0.4, 0.5, 144, 2000, 4, false));
        final Path file = dir.resolve("gen.csv");
        TraceWriter.write(table, file);

        assertThat(TraceReader.read(file).sameRowsAs(table)).isTrue();
    }

    @Test
    void shouldRefuseACdfThatOnlyGivesEmptyFlows()
    {
        final FlowSizeCdf zero = FlowSizeCdf.of("zero", new double[] { 0, 0.2 }, new double[] { 0, 1 });

        assertThatThrownBy(() -> WorkloadGenerator.generate(spec(zero, 0.4, 0.5, 4, 10, 0, false)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("rounded to 0 MSS");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--load=0 is out of range (0, 100] | 0    | 0.5 | 8    | 10",
        "--load=101 is out of range       | 101  | 0.5 | 8    | 10",
        "--write-ratio=1.5 is out of range | 0.4 | 1.5 | 8    | 10",
        "--hosts=1 is out of range        | 0.4  | 0.5 | 1    | 10",
        "--hosts=5000 is out of range     | 0.4  | 0.5 | 5000 | 10",
        "--flows=0 is out of range        | 0.4  | 0.5 | 8    | 0",
    })
    void shouldRejectOutOfRangeParametersNamingTheOption(
        final String message, final double load, final double ratio, final int hosts, final int flows)
    {
        assertThatThrownBy(() -> spec(UNIFORM, load, ratio, hosts, flows, 0, false))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(message);
    }

    static FlowSizeCdf hadoop() throws IOException
    {
        return FlowSizeCdf.read(new StringReader(FlowSizeCdfTest.HADOOP), "CDF_hadoop.txt");
    }

    private static WorkloadSpec spec(
        final FlowSizeCdf cdf,
        final double load,
        final double ratio,
        final int hosts,
        final int flows,
        final long seed,
        final boolean shortFlows)
    {
        return new WorkloadSpec(cdf, load, ratio, hosts, flows, seed, 100, SLOT_NS_100G, shortFlows);
    }
}
