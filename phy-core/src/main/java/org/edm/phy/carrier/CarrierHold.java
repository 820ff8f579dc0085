package org.edm.phy.carrier;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;

/**
 * Which blocks may wait in a sender's open carrier frame past the end of a duty cycle, so that a link streaming a long
 * message sends a few full frames instead of one small frame per cycle (on a software fabric every frame costs a
 * system call, and one thread may run many links).
 * <p>
 * A block may wait when a later block of the same message or frame necessarily follows it and nobody acts on it
 * before that one arrives: the middle blocks of a memory message ({@code 0x1A}, {@code 0x1B}, {@code 0x1C}; the
 * receiver completes a message at its last block), 8-byte write data, and the data blocks of an ordinary MAC frame
 * (delivered at its terminate block). Everything else is urgent and closes the frame at the end of the cycle: first
 * and last blocks, NOTIF, GRANT and ACK, frame start and terminate blocks, and 8-byte read-response data (its last
 * block carries no position, so it cannot be told from the others).
 * <pre>
 *   cycle k:   [WREQ mid][WREQ mid] ... [WREQ mid]            only waiting blocks: the frame stays open
 *   cycle k+1: ... [WREQ mid][RREQ first][RREQ mid][RREQ last]  an urgent block: the frame closes and goes out
 * </pre>
 * A waiting frame is still bounded in time by the sender (a message may pause mid-way for want of a grant).
 */
public final class CarrierHold
{
    private CarrierHold()
    {
    }

    /** Whether a block may wait in an open carrier frame for later blocks. */
    public static boolean mayWait(final int sync, final long payload)
    {
        if (sync == Block.SYNC_CONTROL)
        {
            final int type = (int)payload & 0xFF;
            return type == MemoryBlockTypes.RREQ_MIDDLE || type == MemoryBlockTypes.RRESP_MIDDLE ||
                type == MemoryBlockTypes.WREQ_MIDDLE;
        }
        return sync == Block.SYNC_DATA || sync == MemoryBlockTypes.SYNC_WRITE_DATA_8;
    }
}
