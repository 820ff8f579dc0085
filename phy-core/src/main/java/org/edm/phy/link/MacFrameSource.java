package org.edm.phy.link;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

import java.nio.ByteOrder;

/**
 * The MAC frame {@link SlotSource}: encodes queued frames directly into clause 49 blocks, one block per slot it wins
 * (a start block, data blocks, a terminate block; layout in {@link MacBlockFraming}). This is the transmit fast path
 * for frames on an EDM link; it does not go through XGMII.
 * <p>
 * Rules it enforces, for MAC frames only (memory blocks need neither, edm-protocol §3.3):
 * <ul>
 *   <li>Minimum frame: the {@link MacFrameQueue} pads every frame to 60 bytes before the FCS, so at least 64 bytes
 *   go out between the SFD and /T/.</li>
 *   <li>Inter-frame gap: a frame starts at the earliest lane (lane 0 or lane 4 of a slot it is offered) that leaves at
 *   least {@link MacBlockFraming#MIN_GAP_BYTES} lanes after the previous frame, counting /T/, the idle lanes after it,
 *   every whole slot in between and the idle lanes of a START_4 block. Slots other sources took count as gap: EDM
 *   reuses the inter-frame gap for memory blocks. When the gap is not yet long enough the source declines the slot.
 *   </li>
 * </ul>
 * A queued frame does not start before its ready slot ({@link MacFrameQueue#offer(DirectBuffer, int, int, long)}).
 * Once a frame has started the source always has a block for the next slot it wins: a memory block can preempt the
 * frame in any slot and the frame goes on afterwards. Per-slot work is an 8-byte read and a few branches; no
 * allocation.
 */
public final class MacFrameSource implements SlotSource
{
    private final MacFrameQueue queue;
    private final UnsafeBuffer slab;
    private boolean inFrame;
    private int position;
    private int end;
    private boolean hasPrevious;
    private long terminateSlot;
    private int terminateGap;
    private long framesSent;
    private long blocksSent;
    private long lane0Starts;
    private long lane4Starts;
    private long gapDeferrals;
    private long wireBytes;

    /** A source over its own queue of {@code capacity} frames of at most {@code maxFrameLength} bytes (no FCS). */
    public MacFrameSource(final int capacity, final int maxFrameLength)
    {
        this(new MacFrameQueue(capacity, maxFrameLength));
    }

    public MacFrameSource(final MacFrameQueue queue)
    {
        if (queue == null)
        {
            throw new IllegalArgumentException("queue=null");
        }
        this.queue = queue;
        this.slab = queue.slab();
    }

    /** Queues a frame; see {@link MacFrameQueue#offer(DirectBuffer, int, int)} for the return codes. */
    public int offer(final DirectBuffer buffer, final int offset, final int length)
    {
        return queue.offer(buffer, offset, length);
    }

    /** Queues a frame that may not start before {@code readySlot}; see {@link MacFrameQueue}. */
    public int offer(final DirectBuffer buffer, final int offset, final int length, final long readySlot)
    {
        return queue.offer(buffer, offset, length, readySlot);
    }

    @Override
    public boolean emit(final long slot, final BlockSink sink)
    {
        if (inFrame)
        {
            final int remaining = end - position;
            final long data = slab.getLong(position, ByteOrder.LITTLE_ENDIAN);
            blocksSent++;
            if (remaining >= 8)
            {
                position += 8;
                sink.accept(Block.SYNC_DATA, data);
            }
            else
            {
                endFrame(slot, remaining);
                sink.accept(Block.SYNC_CONTROL, MacBlockFraming.terminatePayload(remaining, data));
            }
            return true;
        }
        if (!queue.headReady(slot))
        {
            return false;
        }
        return startFrame(slot, sink);
    }

    private boolean startFrame(final long slot, final BlockSink sink)
    {
        final int lane = startLane(slot);
        if (lane < 0)
        {
            gapDeferrals++;
            return false;
        }
        final int entry = queue.headEntryOffset();
        end = entry + MacFrameQueue.FRAME_OFFSET + queue.headWireLength();
        wireBytes += MacBlockFraming.wireBytes(queue.headWireLength());
        inFrame = true;
        blocksSent++;
        if (lane == 0)
        {
            lane0Starts++;
            position = entry + MacFrameQueue.FRAME_OFFSET;
            sink.accept(Block.SYNC_CONTROL, MacBlockFraming.START_0_PAYLOAD);
        }
        else
        {
            lane4Starts++;
            position = entry;
            sink.accept(Block.SYNC_CONTROL, MacBlockFraming.START_4_PAYLOAD);
        }
        return true;
    }

    /** 0 or 4: the earliest lane of {@code slot} where a frame may start; -1 when the gap is still too short. */
    private int startLane(final long slot)
    {
        if (!hasPrevious)
        {
            return 0;
        }
        final long wholeSlots = slot - terminateSlot - 1;
        if (wholeSlots >= 2)
        {
            return 0;
        }
        if (wholeSlots < 0)
        {
            return -1;
        }
        final int gap = terminateGap + 8 * (int)wholeSlots;
        if (gap >= MacBlockFraming.MIN_GAP_BYTES)
        {
            return 0;
        }
        return gap + 4 >= MacBlockFraming.MIN_GAP_BYTES ? 4 : -1;
    }

    private void endFrame(final long slot, final int dataBytes)
    {
        queue.remove();
        inFrame = false;
        hasPrevious = true;
        terminateSlot = slot;
        terminateGap = MacBlockFraming.gapInTerminateBlock(dataBytes);
        framesSent++;
    }

    /** The queue this source sends from. */
    public MacFrameQueue queue()
    {
        return queue;
    }

    /** Whether a frame has started and not yet ended. */
    public boolean inFrame()
    {
        return inFrame;
    }

    /** Whether there is a frame in progress or waiting. */
    public boolean hasWork()
    {
        return inFrame || !queue.isEmpty();
    }

    public long framesSent()
    {
        return framesSent;
    }

    public long blocksSent()
    {
        return blocksSent;
    }

    public long lane0Starts()
    {
        return lane0Starts;
    }

    public long lane4Starts()
    {
        return lane4Starts;
    }

    /**
     * Bytes on the wire of the frames started so far, each counted with its preamble and the gap it forces
     * ({@link MacBlockFraming#wireBytes(int)}): 8 times the block slots they hold when sent back to back.
     */
    public long wireBytes()
    {
        return wireBytes;
    }

    /** Slots this source was offered but declined because the inter-frame gap was still too short. */
    public long gapDeferrals()
    {
        return gapDeferrals;
    }
}
