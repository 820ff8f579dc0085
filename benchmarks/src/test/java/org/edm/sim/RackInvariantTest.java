package org.edm.sim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.edm.phy.sched.MatcherKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines' invariants on random traces (engines issue, item 11), through the whole rack: per slot the circuits
 * form a matching (one sender per receiver, one receiver per sender under EDM's release rule), no data block is
 * forwarded without a grant, every block granted is forwarded, every request completes exactly once with SUCCESS, and
 * the rack ends with nothing outstanding, no demand, no circuit and no block on any link. Every framing (wire-7,
 * wire-8, netsim), matcher (greedy, PIM, iSLIP) and chunk count (1, 2) runs several seeds, with the rest of the rack
 * (hosts, link and scheduler delay, chunk size, host order, back-pressure) drawn from the seed. The simulator's default
 * rack (calibrated 100G timing) runs a few seeds too, and the reference's IRD baseline, which lets a sender hold
 * several circuits on purpose, must still drain with every block granted.
 */
class RackInvariantTest
{
    /** Seeds per (framing, matcher, chunks) combination. */
    private static final int SEEDS = 30;
    private static final long MAX_SLOTS = 5_000_000;

    static Stream<Arguments> combinations()
    {
        final List<Arguments> all = new ArrayList<>();
        for (final String framing : RackSetup.FRAMINGS)
        {
            for (final MatcherKind matcher : MatcherKind.values())
            {
                for (int chunks = 1; chunks <= 2; chunks++)
                {
                    all.add(Arguments.of(framing, matcher, chunks));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} max chunks {2}")
    @MethodSource("combinations")
    void randomTracesKeepEveryInvariant(final String framing, final MatcherKind matcher, final int maxChunks)
    {
        for (int i = 0; i < SEEDS; i++)
        {
            final long seed = (31L * framing.hashCode() + matcher.ordinal()) * 1_000 + maxChunks * 100 + i;
            runSeed(seed, framing, matcher, maxChunks);
        }
    }

    @Property(tries = 100)
    void anyRackKeepsEveryInvariant(
        @ForAll final long seed,
        @ForAll("framings") final String framing,
        @ForAll final MatcherKind matcher,
        @ForAll @IntRange(min = 1, max = 2) final int maxChunks)
    {
        runSeed(seed, framing, matcher, maxChunks);
    }

    @Provide
    Arbitrary<String> framings()
    {
        return Arbitraries.of(RackSetup.FRAMINGS);
    }

    @ParameterizedTest(name = "wire-{0} {1} max chunks {2}")
    @MethodSource("simulatorDefaults")
    void theSimulatorsDefaultRackKeepsEveryInvariant(final int blockBytes, final MatcherKind matcher, final int maxChunks)
    {
        for (int i = 0; i < 4; i++)
        {
            final long seed = blockBytes * 10_000L + matcher.ordinal() * 100 + maxChunks * 10 + i;
            final Random random = new Random(seed);
            final int hosts = 2 + random.nextInt(11);
            final RackParameters parameters = RackSetup.simulatorDefault(hosts, blockBytes, matcher, maxChunks);
            final CheckedRack rack = new CheckedRack(parameters,
                "seed " + seed + " default wire-" + blockBytes + " rack, " + matcher.label() + " chunks=" + maxChunks +
                    " hosts=" + hosts);
            rack.addAll(RandomTraces.generate(random, hosts, 10 + random.nextInt(40), 65_535, 4_000));
            rack.run(MAX_SLOTS).assertDrained();
        }
    }

    static Stream<Arguments> simulatorDefaults()
    {
        return Stream.of(
            Arguments.of(7, MatcherKind.GREEDY, 1),
            Arguments.of(7, MatcherKind.PIM, 2),
            Arguments.of(7, MatcherKind.ISLIP, 1),
            Arguments.of(8, MatcherKind.GREEDY, 2));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("framingsAndMatchers")
    void irdRandomTracesDrainWithEveryBlockGranted(final String framing, final MatcherKind matcher)
    {
        for (int i = 0; i < 4; i++)
        {
            final long seed = (7L * framing.hashCode() + matcher.ordinal()) * 1_000 + i;
            runSeed(seed, framing, matcher, 1 + i % 2, true);
        }
    }

    static Stream<Arguments> framingsAndMatchers()
    {
        final List<Arguments> all = new ArrayList<>();
        for (final String framing : RackSetup.FRAMINGS)
        {
            for (final MatcherKind matcher : MatcherKind.values())
            {
                all.add(Arguments.of(framing, matcher));
            }
        }
        return all.stream();
    }

    @Test
    void edmNeverLetsASenderHoldTwoCircuits()
    {
        final CheckedRack rack = new CheckedRack(RackParameters.netsim(8), "edm fan-out");
        fanOut(rack);
        rack.run(MAX_SLOTS).assertDrained();
        assertThat(rack.maxCircuitsPerSender()).as("most circuits one sender held at once under EDM").isEqualTo(1);
    }

    @Test
    void irdLetsASenderHoldSeveralCircuitsAndStillDrains()
    {
        final CheckedRack rack = new CheckedRack(RackParameters.netsimIrd(8), "ird fan-out");
        fanOut(rack);
        rack.run(MAX_SLOTS).assertDrained();
        assertThat(rack.maxCircuitsPerSender()).as("most circuits one sender held at once under IRD")
            .isGreaterThanOrEqualTo(2);
    }

    /** Host 0 writes 4 KB to each of four receivers at once. */
    private static void fanOut(final CheckedRack rack)
    {
        for (int receiver = 1; receiver <= 4; receiver++)
        {
            rack.add(TraceRequest.good(false, 0, receiver, 0, 4096, 0));
        }
    }

    /** One random rack and trace; everything is drawn from the seed, so a failure is reproduced by its seed. */
    static void runSeed(final long seed, final String framing, final MatcherKind matcher, final int maxChunks)
    {
        runSeed(seed, framing, matcher, maxChunks, false);
    }

    /** The same, under EDM or under the reference's IRD baseline. */
    static CheckedRack runSeed(
        final long seed, final String framing, final MatcherKind matcher, final int maxChunks, final boolean ird)
    {
        final Random random = new Random(seed);
        final RackSetup edm = RackSetup.random(random, framing, matcher, maxChunks);
        final RackSetup setup = ird ? edm.asIrd() : edm;
        final long horizon = random.nextInt(4) == 0 ? 0 : 3_000;
        final List<TraceRequest> trace = RandomTraces.generate(random, setup.hosts(), 10 + random.nextInt(50),
            setup.maxMessage(), horizon);
        final CheckedRack rack = new CheckedRack(setup.parameters(), "seed " + seed + " " + setup);
        rack.addAll(trace);
        rack.run(MAX_SLOTS).assertDrained();
        return rack;
    }
}
