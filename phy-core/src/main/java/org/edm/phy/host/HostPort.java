package org.edm.phy.host;

import org.agrona.DirectBuffer;
import org.edm.phy.link.FrameHandler;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.link.RxDemux;
import org.edm.phy.link.SlotSource;
import org.edm.phy.link.TxSlotArbiter;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

/**
 * A host's EDM link, both directions: its memory protocol engine ({@link HostEngine}) and its ordinary MAC frames
 * share one transmit arbiter and one receive demultiplexer (edm-protocol §3.1-§3.3).
 * <pre>
 *   transmit:  TxSlotArbiter:  HostEngine (memory blocks)  &gt;  MacFrameSource (the host's frames)  &gt;  idle
 *   receive:   block --&gt; RxDemux --memory block--&gt; HostEngine.accept(t, ...)
 *                                --whole frame---&gt;  the owner's FrameHandler
 * </pre>
 * Memory blocks preempt a frame in progress at block granularity, exactly as the NIC PHY's arbiter does; the frame
 * goes on in the next slot memory leaves free and reaches the far end whole (the receiver reassembles it). Frames
 * are the host's lower priority: they only ever use slots the memory side does not want.
 * <p>
 * In a slot where no frame is queued or in progress the arbiter is skipped and the engine asked directly, and a
 * received memory block goes straight to the engine (what the demultiplexer would do with it at once, whatever the
 * frame in reassembly): the same outcome without the extra calls, so a host that sends no frames costs what the bare
 * engine costs. Free of any notion of simulated or real time: the real-time host agent and the simulator drive it
 * alike. Single-threaded; no allocation, exceptions or logging per slot.
 */
public final class HostPort
{
    /** {@link #emit(long)}: the slot got the idle block. */
    public static final int IDLE = TxSlotArbiter.IDLE;
    /** {@link #emit(long)}: the slot got a memory block. */
    public static final int MEMORY = 0;
    /** {@link #emit(long)}: the slot got a block of a MAC frame. */
    public static final int FRAME = 1;

    private final HostEngine engine;
    private final MacFrameSource frames;
    private final TxSlotArbiter tx;
    private final RxDemux rx;
    private final boolean eightByteData;
    private final BlockSink capture = this::capture;
    /** Whether a frame may be queued or in progress: false only when the frame source surely has no work. */
    private boolean framesPending;
    private long rxSlot;
    private int sync;
    private long payload;

    /**
     * @param engine         the host's memory protocol engine.
     * @param frameCapacity  frames the transmit queue holds at most (rounded up to a power of two).
     * @param maxFrameLength largest frame sent or received, without FCS (1514 for a standard MTU).
     * @param frameHandler   receives every good frame addressed to this link, whole (any destination MAC: filtering
     *                       is the owner's business, as with a NIC in promiscuous mode).
     */
    public HostPort(
        final HostEngine engine, final int frameCapacity, final int maxFrameLength, final FrameHandler frameHandler)
    {
        if (engine == null)
        {
            throw new IllegalArgumentException("engine=null");
        }
        this.engine = engine;
        this.frames = new MacFrameSource(frameCapacity, maxFrameLength);
        final SlotSource memory = (slot, sink) ->
        {
            if (engine.emit(slot))
            {
                sink.accept(engine.sync(), engine.payload());
                return true;
            }
            return false;
        };
        this.tx = new TxSlotArbiter(memory, frames);
        final BlockSink memoryIn = (blockSync, blockPayload) -> engine.accept(rxSlot, blockSync, blockPayload);
        this.eightByteData = engine.config().framing().dataOnInvalidSync();
        this.rx = new RxDemux(memoryIn, frameHandler, maxFrameLength, eightByteData);
    }

    /**
     * Queues a frame to send (destination MAC through payload, no FCS); it is padded and given its FCS here.
     *
     * @return {@link MacFrameQueue#OK}, or {@link MacFrameQueue#FULL}, {@link MacFrameQueue#TOO_LONG} or
     *         {@link MacFrameQueue#EMPTY} (counted by the queue; nothing queued).
     */
    public int offerFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        final int result = frames.offer(buffer, offset, length);
        framesPending |= result == MacFrameQueue.OK;
        return result;
    }

    /** Frames that can be queued now. */
    public int frameRoom()
    {
        return frames.queue().remaining();
    }

    /** Whether a frame is in progress or queued. */
    public boolean hasFrames()
    {
        return framesPending;
    }

    /**
     * Fills this slot of the uplink: a memory block if the engine has one, else the next block of a frame, else
     * idle. The block is in {@link #sync()} and {@link #payload()} afterwards (the idle block too).
     *
     * @return {@link #MEMORY}, {@link #FRAME} or {@link #IDLE}.
     */
    public int emit(final long slot)
    {
        if (!framesPending)
        {
            if (engine.emit(slot))
            {
                sync = engine.sync();
                payload = engine.payload();
                return MEMORY;
            }
            sync = Block.SYNC_CONTROL;
            payload = Block.IDLE_PAYLOAD;
            return IDLE;
        }
        final int what = tx.emit(slot, capture);
        framesPending = frames.hasWork();
        return what;
    }

    /**
     * Hands in a block that arrived in slot {@code slot} (idle blocks may be left out). A frame that ends with this
     * block reaches the frame handler before this returns; {@link #receiveSlot()} tells it the slot.
     */
    public void accept(final long slot, final int blockSync, final long blockPayload)
    {
        rxSlot = slot;
        if (MemoryBlockTypes.isMemoryBlock(blockSync, blockPayload, eightByteData))
        {
            engine.accept(slot, blockSync, blockPayload);
        }
        else
        {
            rx.accept(blockSync, blockPayload);
        }
    }

    /** The slot of the block being (or last) handed to {@link #accept(long, int, long)}. */
    public long receiveSlot()
    {
        return rxSlot;
    }

    /** Sync header of the block {@link #emit(long)} chose. */
    public int sync()
    {
        return sync;
    }

    /** Payload of the block {@link #emit(long)} chose. */
    public long payload()
    {
        return payload;
    }

    /** Whether neither memory blocks nor frames wait to be sent. */
    public boolean idle()
    {
        return engine.idle() && !framesPending;
    }

    public HostEngine engine()
    {
        return engine;
    }

    /** The frame source, for its counters: queue frames with {@link #offerFrame}, which this port keeps track of. */
    public MacFrameSource frames()
    {
        return frames;
    }

    /**
     * The receive demultiplexer (frame drop counters). Memory blocks are recognised before it, by the same test, and
     * go straight to the engine, so its memory block counter stays 0: {@link HostEngine#blocksReceived()} counts them.
     */
    public RxDemux rx()
    {
        return rx;
    }

    /**
     * The transmit arbiter. It is consulted only in slots where frames are queued or in progress, so its counters
     * cover those slots; {@link HostEngine#blocksSent()} and {@link #frames()} count every block.
     */
    public TxSlotArbiter tx()
    {
        return tx;
    }

    private void capture(final int blockSync, final long blockPayload)
    {
        sync = blockSync;
        payload = blockPayload;
    }
}
