package org.edm.phy.carrier;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;

/**
 * Which blocks may wait in a sender's open carrier frame past the end of a duty cycle, so that a link streaming bulk
 * write data sends a few full frames instead of one small frame per cycle (on a software fabric every frame costs a
 * system call, and one thread may run many links).
 * <p>
 * Only a write's blocks before its last may wait: its header ({@code 0x0C}, also the header the switch sends when it
 * resumes a write after a pause between grants) and its middle blocks ({@code 0x1C}). The memory node acts on a write
 * at its last block ({@code 0x2C}), which is urgent and takes the waiting blocks along. Everything else is urgent and
 * closes the frame at the end of the cycle: NOTIF, GRANT and ACK, every block of a read request or a read
 * response (reads are what latency is measured on: they never wait for a frame to fill), every block of an ordinary
 * frame (the baselines' frames cross the same links and must see the same fabric), and 8-byte data blocks: under the
 * wire-8 framing a write's last block is one of them, told from the others only by the length in the header, so
 * under wire-8 only a write's tag and address blocks may wait and the hold does next to nothing.
 * <pre>
 *   cycle k:   [WREQ first][WREQ mid] ... [WREQ mid]          only waiting blocks: the frame stays open
 *   cycle k+1: ... [WREQ mid][RREQ first][RREQ mid][RREQ last]  an urgent block: the frame closes and goes out
 * </pre>
 * A waiting frame is still bounded in time by the sender (a write may pause mid-way for want of a grant).
 */
public final class CarrierHold
{
    private CarrierHold()
    {
    }

    /** Whether a block may wait in an open carrier frame for later blocks. */
    public static boolean mayWait(final int sync, final long payload)
    {
        if (sync != Block.SYNC_CONTROL)
        {
            return false;
        }
        final int type = (int)payload & 0xFF;
        return type == MemoryBlockTypes.WREQ_MIDDLE || type == MemoryBlockTypes.WREQ_FIRST;
    }
}
