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
 * The clause 49 PCS transmit process: XGMII transfers in, 66-bit blocks out, one block per transfer, with the
 * transmit state machine of IEEE 802.3 figure 49-14 deciding where an error block goes.
 * <p>
 * Each transfer is classified by {@code T_TYPE} ({@link VectorType}); the state machine then either sends
 * {@code ENCODE(tx_raw)} ({@link BlockCodec#encode}) or, in state TX_E, the error block {@code EBLOCK_T} (sync
 * control, {@link BlockCodec#ERROR_BLOCK_PAYLOAD}). A transfer is therefore replaced by an error block when its own
 * characters are invalid (class E) or when it breaks the frame sequence: data outside a frame, a start inside one, a
 * terminate outside one.
 * <pre>
 *            C          S          T          D          E        <- T_TYPE(tx_raw)
 *   TX_INIT  TX_C       TX_D       TX_E       TX_E       TX_E
 *   TX_C     TX_C       TX_D       TX_E       TX_E       TX_E
 *   TX_D     TX_E       TX_E       TX_T       TX_D       TX_E
 *   TX_T     TX_C       TX_D       TX_E       TX_E       TX_E
 *   TX_E     TX_C       TX_D       TX_T       TX_D       TX_E
 *
 *   output in the new state: TX_E sends EBLOCK_T, every other state sends ENCODE(tx_raw)
 * </pre>
 * TX_INIT is the state after construction and {@link #reset()}. The standard has TX_INIT send {@code LBLOCK_T}
 * (local fault) for as long as the PCS is held in reset; here reset is not a duration, so TX_INIT sends nothing and
 * only decides the first transfer, which must be control or a start to be sent as is.
 * <p>
 * Data path rules: no allocation after construction, no exceptions, no locks; errors are counted
 * ({@link #errorBlocks()}). Data transfers inside a frame take a fast path that skips classification. Scrambling is a
 * separate stage ({@link Scrambler}), off unless the caller adds it. Not thread-safe: one encoder per link direction.
 */
public final class BlockEncoder
{
    public static final int TX_INIT = 0;
    public static final int TX_C = 1;
    public static final int TX_D = 2;
    public static final int TX_T = 3;
    public static final int TX_E = 4;

    /** Next state, indexed {@code state * VectorType.COUNT + T_TYPE}. */
    private static final byte[] NEXT = new byte[5 * VectorType.COUNT];

    static
    {
        for (final int state : new int[] { TX_INIT, TX_C, TX_T })
        {
            next(state, TX_C, TX_D, TX_E, TX_E, TX_E);
        }
        next(TX_D, TX_E, TX_E, TX_T, TX_D, TX_E);
        next(TX_E, TX_C, TX_D, TX_T, TX_D, TX_E);
    }

    /** A word of 32 packed sync headers, all data. */
    static final long ALL_DATA_SYNC_WORD = 0xAAAAAAAAAAAAAAAAL;

    private static final VarHandle TXC_OCTETS = MethodHandles.byteArrayViewVarHandle(long[].class, LITTLE_ENDIAN);

    private int state = TX_INIT;
    private int sync = Block.SYNC_CONTROL;
    private long errorBlocks;

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

    /** The transmit state machine's next state from {@code state} on a transfer of class {@code type}. */
    public static int nextState(final int state, final int type)
    {
        return NEXT[state * VectorType.COUNT + type];
    }

    /**
     * Encodes one transfer.
     *
     * @return the block's payload; its sync header is then {@link #sync()}.
     */
    public long encode(final long txd, final int txc)
    {
        if ((txc & 0xFF) == 0 && state == TX_D)
        {
            sync = Block.SYNC_DATA;
            return txd;
        }
        return encodeSlow(txd, txc);
    }

    private long encodeSlow(final long txd, final int txc)
    {
        final long payload = BlockCodec.encode(txd, txc);
        final int next = NEXT[state * VectorType.COUNT + BlockCodec.encodedType(txc, payload)];
        state = next;
        if (next == TX_E)
        {
            errorBlocks++;
            sync = Block.SYNC_CONTROL;
            return BlockCodec.ERROR_BLOCK_PAYLOAD;
        }
        sync = BlockCodec.encodedSync(txc);
        return payload;
    }

    /** The sync header of the block the last {@link #encode(long, int)} returned. */
    public int sync()
    {
        return sync;
    }

    /**
     * Encodes {@code length} transfers from {@code txd[offset..]} and {@code txc[offset..]} (both arrays must hold
     * {@code offset + length} entries) and appends the blocks to {@code dst}, stopping early when {@code dst} is full.
     * Runs of 32 data transfers inside a frame that land on a word of packed sync headers are copied whole.
     *
     * @return the number of transfers encoded (and blocks appended).
     */
    public int encode(final long[] txd, final byte[] txc, final int offset, final int length, final BlockBuffer dst)
    {
        final int count = Math.min(length, dst.remaining());
        if (count <= 0)
        {
            return 0;
        }
        final long[] payloads = dst.payloads();
        final long[] syncWords = dst.syncWords();
        int block = dst.size();
        int word = block >>> 5;
        long syncs = syncWords[word] & ((1L << ((block & 31) << 1)) - 1);
        int s = state;
        final int end = offset + count;
        for (int i = offset; i < end; i++)
        {
            if (s == TX_D && (block & 31) == 0 && end - i >= 32 && isAllData(txc, i))
            {
                // 32 data transfers inside a frame fill exactly one word of sync headers: copy them as they are
                System.arraycopy(txd, i, payloads, block, 32);
                syncWords[word++] = ALL_DATA_SYNC_WORD;
                block += 32;
                i += 31;
                continue;
            }
            final long d = txd[i];
            final int c = txc[i];
            final long payload;
            final int blockSync;
            if (c == 0 && s == TX_D)
            {
                payload = d;
                blockSync = Block.SYNC_DATA;
            }
            else
            {
                state = s;
                payload = encodeSlow(d, c & 0xFF);
                blockSync = sync;
                s = state;
            }
            payloads[block] = payload;
            syncs |= (long)blockSync << ((block & 31) << 1);
            block++;
            if ((block & 31) == 0)
            {
                syncWords[word++] = syncs;
                syncs = 0;
            }
        }
        if ((block & 31) != 0)
        {
            syncWords[word] = syncs;
        }
        state = s;
        dst.size(block);
        return count;
    }

    /** Whether the 32 TXC bytes from {@code index} are all zero: 32 data transfers. */
    private static boolean isAllData(final byte[] txc, final int index)
    {
        return ((long)TXC_OCTETS.get(txc, index) | (long)TXC_OCTETS.get(txc, index + 8) |
            (long)TXC_OCTETS.get(txc, index + 16) | (long)TXC_OCTETS.get(txc, index + 24)) == 0;
    }

    /** The current state of the transmit state machine ({@link #TX_INIT} .. {@link #TX_E}). */
    public int state()
    {
        return state;
    }

    /** Error blocks sent so far, for invalid transfers and for sequence errors alike. */
    public long errorBlocks()
    {
        return errorBlocks;
    }

    /** Back to TX_INIT, as after a PCS reset; the counter is kept. */
    public void reset()
    {
        state = TX_INIT;
        sync = Block.SYNC_CONTROL;
    }

    /** The state's name as in figure 49-14. */
    public static String stateName(final int state)
    {
        return switch (state)
        {
            case TX_INIT -> "TX_INIT";
            case TX_C -> "TX_C";
            case TX_D -> "TX_D";
            case TX_T -> "TX_T";
            case TX_E -> "TX_E";
            default -> "?";
        };
    }
}
