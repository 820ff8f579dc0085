package org.edm.phy.pcs;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import static java.nio.ByteOrder.LITTLE_ENDIAN;
import static org.edm.phy.pcs.VectorType.CONTROL;
import static org.edm.phy.pcs.VectorType.DATA;
import static org.edm.phy.pcs.VectorType.ERROR;
import static org.edm.phy.pcs.VectorType.START;
import static org.edm.phy.pcs.VectorType.TERMINATE;

/**
 * The clause 49 PCS receive process: 66-bit blocks in, XGMII transfers out, one transfer per block, with the receive
 * state machine of IEEE 802.3 figure 49-15 deciding where /E/ goes.
 * <p>
 * Each block is classified by {@code R_TYPE} ({@link VectorType}; sync headers 00 and 11 are class E); the state
 * machine then delivers {@code DECODE(rx_coded)} ({@link BlockCodec#decode}) or, in state RX_E, {@code EBLOCK_R}:
 * /E/ in all eight lanes ({@link BlockCodec#ERROR_TXD}, RXC 0xFF). A block is therefore replaced by error characters
 * when it is invalid itself or when it breaks the frame sequence.
 * <pre>
 *            C          S          T                       D          E        <- R_TYPE(rx_coded)
 *   RX_INIT  RX_C       RX_D       RX_E                    RX_E       RX_E
 *   RX_C     RX_C       RX_D       RX_E                    RX_E       RX_E
 *   RX_D     RX_E       RX_E       next C or S ? RX_T      RX_D       RX_E
 *                                  else          RX_E
 *   RX_T     RX_C       RX_D       RX_E                    RX_E       RX_E
 *   RX_E     RX_C       RX_D       next C or S ? RX_T      RX_D       RX_E
 *                                  else          RX_E
 *
 *   output in the new state: RX_E delivers EBLOCK_R, every other state delivers DECODE(rx_coded)
 *   "next" is R_TYPE_NEXT, the class of the block that follows
 * </pre>
 * <b>R_TYPE_NEXT.</b> The standard accepts a terminate block only when the block after it is control or a start, so
 * the decision on a block can need the next block. This decoder always keeps exactly one block back: each block
 * offered completes the decision on the block before it, so output lags input by one block, always, which keeps the
 * timing of the stream regular (the hardware has the same one-block register). {@link #flush()} completes the held
 * block when no block will follow for now; it decides as if an idle block followed (the line goes idle), so a frame
 * that ends the input is delivered with its terminate intact. Decoding goes on normally after a flush.
 * <p>
 * RX_INIT is the state after construction and {@link #reset()}. The standard delivers {@code LBLOCK_R} (local fault)
 * there while the receiver has no block lock; this decoder has no lock to wait for, so RX_INIT only decides the first
 * block, which must be control or a start to be delivered as is.
 * <p>
 * Data path rules: no allocation after construction, no exceptions, no locks; any 66 bits are legal input. Error
 * transfers delivered and invalid blocks seen are counted. Data blocks inside a frame take a fast path. Not
 * thread-safe: one decoder per link direction. Descrambling is a separate stage ({@link Descrambler}).
 */
public final class BlockDecoder
{
    public static final int RX_INIT = 0;
    public static final int RX_C = 1;
    public static final int RX_D = 2;
    public static final int RX_T = 3;
    public static final int RX_E = 4;

    /** Returned by the bulk {@link #decode(BlockBuffer, long[], byte[], int)} when the arrays are too short. */
    public static final int INSUFFICIENT_CAPACITY = -1;

    /** Next state, indexed {@code state * VectorType.COUNT + R_TYPE}; T in RX_D and RX_E is decided separately. */
    private static final byte[] NEXT = new byte[5 * VectorType.COUNT];

    static
    {
        for (final int state : new int[] { RX_INIT, RX_C, RX_T })
        {
            next(state, RX_C, RX_D, RX_E, RX_E, RX_E);
        }
        next(RX_D, RX_E, RX_E, RX_T, RX_D, RX_E);
        next(RX_E, RX_C, RX_D, RX_T, RX_D, RX_E);
    }

    private static final VarHandle RXC_OCTETS = MethodHandles.byteArrayViewVarHandle(long[].class, LITTLE_ENDIAN);

    private int state = RX_INIT;
    private boolean holding;
    private int heldSync;
    private long heldPayload;
    private long rxd;
    private int rxc;
    private long errorTransfers;
    private long invalidBlocks;

    private static void next(
        final int state, final int onControl, final int onStart, final int onTerminate, final int onData,
        final int onError)
    {
        final int row = state * VectorType.COUNT;
        NEXT[row + CONTROL] = (byte)onControl;
        NEXT[row + START] = (byte)onStart;
        NEXT[row + TERMINATE] = (byte)onTerminate;
        NEXT[row + DATA] = (byte)onData;
        NEXT[row + ERROR] = (byte)onError;
    }

    /**
     * The receive state machine's next state from {@code state} on a block of class {@code type}, followed by a
     * block of class {@code nextType} (which matters only for a terminate in RX_D or RX_E).
     */
    public static int nextState(final int state, final int type, final int nextType)
    {
        if (type == TERMINATE && (state == RX_D || state == RX_E))
        {
            return nextType == CONTROL || nextType == START ? RX_T : RX_E;
        }
        return NEXT[state * VectorType.COUNT + type];
    }

    /**
     * Offers the next received block and completes the decision on the block held before it.
     *
     * @return true when a transfer was completed, now in {@link #rxd()} and {@link #rxc()}; false for the first block
     *         after construction, {@link #reset()} or {@link #flush()}, which is only held.
     */
    public boolean decode(final int sync, final long payload)
    {
        final boolean completed = holding;
        if (completed)
        {
            rxd = decide(heldSync, heldPayload, sync, payload);
        }
        holding = true;
        heldSync = sync;
        heldPayload = payload;
        return completed;
    }

    /**
     * Completes the held block as if an idle block followed it.
     *
     * @return true when a transfer was completed (in {@link #rxd()} and {@link #rxc()}); false when nothing was held.
     */
    public boolean flush()
    {
        if (!holding)
        {
            return false;
        }
        rxd = decide(heldSync, heldPayload, Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        holding = false;
        return true;
    }

    /** RXD of the transfer the last completing call delivered. */
    public long rxd()
    {
        return rxd;
    }

    /** RXC of the transfer the last completing call delivered. */
    public int rxc()
    {
        return rxc;
    }

    /** Whether a block is held, waiting for the next block (or {@link #flush()}) to complete it. */
    public boolean isHolding()
    {
        return holding;
    }

    /**
     * Decodes every block of {@code src} into {@code rxd[offset..]} and {@code rxc[offset..]}: first the block held
     * from before (if any), then all blocks of {@code src} but the last, which is held for the next call or
     * {@link #flush()}. {@code src} is not changed.
     *
     * @return the number of transfers written ({@code src.size()} or one less), or {@link #INSUFFICIENT_CAPACITY},
     *         decoding nothing, when fewer than {@code src.size()} entries are free from {@code offset}.
     */
    public int decode(final BlockBuffer src, final long[] rxd, final byte[] rxc, final int offset)
    {
        final int count = src.size();
        if (offset < 0 || rxd.length - offset < count || rxc.length - offset < count)
        {
            return INSUFFICIENT_CAPACITY;
        }
        if (count == 0)
        {
            return 0;
        }
        final long[] payloads = src.payloads();
        final long[] syncWords = src.syncWords();
        int out = offset;
        if (holding)
        {
            rxd[out] = decide(heldSync, heldPayload, BlockBuffer.syncOf(syncWords, 0), payloads[0]);
            rxc[out++] = (byte)this.rxc;
        }
        int s = state;
        final int last = count - 1;
        for (int block = 0; block < last; block++)
        {
            if ((block & 31) == 0 && last - block >= 32 && (s == RX_D || s == RX_E) &&
                syncWords[block >>> 5] == BlockEncoder.ALL_DATA_SYNC_WORD)
            {
                // 32 data blocks inside a frame, none of them a terminate: copy them as they are
                System.arraycopy(payloads, block, rxd, out, 32);
                RXC_OCTETS.set(rxc, out, 0L);
                RXC_OCTETS.set(rxc, out + 8, 0L);
                RXC_OCTETS.set(rxc, out + 16, 0L);
                RXC_OCTETS.set(rxc, out + 24, 0L);
                out += 32;
                block += 31;
                s = RX_D;
                continue;
            }
            final int blockSync = (int)(syncWords[block >>> 5] >>> ((block & 31) << 1)) & 0b11;
            if (blockSync == Block.SYNC_DATA && (s == RX_D || s == RX_E))
            {
                rxd[out] = payloads[block];
                rxc[out++] = 0;
                s = RX_D;
            }
            else
            {
                state = s;
                rxd[out] = decide(blockSync, payloads[block], BlockBuffer.syncOf(syncWords, block + 1),
                    payloads[block + 1]);
                rxc[out++] = (byte)this.rxc;
                s = state;
            }
        }
        state = s;
        holding = true;
        heldSync = BlockBuffer.syncOf(syncWords, last);
        heldPayload = payloads[last];
        return out - offset;
    }

    /** Decides one block given the block after it; updates the state and {@link #rxc}, returns RXD. */
    private long decide(final int sync, final long payload, final int nextSync, final long nextPayload)
    {
        final int s = state;
        if (sync == Block.SYNC_DATA && (s == RX_D || s == RX_E))
        {
            state = RX_D;
            rxc = 0;
            return payload;
        }
        final long data = BlockCodec.decode(sync, payload);
        final int type = BlockCodec.decodedType(sync, payload, data);
        if (type == ERROR)
        {
            invalidBlocks++;
        }
        final int next = type == TERMINATE && (s == RX_D || s == RX_E) ?
            nextState(s, TERMINATE, BlockCodec.blockType(nextSync, nextPayload)) :
            NEXT[s * VectorType.COUNT + type];
        state = next;
        if (next == RX_E)
        {
            errorTransfers++;
            rxc = BlockCodec.ALL_CONTROL;
            return BlockCodec.ERROR_TXD;
        }
        rxc = BlockCodec.decodedRxc(sync, payload, data);
        return data;
    }

    /** The current state of the receive state machine ({@link #RX_INIT} .. {@link #RX_E}), as of the last decision. */
    public int state()
    {
        return state;
    }

    /** Transfers of /E/ delivered so far ({@code EBLOCK_R}), for invalid blocks and for sequence errors alike. */
    public long errorTransfers()
    {
        return errorTransfers;
    }

    /** Blocks seen so far whose {@code R_TYPE} is E (invalid sync header, type or code). */
    public long invalidBlocks()
    {
        return invalidBlocks;
    }

    /** Back to RX_INIT with nothing held, as after a PCS reset; a held block is dropped. Counters are kept. */
    public void reset()
    {
        state = RX_INIT;
        holding = false;
    }

    /** The state's name as in figure 49-15. */
    public static String stateName(final int state)
    {
        return switch (state)
        {
            case RX_INIT -> "RX_INIT";
            case RX_C -> "RX_C";
            case RX_D -> "RX_D";
            case RX_T -> "RX_T";
            case RX_E -> "RX_E";
            default -> "?";
        };
    }
}
