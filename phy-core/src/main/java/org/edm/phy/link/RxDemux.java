package org.edm.phy.link;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;
import org.edm.phy.pcs.BlockTypes;
import org.edm.phy.pcs.XgmiiCharacters;

import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * The receive demultiplexer of one link direction (edm-protocol §3.2, §3.3): memory blocks go to the memory sink the
 * moment they arrive; every other block is reassembled into MAC frames, which are checked (size, preamble, FCS) and
 * handed on whole, FCS stripped, in the order they were sent. A frame interrupted by memory blocks therefore comes
 * out contiguous, at its terminate block: store-and-forward per frame, as the EDM RX shim does.
 * <pre>
 *   block --&gt; memory block? (MemoryBlockTypes.isMemoryBlock) --yes--&gt; memory sink, at once
 *                  | no
 *                  v
 *             frame reassembly: START_0 / START_4 / OS_START, data, TERM_0..TERM_7 (idles skipped)
 *                  |  at the terminate block: runt? oversize? preamble? FCS?
 *                  v
 *             FrameHandler.onFrame(buffer, offset, length)     or a count under an RxDropReason
 * </pre>
 * Idle blocks are skipped anywhere, inside a frame too, like the RTL shim that never writes control types up to 0x1E.
 * Malformed input is counted per {@link RxDropReason} and the frame in progress dropped; nothing on this path throws
 * or allocates, whatever bits arrive.
 */
public final class RxDemux implements BlockSink
{
    private static final int OUTSIDE = 0;
    private static final int IN_FRAME = 1;
    private static final int DISCARD = 2;
    /** Where the frame's first byte lands in the reassembly buffer; a lane-4 start puts its preamble tail before. */
    private static final int FRAME_OFFSET = MacBlockFraming.PREAMBLE_TAIL_LENGTH;

    private final BlockSink memorySink;
    private final FrameHandler frameHandler;
    private final boolean eightByteData;
    private final int maxFrameLength;
    private final int limit;
    private final byte[] frameArray;
    private final UnsafeBuffer frameBuffer;
    private final CRC32 crc = new CRC32();
    private final long[] drops = new long[RxDropReason.COUNT];
    private int state = OUTSIDE;
    private int writePosition;
    private boolean lane4Start;
    private long memoryBlocks;
    private long framesDelivered;
    private long frameBytesDelivered;
    private long idleBlocks;
    private long orderedSets;
    private long discardedBlocks;

    /**
     * @param memorySink     receives every memory block at once.
     * @param frameHandler   receives every good frame, whole.
     * @param maxFrameLength largest frame accepted, without FCS (1514 for a standard MTU).
     * @param eightByteData  whether the link carries 8-byte memory data blocks on sync headers 00 and 11
     *                       ({@link MemoryBlockTypes#isMemoryBlock(int, long, boolean)}).
     */
    public RxDemux(
        final BlockSink memorySink, final FrameHandler frameHandler, final int maxFrameLength,
        final boolean eightByteData)
    {
        if (memorySink == null)
        {
            throw new IllegalArgumentException("memorySink=null");
        }
        if (frameHandler == null)
        {
            throw new IllegalArgumentException("frameHandler=null");
        }
        if (maxFrameLength < MacBlockFraming.MIN_FRAME_LENGTH || maxFrameLength > MacBlockFraming.MAX_MAX_FRAME_LENGTH)
        {
            throw new IllegalArgumentException("maxFrameLength=" + maxFrameLength + " outside " +
                MacBlockFraming.MIN_FRAME_LENGTH + ".." + MacBlockFraming.MAX_MAX_FRAME_LENGTH);
        }
        this.memorySink = memorySink;
        this.frameHandler = frameHandler;
        this.eightByteData = eightByteData;
        this.maxFrameLength = maxFrameLength;
        this.limit = FRAME_OFFSET + maxFrameLength + MacBlockFraming.FCS_LENGTH;
        this.frameArray = new byte[limit + 8];
        this.frameBuffer = new UnsafeBuffer(frameArray);
    }

    @Override
    public void accept(final int sync, final long payload)
    {
        if (MemoryBlockTypes.isMemoryBlock(sync, payload, eightByteData))
        {
            memoryBlocks++;
            memorySink.accept(sync, payload);
        }
        else if (sync == Block.SYNC_DATA)
        {
            onData(payload);
        }
        else if (sync == Block.SYNC_CONTROL)
        {
            onControl(payload);
        }
        else
        {
            malformed(RxDropReason.INVALID_SYNC);
        }
    }

    /**
     * Drops the frame in progress, if any, counting it under {@link RxDropReason#ABORTED}: for a caller that knows
     * blocks were lost (a gap in carrier frame sequence numbers). Blocks up to the next start are then discarded.
     *
     * @return whether a frame was in progress.
     */
    public boolean abortFrame()
    {
        if (state == IN_FRAME)
        {
            drops[RxDropReason.ABORTED]++;
            state = DISCARD;
            return true;
        }
        return false;
    }

    private void onData(final long payload)
    {
        switch (state)
        {
            case IN_FRAME ->
            {
                final int position = writePosition;
                if (position + 8 > limit)
                {
                    malformed(RxDropReason.OVERSIZE);
                }
                else
                {
                    frameBuffer.putLong(position, payload, ByteOrder.LITTLE_ENDIAN);
                    writePosition = position + 8;
                }
            }
            case DISCARD -> discardedBlocks++;
            default -> drops[RxDropReason.DATA_OUTSIDE_FRAME]++;
        }
    }

    private void onControl(final long payload)
    {
        if (payload == Block.IDLE_PAYLOAD)
        {
            idleBlocks++;
            return;
        }
        final int type = (int)payload & 0xFF;
        final int terminateBytes = BlockTypes.terminateDataBytes(type);
        if (terminateBytes >= 0)
        {
            onTerminate(terminateBytes, payload);
            return;
        }
        switch (type)
        {
            case BlockTypes.START_0 -> onStart(false, (payload >>> 8) == MacBlockFraming.START_0_DATA);
            case BlockTypes.START_4, BlockTypes.OS_START ->
                onStart(true, (payload >>> 40) == MacBlockFraming.START_4_PREAMBLE);
            case BlockTypes.CONTROL -> onControlCharacters(payload);
            case BlockTypes.OS_0, BlockTypes.OS_4, BlockTypes.OS_04 ->
            {
                if (state == IN_FRAME)
                {
                    malformed(RxDropReason.CONTROL_IN_FRAME);
                }
                else
                {
                    orderedSets++;
                }
            }
            default -> malformed(RxDropReason.UNKNOWN_TYPE);
        }
    }

    private void onStart(final boolean lane4, final boolean preambleOk)
    {
        if (state == IN_FRAME)
        {
            drops[RxDropReason.START_IN_FRAME]++;
        }
        if (!preambleOk)
        {
            drops[RxDropReason.BAD_PREAMBLE]++;
            state = DISCARD;
            return;
        }
        state = IN_FRAME;
        lane4Start = lane4;
        writePosition = lane4 ? 0 : FRAME_OFFSET;
    }

    /** A type 0x1E block that is not all idle: /E/, LPI or reserved characters. */
    private void onControlCharacters(final long payload)
    {
        boolean error = false;
        for (int shift = 8; shift < 64; shift += 7)
        {
            if (((payload >>> shift) & 0x7F) == XgmiiCharacters.CODE_ERROR)
            {
                error = true;
                break;
            }
        }
        if (error)
        {
            malformed(RxDropReason.ERROR_BLOCK);
        }
        else if (state == IN_FRAME)
        {
            malformed(RxDropReason.CONTROL_IN_FRAME);
        }
        else
        {
            orderedSets++;
        }
    }

    private void onTerminate(final int dataBytes, final long payload)
    {
        if (state == DISCARD)
        {
            discardedBlocks++;
            state = OUTSIDE;
            return;
        }
        if (state == OUTSIDE)
        {
            drops[RxDropReason.TERMINATE_WITHOUT_START]++;
            return;
        }
        state = OUTSIDE;
        final int position = writePosition;
        if (position + dataBytes > limit)
        {
            drops[RxDropReason.OVERSIZE]++;
            return;
        }
        frameBuffer.putLong(position, payload >>> 8, ByteOrder.LITTLE_ENDIAN);
        final int wireLength = position + dataBytes - FRAME_OFFSET;
        if (wireLength < MacBlockFraming.MIN_WIRE_FRAME_LENGTH)
        {
            drops[RxDropReason.RUNT]++;
            return;
        }
        if (lane4Start && frameBuffer.getInt(0, ByteOrder.LITTLE_ENDIAN) != MacBlockFraming.PREAMBLE_TAIL)
        {
            drops[RxDropReason.BAD_PREAMBLE]++;
            return;
        }
        final int frameLength = wireLength - MacBlockFraming.FCS_LENGTH;
        crc.reset();
        crc.update(frameArray, FRAME_OFFSET, frameLength);
        if ((int)crc.getValue() != frameBuffer.getInt(FRAME_OFFSET + frameLength, ByteOrder.LITTLE_ENDIAN))
        {
            drops[RxDropReason.BAD_FCS]++;
            return;
        }
        framesDelivered++;
        frameBytesDelivered += frameLength;
        frameHandler.onFrame(frameBuffer, FRAME_OFFSET, frameLength);
    }

    /** Counts a reason; a frame in progress is dropped and its remaining blocks discarded up to its terminate. */
    private void malformed(final int reason)
    {
        drops[reason]++;
        if (state == IN_FRAME)
        {
            state = DISCARD;
        }
    }

    /** Whether a frame has started and not yet ended (or been dropped). */
    public boolean inFrame()
    {
        return state == IN_FRAME;
    }

    /** Largest frame accepted, without FCS. */
    public int maxFrameLength()
    {
        return maxFrameLength;
    }

    /** Drops counted under {@code reason} (an {@link RxDropReason} id). */
    public long drops(final int reason)
    {
        return drops[reason];
    }

    /** Drops counted under every reason. */
    public long totalDrops()
    {
        long total = 0;
        for (final long count : drops)
        {
            total += count;
        }
        return total;
    }

    public long memoryBlocks()
    {
        return memoryBlocks;
    }

    public long framesDelivered()
    {
        return framesDelivered;
    }

    /** Bytes of frames delivered (without FCS). */
    public long frameBytesDelivered()
    {
        return frameBytesDelivered;
    }

    public long idleBlocks()
    {
        return idleBlocks;
    }

    /** Ordered sets and other non-idle control blocks seen between frames (not errors). */
    public long orderedSets()
    {
        return orderedSets;
    }

    /** Blocks thrown away as the rest of a frame already dropped. */
    public long discardedBlocks()
    {
        return discardedBlocks;
    }
}
