package org.edm.agent;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import org.edm.phy.carrier.CarrierHold;
import org.edm.phy.carrier.CarrierPacker;
import org.edm.phy.carrier.CarrierReceiver;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

/**
 * One end of a fabric cable: blocks of one link direction packed into carrier frames (0x88B5) and sent through a
 * {@link FramePort}, and carrier frames received from it unpacked into blocks, with the link sequence checked.
 * <pre>
 *   add(sync, payload) ... add  -> packed in place into the port's TX slot (no copy), a frame per MTU of blocks;
 *                                  without TX room the block is held and ready() is false until it is queued
 *   flush(slot)                 -> the open frame is closed and everything committed goes out in one call;
 *                                  with a hold, an open frame of blocks that may wait (CarrierHold: a write before
 *                                  its last block) stays open until an urgent block joins it, it fills, or it has
 *                                  been open for the hold's slots
 *   poll(sink)                  -> each received carrier frame's blocks, in order, to sink; a sequence gap is
 *                                  reported through gapHandler so the receiver can drop half-received messages
 * </pre>
 * Idle blocks are not carried. Data path: no allocation, no exceptions; failures are counted.
 */
public final class CarrierLink implements FrameHandler
{
    private final FramePort port;
    private final CarrierPacker packer;
    private final CarrierReceiver receiver;
    private final int maxFrame;
    private BlockSink sink;
    private Runnable gapHandler = () -> { };
    private int claimedAt = -1;
    private long openedAt;
    private boolean urgent;
    private final long holdSlots;

    private long framesSent;
    private long flushesHeld;
    private long sendFailures;
    private long blocksDropped;
    private long txStalls;
    private long gaps;
    private boolean held;
    private int heldSync;
    private long heldPayload;

    /**
     * @param destinationMac MAC of the far end, as a 48-bit value.
     * @param sourceMac      MAC of this end.
     */
    public CarrierLink(final FramePort port, final long destinationMac, final long sourceMac)
    {
        this(port, destinationMac, sourceMac, 0);
    }

    /**
     * @param holdSlots how long an open frame of blocks that may wait ({@link CarrierHold}) stays open across flushes,
     *                  in slots from the frame's first slot; 0 sends every open frame at each flush.
     */
    public CarrierLink(final FramePort port, final long destinationMac, final long sourceMac, final long holdSlots)
    {
        if (holdSlots < 0)
        {
            throw new IllegalArgumentException("holdSlots=" + holdSlots + " must be >= 0");
        }
        this.holdSlots = holdSlots;
        this.port = port;
        this.maxFrame = port.mtu();
        this.packer = new CarrierPacker(destinationMac, sourceMac, maxFrame);
        this.receiver = new CarrierReceiver(maxFrame);
    }

    public FramePort port()
    {
        return port;
    }

    /** Called when a received frame follows a gap in the link sequence (frames were lost). */
    public void gapHandler(final Runnable handler)
    {
        this.gapHandler = handler;
    }

    /**
     * Queues one block for sending in slot {@code slot}; opens a frame when none is open and sends a full one. When
     * the port has no TX room (the far end is not taking frames), the block is held, not dropped: {@link #ready}
     * then says false until it is queued, and the caller sends nothing more meanwhile (the link is busy).
     *
     * @return false when the block is held for want of TX room.
     */
    public boolean add(final long slot, final int sync, final long payload)
    {
        if (sync == Block.SYNC_CONTROL && payload == Block.IDLE_PAYLOAD)
        {
            return true;
        }
        if (held)
        {
            // a caller that ignores ready(): the order of blocks must not change, so this is the one loss left
            blocksDropped++;
            return false;
        }
        if (queue(slot, sync, payload))
        {
            noteForHold(sync, payload);
            return true;
        }
        held = true;
        heldSync = sync;
        heldPayload = payload;
        txStalls++;
        return false;
    }

    /**
     * Whether the link can take a block now: true unless a block is held for want of TX room and still cannot be
     * queued (it is retried here first). A sender stops emitting while this is false, as a PHY whose MAC is paused.
     */
    public boolean ready(final long slot)
    {
        if (!held)
        {
            return true;
        }
        if (!queue(slot, heldSync, heldPayload))
        {
            return false;
        }
        held = false;
        noteForHold(heldSync, heldPayload);
        return true;
    }

    private boolean keepsOpen(final long slot)
    {
        return !urgent && slot - openedAt < holdSlots && port.pendingFrames() == 0;
    }

    /** Marks the open frame urgent at its first block that may not wait (links without a hold skip the test). */
    private void noteForHold(final int sync, final long payload)
    {
        if (holdSlots != 0 && !urgent && !CarrierHold.mayWait(sync, payload))
        {
            urgent = true;
        }
    }

    private boolean queue(final long slot, final int sync, final long payload)
    {
        if (claimedAt < 0 && !open(slot))
        {
            return false;
        }
        if (!packer.add(sync, payload))
        {
            close(slot);
            return open(slot) && packer.add(sync, payload);
        }
        return true;
    }

    /**
     * Closes the open frame, if any, and sends every committed frame; returns frames sent. With a hold, an open frame
     * holding only blocks that may wait stays open while it is younger than the hold and nothing else is staged. Only
     * the switch's links hold: nothing waits on a write's blocks beyond the switch before its last, which is urgent,
     * while a sender's granted blocks must reach the switch at once (its scheduler counts them there).
     *
     * @param slot the first slot not stepped yet.
     */
    public int flush(final long slot)
    {
        if (claimedAt >= 0)
        {
            if (keepsOpen(slot))
            {
                flushesHeld++;
                return 0; // more of the write will share this frame
            }
            close(slot);
        }
        if (port.pendingFrames() == 0)
        {
            return 0;
        }
        final int sent = port.flush();
        if (sent < 0)
        {
            sendFailures++;
            return 0;
        }
        framesSent += sent;
        return sent;
    }

    /** Whether a frame is open after the last {@link #flush}: a hold keeps it for more of a write. */
    public boolean holdsFrame()
    {
        return claimedAt >= 0;
    }

    /**
     * Sends the open frame, held or not, and everything staged: for the owner's shutdown, before the port closes (a
     * claim left open would be dropped, or written into unmapped rings). Returns frames sent.
     */
    public int drain(final long slot)
    {
        if (port.isClosed())
        {
            claimedAt = -1; // its rings are gone: nothing can be written or sent any more
            return 0;
        }
        if (claimedAt >= 0)
        {
            close(slot);
        }
        return flush(slot);
    }

    /** Delivers the blocks of up to {@code limit} received carrier frames to {@code blockSink}; returns frames. */
    public int poll(final BlockSink blockSink, final int limit)
    {
        this.sink = blockSink;
        final int frames = port.poll(this, limit);
        return Math.max(frames, 0);
    }

    public void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        receiver.onFrame(buffer, offset, length, sink);
        if (receiver.lastFrameFollowedGap())
        {
            gaps++;
            gapHandler.run();
        }
    }

    private boolean open(final long slot)
    {
        final int at = port.tryClaim(maxFrame);
        if (at < 0)
        {
            if (port.pendingFrames() > 0 && port.flush() >= 0)
            {
                return open(slot);
            }
            return false;
        }
        claimedAt = at;
        openedAt = slot;
        urgent = false;
        final MutableDirectBuffer buffer = port.txBuffer();
        packer.begin(buffer, at, slot);
        return true;
    }

    /** Commits the open frame; never abandons one, since its sequence number is taken and a hole looks like loss. */
    private void close(final long slot)
    {
        port.commit(packer.finish(slot));
        claimedAt = -1;
    }

    public CarrierReceiver receiver()
    {
        return receiver;
    }

    public CarrierPacker packer()
    {
        return packer;
    }

    public long framesSent()
    {
        return framesSent;
    }

    /** Flushes that kept a young frame of waiting blocks open instead of sending it. */
    public long flushesHeld()
    {
        return flushesHeld;
    }

    /** The hold, in slots (0: none). */
    public long holdSlots()
    {
        return holdSlots;
    }

    public long sendFailures()
    {
        return sendFailures;
    }

    /** Blocks lost because a caller kept adding while a block was held (callers that check {@link #ready} lose none). */
    public long blocksDropped()
    {
        return blocksDropped;
    }

    /** Times the port had no TX room for a block, which was then held until it had (back-pressure, not loss). */
    public long txStalls()
    {
        return txStalls;
    }

    /** Received frames that followed a sequence gap. */
    public long gaps()
    {
        return gaps;
    }
}
