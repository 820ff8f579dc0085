package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * In the wire framing a header block does not name its message, so the switch holds it until the tag block arrives
 * and forwards the two together, and the host sends the tag right after the header whatever its quota. A grant of a
 * single block therefore let the tag through beyond its grant, and the host, one block in debt, never used the next
 * grant (found by the invariant tests; in the smallest case below, under iSLIP, both writes never completed and the
 * rack went idle with their demand still registered). A wire-framing switch now refuses a chunk under 2 blocks, and
 * {@code edm sim} a {@code --chunk-bytes} under two blocks. Two blocks are enough: random traces with the smallest
 * chunk keep every invariant.
 */
class WireChunkSizeTest
{
    /** The smallest failing case: two 1-byte writes to one receiver, chunk 1 block (wire-8, 3 hosts, iSLIP x1). */
    private static RackParameters incastWithChunk(final int chunkBlocks)
    {
        final SchedulerConfig scheduler = new SchedulerConfig(3, chunkBlocks, 0, 1, MatcherKind.ISLIP, 1, 0, 16);
        return new RackParameters(3, Framing.wire(8), scheduler, HostOrder.NETSIM, EgressMode.LANES, 1, 4096, false, 0, 0);
    }

    @Test
    void aWireRackRefusesAChunkOfOneBlock()
    {
        assertThatThrownBy(() -> new RackModel(incastWithChunk(1), (id, status, submitted, completed) ->
        {
        }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("chunkBlocks=1 is too small for the wire-8 framing: a grant must cover a message's header and " +
                "tag block (2 blocks)");
    }

    @Test
    void theSmallestFailingIncastDrainsWithAChunkOfTwoBlocks()
    {
        final CheckedRack rack = new CheckedRack(incastWithChunk(2), "incast, chunk 2 blocks");
        rack.add(TraceRequest.good(false, 0, 2, 0, 1, 0));
        rack.add(TraceRequest.good(false, 1, 2, 0, 1, 0));
        rack.run(100_000).assertDrained();
    }

    @ParameterizedTest
    @ValueSource(ints = { 7, 8 })
    void theSimulatorRefusesChunkBytesUnderTwoBlocks(final int blockBytes)
    {
        final SimConfig.Builder tooSmall = SimConfig.builder().trace(Path.of("unused.trace")).hosts(4)
            .blockBytes(blockBytes).chunkBytes(2 * blockBytes - 1);
        assertThatThrownBy(tooSmall::build)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--chunk-bytes=" + (2 * blockBytes - 1) + " is less than two " + blockBytes + "-byte blocks: " +
                "a grant in the wire-" + blockBytes + " framing must cover a message's header and tag block");
        final SimConfig smallest = SimConfig.builder().trace(Path.of("unused.trace")).hosts(4).blockBytes(blockBytes)
            .chunkBytes(2 * blockBytes).build();
        assertThat(RackSimulationRunner.parameters(smallest, 4).scheduler().chunkBlocks())
            .as("chunk blocks of --chunk-bytes=%d", 2 * blockBytes).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(ints = { 7, 8 })
    void randomTracesKeepEveryInvariantWithTheSmallestChunk(final int blockBytes)
    {
        for (int i = 0; i < 12; i++)
        {
            final long seed = blockBytes * 1_000L + i;
            final Random random = new Random(seed);
            final MatcherKind matcher = MatcherKind.values()[i % 3];
            final RackSetup drawn = RackSetup.random(random, "wire-" + blockBytes, matcher, 1 + i / 3 % 2);
            final RackSetup setup = new RackSetup(drawn.framing(), matcher, drawn.iterations(), drawn.maxChunks(),
                drawn.hosts(), drawn.linkSlots(), drawn.delaySlots(), 2 * blockBytes, drawn.order(),
                drawn.maxOutstanding(), i % 4 == 3);
            final CheckedRack rack = new CheckedRack(setup.parameters(), "seed " + seed + " " + setup);
            rack.addAll(RandomTraces.generate(random, setup.hosts(), 10 + random.nextInt(30), 4096, 2_000));
            rack.run(5_000_000).assertDrained();
        }
    }
}
