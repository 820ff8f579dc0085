package org.edm.phy.link;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Fed random bits, the RX demux never throws and accounts for every block. */
class RxDemuxFuzzPropertyTest
{
    private static final int[] INTERESTING_TYPES = {
        BlockTypes.START_0, BlockTypes.START_4, BlockTypes.OS_START, BlockTypes.CONTROL, BlockTypes.OS_0,
        BlockTypes.TERM_0, BlockTypes.TERM_3, BlockTypes.TERM_7, MemoryBlockTypes.RREQ_FIRST, MemoryBlockTypes.GRANT };

    @Property(tries = 300)
    void shouldNeverThrowOnRandomBlocks(
        @ForAll final long seed,
        @ForAll @IntRange(min = 1, max = 5000) final int blocks,
        @ForAll final boolean eightByteData,
        @ForAll @IntRange(min = 60, max = 9000) final int maxFrameLength)
    {
        final Random random = new Random(seed);
        final RecordingSink memory = new RecordingSink();
        final long[] frameBytes = new long[1];
        final RxDemux demux = new RxDemux(
            memory, (buffer, offset, length) -> frameBytes[0] += length, maxFrameLength, eightByteData);

        for (int i = 0; i < blocks; i++)
        {
            final int sync = random.nextInt(8) == 0 ? random.nextInt(4) :
                random.nextBoolean() ? Block.SYNC_DATA : Block.SYNC_CONTROL;
            long payload = random.nextLong();
            if (sync == Block.SYNC_CONTROL && random.nextBoolean())
            {
                payload = (payload & ~0xFFL) | INTERESTING_TYPES[random.nextInt(INTERESTING_TYPES.length)];
            }
            if (random.nextInt(16) == 0)
            {
                payload = Block.IDLE_PAYLOAD;
            }
            demux.accept(sync, payload);
        }

        assertThat(demux.memoryBlocks()).isEqualTo(memory.size());
        assertThat(demux.frameBytesDelivered()).isEqualTo(frameBytes[0]);
        assertThat(demux.framesDelivered() + demux.totalDrops() + demux.memoryBlocks() + demux.idleBlocks())
            .isLessThanOrEqualTo(blocks + demux.drops(RxDropReason.START_IN_FRAME));
    }
}
