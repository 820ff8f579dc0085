package org.edm.phy.link;

import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;

import java.util.ArrayList;
import java.util.List;

/**
 * Measures MAC framing on a recorded slot stream (one block per slot, slot = index), independently of the encoder:
 * for every frame its start slot and lane, its length in bytes after the SFD (FCS included), and the gap in lanes
 * from the previous /T/ to its /S/. Memory blocks (control type not clause 49 or sync 00/11) are ignored as frame
 * content but count as time.
 */
final class FrameStreamStats
{
    record Frame(int startSlot, int lane, int terminateSlot, int wireBytes, int gapBefore)
    {
    }

    final List<Frame> frames = new ArrayList<>();

    static FrameStreamStats of(final RecordingSink stream)
    {
        final FrameStreamStats stats = new FrameStreamStats();
        int startSlot = -1;
        int lane = 0;
        int dataBlocks = 0;
        int lastTerminateSlot = -1;
        int lastTerminateGap = 0;
        int gapBefore = -1;
        for (int slot = 0; slot < stream.size(); slot++)
        {
            final int sync = stream.sync(slot);
            final int type = stream.type(slot);
            if (sync == Block.SYNC_DATA)
            {
                if (startSlot >= 0)
                {
                    dataBlocks++;
                }
                continue;
            }
            if (sync != Block.SYNC_CONTROL)
            {
                continue;
            }
            if (type == BlockTypes.START_0 || type == BlockTypes.START_4)
            {
                startSlot = slot;
                lane = type == BlockTypes.START_0 ? 0 : 4;
                dataBlocks = 0;
                gapBefore = lastTerminateSlot < 0 ? -1 :
                    lastTerminateGap + 8 * (slot - lastTerminateSlot - 1) + lane;
            }
            else if (BlockTypes.terminateDataBytes(type) >= 0 && startSlot >= 0)
            {
                final int k = BlockTypes.terminateDataBytes(type);
                final int wireBytes = 8 * dataBlocks + k - (lane == 4 ? 4 : 0);
                stats.frames.add(new Frame(startSlot, lane, slot, wireBytes, gapBefore));
                lastTerminateSlot = slot;
                lastTerminateGap = 8 - k;
                startSlot = -1;
            }
        }
        return stats;
    }

    long lane4Starts()
    {
        return frames.stream().filter(f -> f.lane() == 4).count();
    }

    long lane0Starts()
    {
        return frames.stream().filter(f -> f.lane() == 0).count();
    }
}
