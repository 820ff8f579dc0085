package org.edm.phy.carrier;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which blocks may wait in an open carrier frame: only a write's blocks before its last. */
class CarrierHoldTest
{
    private static final long SOME_BITS = 0x1234_5678_9A00L;

    @Test
    void shouldLetAWriteWaitForItsLastBlock()
    {
        assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | MemoryBlockTypes.WREQ_FIRST)).isTrue();
        assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | MemoryBlockTypes.WREQ_MIDDLE)).isTrue();
    }

    @Test
    void shouldKeepReadsAndFirstLastAndSingleMemoryBlocksUrgent()
    {
        for (final int type : new int[] {
            MemoryBlockTypes.RREQ_FIRST, MemoryBlockTypes.RREQ_MIDDLE, MemoryBlockTypes.RREQ_LAST,
            MemoryBlockTypes.RRESP_FIRST, MemoryBlockTypes.RRESP_MIDDLE, MemoryBlockTypes.RRESP_LAST,
            MemoryBlockTypes.WREQ_LAST,
            MemoryBlockTypes.NOTIF, MemoryBlockTypes.GRANT, MemoryBlockTypes.ACK })
        {
            assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | type)).as("type 0x%02X", type)
                .isFalse();
        }
    }

    @Test
    void shouldKeepEightByteDataAndFrameDataUrgent()
    {
        assertThat(CarrierHold.mayWait(MemoryBlockTypes.SYNC_WRITE_DATA_8, -1L))
            .as("8-byte write data: under wire-8 a write's last block is one of them").isFalse();
        assertThat(CarrierHold.mayWait(MemoryBlockTypes.SYNC_RESPONSE_DATA_8, -1L)).as("8-byte response data")
            .isFalse();
        assertThat(CarrierHold.mayWait(Block.SYNC_DATA, -1L)).as("ordinary frames: the baselines' traffic").isFalse();
    }

    @Test
    void shouldKeepFrameStartsTerminatesAndOtherControlBlocksUrgent()
    {
        for (final int type : new int[] { BlockTypes.START_0, BlockTypes.START_4, BlockTypes.TERM_0, BlockTypes.TERM_1,
            BlockTypes.TERM_3, BlockTypes.OS_0, BlockTypes.CONTROL })
        {
            assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | type)).as("type 0x%02X", type)
                .isFalse();
        }
    }
}
