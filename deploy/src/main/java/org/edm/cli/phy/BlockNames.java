package org.edm.cli.phy;

import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockCodec;
import org.edm.phy.pcs.BlockTypes;

/**
 * Short names of blocks that are not memory blocks, for listings: the clause 49 type as the EDM RTL names it
 * ({@code START_0}, {@code TERM_3}, ...), {@code IDLE} for the idle block, {@code ERROR} for the error block,
 * {@code data} for a data block, and what is wrong with a block that is no clause 49 block at all.
 */
final class BlockNames
{
    private BlockNames()
    {
    }

    /** The name of a block that is not a memory block. */
    static String describe(final int sync, final long payload)
    {
        if (sync == Block.SYNC_DATA)
        {
            return "data";
        }
        if (sync != Block.SYNC_CONTROL)
        {
            return "invalid sync header " + Block.syncText(sync);
        }
        if (payload == Block.IDLE_PAYLOAD)
        {
            return "IDLE";
        }
        if (payload == BlockCodec.ERROR_BLOCK_PAYLOAD)
        {
            return "ERROR";
        }
        final int type = Block.type(payload);
        final String name = BlockTypes.name(type);
        if (name == null)
        {
            return String.format("unknown block type 0x%02X", type);
        }
        final int terminateBytes = BlockTypes.terminateDataBytes(type);
        return terminateBytes > 0 ? name + " (" + terminateBytes + " data bytes)" : name;
    }

    /** Whether a block that is not a memory block is a clause 49 block (valid sync header, known type). */
    static boolean isClause49(final int sync, final long payload)
    {
        return sync == Block.SYNC_DATA || sync == Block.SYNC_CONTROL && BlockTypes.isClause49(Block.type(payload));
    }
}
