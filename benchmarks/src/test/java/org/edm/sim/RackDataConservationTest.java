package org.edm.sim;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.sched.MatcherKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes are conserved end to end in the wire framings (engines issue, item 11): every host serves a real region of
 * random bytes, and a shadow copy says what each must hold. Random writes go to distinct ranges of the lower three
 * quarters of the regions, with random bytes from random offsets of their sources; reads of the top quarter, which
 * nobody writes, run concurrently with them; and every completed write is read back (all of it or a part) from a
 * random host. Every read must return exactly the shadow's bytes and write nothing around them in its destination, and
 * at the end every region must equal its shadow byte for byte, so a write landed exactly in its range and nowhere
 * else. The rack invariants of {@link CheckedRack} are checked along the way.
 */
class RackDataConservationTest
{
    private static final int REGION = 1 << 17;
    private static final int WRITABLE = REGION / 4 * 3;
    private static final int SEEDS = 20;
    private static final long MAX_SLOTS = 5_000_000;

    static Stream<Arguments> combinations()
    {
        final List<Arguments> all = new ArrayList<>();
        for (final String framing : new String[] { "wire-7", "wire-8" })
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
    void everyReadReturnsTheShadowsBytesAndEveryWriteLandsInItsRange(
        final String framing, final MatcherKind matcher, final int maxChunks)
    {
        for (int i = 0; i < SEEDS; i++)
        {
            final long seed = (17L * framing.hashCode() + matcher.ordinal()) * 1_000 + maxChunks * 100 + i;
            runSeed(seed, framing, matcher, maxChunks);
        }
    }

    @Property(tries = 40)
    void anyWireRackConservesBytes(
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
        return Arbitraries.of("wire-7", "wire-8");
    }

    /** One random rack, trace and read-back; a failure is reproduced by its seed. */
    static void runSeed(final long seed, final String framing, final MatcherKind matcher, final int maxChunks)
    {
        final Random random = new Random(seed);
        final RackSetup setup = RackSetup.random(random, framing, matcher, maxChunks);
        final String context = "seed " + seed + " " + setup;
        final CheckedRack rack = new CheckedRack(setup.parameters().withRegionBytes(REGION), context);
        final ShadowRegions regions = new ShadowRegions(rack.model, random);
        final Map<Integer, UnsafeBuffer> destinations = new HashMap<>();
        final Map<Integer, Integer> destinationOffsets = new HashMap<>();
        final int hosts = setup.hosts();
        final long horizon = random.nextInt(4) == 0 ? 0 : 3_000;
        final int[] verified = new int[1];

        final long[] cursor = new long[hosts];
        final int writes = 5 + random.nextInt(40);
        for (int i = 0; i < writes; i++)
        {
            final int node = random.nextInt(hosts);
            final int length = RandomTraces.size(random, setup.maxMessage());
            final long address = cursor[node] + random.nextInt(16);
            if (address + length > WRITABLE)
            {
                continue;
            }
            cursor[node] = address + length;
            final int offset = random.nextInt(8);
            final UnsafeBuffer source = ShadowRegions.source(random, offset, length);
            regions.write(node, address, source, offset, length);
            final long slot = (long)(random.nextDouble() * horizon);
            rack.add(TraceRequest.good(false, RandomTraces.other(random, hosts, node), node, address, length, slot),
                source, offset);
        }
        final int reads = 5 + random.nextInt(40);
        for (int i = 0; i < reads; i++)
        {
            final int node = random.nextInt(hosts);
            final int length = Math.min(RandomTraces.size(random, setup.maxMessage()), REGION - WRITABLE);
            final long address = WRITABLE + random.nextInt(REGION - WRITABLE - length + 1);
            final long slot = (long)(random.nextDouble() * horizon);
            addRead(rack, random, destinations, destinationOffsets,
                TraceRequest.good(true, RandomTraces.other(random, hosts, node), node, address, length, slot));
        }

        rack.onCompletion((index, status, slot) ->
        {
            final TraceRequest request = rack.request(index);
            if (status != CompletionStatus.SUCCESS)
            {
                return;
            }
            if (request.read())
            {
                regions.assertRead(context, request, destinations.get(index), destinationOffsets.get(index));
                verified[0]++;
                return;
            }
            final int from = random.nextBoolean() ? 0 : random.nextInt(request.length());
            final int to = random.nextBoolean() ? request.length() : from + 1 + random.nextInt(request.length() - from);
            addRead(rack, random, destinations, destinationOffsets, TraceRequest.good(true,
                RandomTraces.other(random, hosts, request.node()), request.node(), request.address() + from,
                to - from, slot + 1 + random.nextInt(50)));
        });
        rack.run(MAX_SLOTS).assertDrained();
        regions.assertRegionsMatch(context);
        assertThat(verified[0]).as("%s: reads whose bytes were checked", context).isEqualTo(destinations.size());
    }

    private static void addRead(
        final CheckedRack rack,
        final Random random,
        final Map<Integer, UnsafeBuffer> destinations,
        final Map<Integer, Integer> destinationOffsets,
        final TraceRequest read)
    {
        final int offset = random.nextInt(8);
        final UnsafeBuffer destination = ShadowRegions.destination(offset, read.length());
        final int index = rack.add(read, destination, offset);
        destinations.put(index, destination);
        destinationOffsets.put(index, offset);
    }
}
