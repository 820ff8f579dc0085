package org.edm.phy.carrier;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which blocks may wait in an open carrier frame: only those a later block of the same message must follow. */
class CarrierHoldTest
{
    private static final long SOME_BITS = 0x1234_5678_9A00L;

    @Test
    void shouldLetTheMiddleOfEveryMemoryMessageWait()
    {
        for (final int type : new int[] {
            MemoryBlockTypes.RREQ_MIDDLE, MemoryBlockTypes.RRESP_MIDDLE, MemoryBlockTypes.WREQ_MIDDLE })
        {
            assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | type)).as("type 0x%02X", type).isTrue();
        }
    }

    @Test
    void shouldKeepFirstLastAndSingleMemoryBlocksUrgent()
    {
        for (final int type : new int[] {
            MemoryBlockTypes.RREQ_FIRST, MemoryBlockTypes.RREQ_LAST, MemoryBlockTypes.RRESP_FIRST,
            MemoryBlockTypes.RRESP_LAST, MemoryBlockTypes.WREQ_FIRST, MemoryBlockTypes.WREQ_LAST,
            MemoryBlockTypes.NOTIF, MemoryBlockTypes.GRANT, MemoryBlockTypes.ACK })
        {
            assertThat(CarrierHold.mayWait(Block.SYNC_CONTROL, SOME_BITS << 8 | type)).as("type 0x%02X", type)
                .isFalse();
        }
    }

    @Test
    void shouldLetFrameDataAndEightByteWriteDataWaitButNotResponseData()
    {
        assertThat(CarrierHold.mayWait(Block.SYNC_DATA, -1L)).as("MAC frame data").isTrue();
        assertThat(CarrierHold.mayWait(MemoryBlockTypes.SYNC_WRITE_DATA_8, -1L)).as("8-byte write data").isTrue();
        assertThat(CarrierHold.mayWait(MemoryBlockTypes.SYNC_RESPONSE_DATA_8, -1L))
            .as("8-byte response data: its last block cannot be told from the others").isFalse();
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
