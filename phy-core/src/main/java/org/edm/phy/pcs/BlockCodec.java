package org.edm.phy.pcs;

import static org.edm.phy.pcs.XgmiiCharacters.START;
import static org.edm.phy.pcs.XgmiiCharacters.TERMINATE;

/**
 * Stateless IEEE 802.3 clause 49 64b/66b coding of one vector: an XGMII transfer to a 66-bit block
 * ({@code ENCODE} with {@code T_TYPE}) and back ({@code DECODE} with {@code R_TYPE}). No sequence checking: that is
 * the job of the state machines in {@link BlockEncoder} and {@link BlockDecoder}. Use these functions directly on hot
 * paths where the sequence is checked elsewhere. Nothing allocates, nothing throws, every input is legal.
 * <p>
 * An XGMII transfer is {@code long txd} (lane 0, the first byte on the wire, in bits 0-7) and {@code int txc}
 * (bit i set when lane i carries a control character). A block is an {@code int} sync header and a {@code long}
 * payload as in {@link Block}. Field positions in the payload, bit 0 transmitted first (IEEE 802.3 figure 49-7):
 * <pre>
 *   bit:   0       8      15     22     29     36     43     50     57    63
 *          +-------+------+------+------+------+------+------+------+------+
 *   0x1E   | type  |  C0  |  C1  |  C2  |  C3  |  C4  |  C5  |  C6  |  C7  |      C = 7-bit control code
 *          +-------+------+------+------+------+------+------+------+------+
 *
 *   bit:   0       8      15     22     29     36   40       48       56      63
 *          +-------+------+------+------+------+----+--------+--------+--------+
 *   0x2D   | type  |  C0  |  C1  |  C2  |  C3  | O4 |   D5   |   D6   |   D7   |   O = 4-bit O code
 *   0x33   | type  |  C0  |  C1  |  C2  |  C3  |0000|   D5   |   D6   |   D7   |   D = data byte
 *          +-------+------+------+------+------+----+--------+--------+--------+
 *
 *   bit:   0       8        16       24       32   36   40       48       56      63
 *          +-------+--------+--------+--------+----+----+--------+--------+--------+
 *   0x66   | type  |   D1   |   D2   |   D3   | O0 |0000|   D5   |   D6   |   D7   |
 *   0x55   | type  |   D1   |   D2   |   D3   | O0 | O4 |   D5   |   D6   |   D7   |
 *   0x78   | type  |   D1   |   D2   |   D3   |   D4    |   D5   |   D6   |   D7   |
 *          +-------+--------+--------+--------+----+----+--------+--------+--------+
 *
 *   bit:   0       8        16       24       32   36     43     50     57    63
 *          +-------+--------+--------+--------+----+------+------+------+------+
 *   0x4B   | type  |   D1   |   D2   |   D3   | O0 |  C4  |  C5  |  C6  |  C7  |
 *          +-------+--------+--------+--------+----+------+------+------+------+
 *
 *   terminate with k data bytes (k = 0..7, types 0x87 0x99 0xAA 0xB4 0xCC 0xD2 0xE1 0xFF):
 *   bit:   0       8                  8+8k          15+7k                       63
 *          +-------+-------------------+-------------+----------------------------+
 *          | type  | D0 .. D(k-1)      | 7-k zeros   | C(k+1) .. C7, 7 bits each  |
 *          +-------+-------------------+-------------+----------------------------+
 * </pre>
 * The data bytes sit at the same bit positions as in {@code txd} for every type except terminate, where they move up
 * by one byte to make room for the type. /S/ and /T/ are implied by the type; the zero fill bits are sent as zero and
 * ignored on receive (they do not take part in {@code R_TYPE}).
 * <p>
 * <b>Invalid input.</b> {@link #encode} returns the payload of {@code EBLOCK_T} (type 0x1E, eight /E/ codes) for a
 * transfer whose {@code T_TYPE} is E; {@link #decode} returns {@code EBLOCK_R} ({@link #ERROR_TXD}, every lane
 * /E/, rxc 0xFF) for a block whose {@code R_TYPE} is E. Neither result can come from a valid vector (a 0x1E block or
 * an all-control transfer with /E/ in it is itself E), so the class of a vector is recovered from the coded result
 * alone: see {@link #encodedType} and {@link #decodedType}.
 */
public final class BlockCodec
{
    /** XGMII TXC/RXC with every lane a control character. */
    public static final int ALL_CONTROL = 0xFF;

    /** The XGMII transfer of eight /I/ characters (with {@link #ALL_CONTROL}). */
    public static final long IDLE_TXD = 0x0707070707070707L;

    /** {@code EBLOCK_R}: the XGMII transfer of eight /E/ characters (with {@link #ALL_CONTROL}). */
    public static final long ERROR_TXD = 0xFEFEFEFEFEFEFEFEL;

    /** {@code EBLOCK_T}: the payload of the error block, type 0x1E with eight /E/ codes (sync control). */
    public static final long ERROR_BLOCK_PAYLOAD;

    private static final long D567_MASK = 0xFFFFFF0000000000L;
    private static final long D123_MASK = 0x00000000FFFFFF00L;

    /** For every type byte: its vector class (E when it is not a clause 49 type). */
    private static final byte[] CLASS_OF_TYPE = new byte[256];
    /** For every type byte: the RXC of its decoded transfer. */
    private static final byte[] RXC_OF_TYPE = new byte[256];

    static
    {
        long payload = BlockTypes.CONTROL;
        for (int lane = 0; lane < 8; lane++)
        {
            payload |= (long)XgmiiCharacters.CODE_ERROR << (8 + 7 * lane);
        }
        ERROR_BLOCK_PAYLOAD = payload;

        java.util.Arrays.fill(CLASS_OF_TYPE, (byte)VectorType.ERROR);
        java.util.Arrays.fill(RXC_OF_TYPE, (byte)ALL_CONTROL);
        type(BlockTypes.CONTROL, VectorType.CONTROL, 0xFF);
        type(BlockTypes.OS_4, VectorType.CONTROL, 0x1F);
        type(BlockTypes.OS_0, VectorType.CONTROL, 0xF1);
        type(BlockTypes.OS_04, VectorType.CONTROL, 0x11);
        type(BlockTypes.START_4, VectorType.START, 0x1F);
        type(BlockTypes.OS_START, VectorType.START, 0x11);
        type(BlockTypes.START_0, VectorType.START, 0x01);
        for (int k = 0; k < 8; k++)
        {
            type(BlockTypes.terminate(k), VectorType.TERMINATE, (0xFF << k) & 0xFF);
        }
    }

    private BlockCodec()
    {
    }

    private static void type(final int type, final int vectorClass, final int rxc)
    {
        CLASS_OF_TYPE[type] = (byte)vectorClass;
        RXC_OF_TYPE[type] = (byte)rxc;
    }

    // ------------------------------------------------------------------------------------------------ transmit

    /**
     * {@code ENCODE}: the block payload for one XGMII transfer.
     *
     * @return the payload; {@link #ERROR_BLOCK_PAYLOAD} when the transfer's {@code T_TYPE} is E. The sync header is
     *         {@link #encodedSync}.
     */
    public static long encode(final long txd, final int txc)
    {
        final int control = txc & 0xFF;
        return control == 0 ? txd : encodeControl(txd, control);
    }

    /** The sync header of {@link #encode}'s block: data exactly when no lane is a control character. */
    public static int encodedSync(final int txc)
    {
        return (txc & 0xFF) == 0 ? Block.SYNC_DATA : Block.SYNC_CONTROL;
    }

    /** {@code T_TYPE} of a transfer, given the payload {@link #encode} returned for it. */
    public static int encodedType(final int txc, final long payload)
    {
        if ((txc & 0xFF) == 0)
        {
            return VectorType.DATA;
        }
        return payload == ERROR_BLOCK_PAYLOAD ? VectorType.ERROR : CLASS_OF_TYPE[(int)payload & 0xFF];
    }

    /** {@code T_TYPE}: the class of one XGMII transfer. */
    public static int transferType(final long txd, final int txc)
    {
        return encodedType(txc, encode(txd, txc));
    }

    private static long encodeControl(final long txd, final int txc)
    {
        switch (txc)
        {
            case 0xFF:
            {
                if (txd == IDLE_TXD)
                {
                    return Block.IDLE_PAYLOAD;
                }
                if (lane(txd, 0) == TERMINATE)
                {
                    return terminate(txd, 0);
                }
                final long codes = codes(txd, 0, 8);
                return codes < 0 || hasErrorCode(codes, 8) ? ERROR_BLOCK_PAYLOAD : BlockTypes.CONTROL | codes << 8;
            }
            case 0x01:
                return lane(txd, 0) == START ? (txd & ~0xFFL) | BlockTypes.START_0 : ERROR_BLOCK_PAYLOAD;
            case 0x1F:
            {
                final long codes = codes(txd, 0, 4);
                if (codes < 0)
                {
                    return ERROR_BLOCK_PAYLOAD;
                }
                final int lane4 = lane(txd, 4);
                if (lane4 == START)
                {
                    return BlockTypes.START_4 | codes << 8 | (txd & D567_MASK);
                }
                final int o4 = XgmiiCharacters.orderedSetCode(lane4);
                return o4 < 0 ? ERROR_BLOCK_PAYLOAD : BlockTypes.OS_4 | codes << 8 | (long)o4 << 36 | (txd & D567_MASK);
            }
            case 0x11:
            {
                final int o0 = XgmiiCharacters.orderedSetCode(lane(txd, 0));
                if (o0 < 0)
                {
                    return ERROR_BLOCK_PAYLOAD;
                }
                final long common = (txd & D123_MASK) | (long)o0 << 32 | (txd & D567_MASK);
                final int lane4 = lane(txd, 4);
                if (lane4 == START)
                {
                    return BlockTypes.OS_START | common;
                }
                final int o4 = XgmiiCharacters.orderedSetCode(lane4);
                return o4 < 0 ? ERROR_BLOCK_PAYLOAD : BlockTypes.OS_04 | common | (long)o4 << 36;
            }
            case 0xF1:
            {
                final int o0 = XgmiiCharacters.orderedSetCode(lane(txd, 0));
                final long codes = codes(txd, 4, 4);
                return o0 < 0 || codes < 0 ?
                    ERROR_BLOCK_PAYLOAD : BlockTypes.OS_0 | (txd & D123_MASK) | (long)o0 << 32 | codes << 36;
            }
            case 0xFE, 0xFC, 0xF8, 0xF0, 0xE0, 0xC0, 0x80:
            {
                final int k = Integer.numberOfTrailingZeros(txc);
                return lane(txd, k) == TERMINATE ? terminate(txd, k) : ERROR_BLOCK_PAYLOAD;
            }
            default:
                return ERROR_BLOCK_PAYLOAD;
        }
    }

    /** A terminate block with /T/ in lane k (data before it already known to be data); E when a code is invalid. */
    private static long terminate(final long txd, final int k)
    {
        final int tail = (k + 1) << 3;
        final long codes = k == 7 || txd >>> tail == IDLE_TXD >>> tail ? 0 : codes(txd, k + 1, 7 - k);
        if (codes < 0)
        {
            return ERROR_BLOCK_PAYLOAD;
        }
        final long data = k == 0 ? 0 : (txd & ((1L << (k << 3)) - 1)) << 8;
        final long controls = k == 7 ? 0 : codes << (15 + 7 * k);
        return BlockTypes.terminate(k) | data | controls;
    }

    /** The 7-bit codes of {@code count} lanes from {@code firstLane}, packed from bit 0; -1 when one has none. */
    private static long codes(final long txd, final int firstLane, final int count)
    {
        long packed = 0;
        int invalid = 0;
        for (int i = 0; i < count; i++)
        {
            final int code = XgmiiCharacters.controlCode(lane(txd, firstLane + i));
            invalid |= code;
            packed |= (long)(code & 0x7F) << (7 * i);
        }
        return invalid < 0 ? -1 : packed;
    }

    private static boolean hasErrorCode(final long codes, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (((codes >>> (7 * i)) & 0x7F) == XgmiiCharacters.CODE_ERROR)
            {
                return true;
            }
        }
        return false;
    }

    private static int lane(final long word, final int lane)
    {
        return (int)(word >>> (lane << 3)) & 0xFF;
    }

    // ------------------------------------------------------------------------------------------------ receive

    /**
     * {@code DECODE}: the XGMII data (RXD) of one block.
     *
     * @return the transfer's data; {@link #ERROR_TXD} when the block's {@code R_TYPE} is E (invalid sync header,
     *         unknown type, invalid code or O code, /E/ in a 0x1E block). RXC is {@link #decodedRxc}.
     */
    public static long decode(final int sync, final long payload)
    {
        if (sync == Block.SYNC_DATA)
        {
            return payload;
        }
        return sync == Block.SYNC_CONTROL ? decodeControl(payload) : ERROR_TXD;
    }

    /** The RXC that goes with {@link #decode}'s data {@code rxd} for this block. */
    public static int decodedRxc(final int sync, final long payload, final long rxd)
    {
        if (sync == Block.SYNC_DATA)
        {
            return 0;
        }
        return rxd == ERROR_TXD ? ALL_CONTROL : RXC_OF_TYPE[(int)payload & 0xFF] & 0xFF;
    }

    /** {@code R_TYPE} of a block, given the data {@link #decode} returned for it. */
    public static int decodedType(final int sync, final long payload, final long rxd)
    {
        if (sync == Block.SYNC_DATA)
        {
            return VectorType.DATA;
        }
        return rxd == ERROR_TXD ? VectorType.ERROR : CLASS_OF_TYPE[(int)payload & 0xFF];
    }

    /** {@code R_TYPE}: the class of one block. */
    public static int blockType(final int sync, final long payload)
    {
        return decodedType(sync, payload, decode(sync, payload));
    }

    /**
     * Decodes one block into arrays at {@code index}: {@link #decode} and {@link #decodedRxc} in one call.
     *
     * @return the block's {@code R_TYPE}.
     */
    public static int decode(final int sync, final long payload, final long[] rxd, final byte[] rxc, final int index)
    {
        final long data = decode(sync, payload);
        rxd[index] = data;
        rxc[index] = (byte)decodedRxc(sync, payload, data);
        return decodedType(sync, payload, data);
    }

    private static long decodeControl(final long payload)
    {
        switch ((int)payload & 0xFF)
        {
            case BlockTypes.CONTROL:
            {
                if (payload == Block.IDLE_PAYLOAD)
                {
                    return IDLE_TXD;
                }
                final long characters = characters(payload >>> 8, 8);
                return characters == -1 || hasErrorCharacter(characters) ? ERROR_TXD : characters;
            }
            case BlockTypes.OS_4:
            {
                final long characters = characters(payload >>> 8, 4);
                final int o4 = XgmiiCharacters.orderedSetCharacter(nibble(payload, 36));
                return characters == -1 || o4 < 0 ?
                    ERROR_TXD : characters | (long)o4 << 32 | (payload & D567_MASK);
            }
            case BlockTypes.START_4:
            {
                final long characters = characters(payload >>> 8, 4);
                return characters == -1 ? ERROR_TXD : characters | (long)START << 32 | (payload & D567_MASK);
            }
            case BlockTypes.OS_START:
            {
                final int o0 = XgmiiCharacters.orderedSetCharacter(nibble(payload, 32));
                return o0 < 0 ?
                    ERROR_TXD : o0 | (payload & D123_MASK) | (long)START << 32 | (payload & D567_MASK);
            }
            case BlockTypes.OS_04:
            {
                final int o0 = XgmiiCharacters.orderedSetCharacter(nibble(payload, 32));
                final int o4 = XgmiiCharacters.orderedSetCharacter(nibble(payload, 36));
                return o0 < 0 || o4 < 0 ?
                    ERROR_TXD : o0 | (payload & D123_MASK) | (long)o4 << 32 | (payload & D567_MASK);
            }
            case BlockTypes.START_0:
                return (payload & ~0xFFL) | START;
            case BlockTypes.OS_0:
            {
                final int o0 = XgmiiCharacters.orderedSetCharacter(nibble(payload, 32));
                final long characters = characters(payload >>> 36, 4);
                return characters == -1 || o0 < 0 ?
                    ERROR_TXD : o0 | (payload & D123_MASK) | characters << 32;
            }
            case BlockTypes.TERM_0:
                return decodeTerminate(payload, 0);
            case BlockTypes.TERM_1:
                return decodeTerminate(payload, 1);
            case BlockTypes.TERM_2:
                return decodeTerminate(payload, 2);
            case BlockTypes.TERM_3:
                return decodeTerminate(payload, 3);
            case BlockTypes.TERM_4:
                return decodeTerminate(payload, 4);
            case BlockTypes.TERM_5:
                return decodeTerminate(payload, 5);
            case BlockTypes.TERM_6:
                return decodeTerminate(payload, 6);
            case BlockTypes.TERM_7:
                return decodeTerminate(payload, 7);
            default:
                return ERROR_TXD;
        }
    }

    private static long decodeTerminate(final long payload, final int k)
    {
        final long data = k == 0 ? 0 : (payload >>> 8) & ((1L << (k << 3)) - 1);
        if (k == 7)
        {
            return data | (long)TERMINATE << 56;
        }
        final long codes = payload >>> (15 + 7 * k);
        final long characters = codes == 0 ? IDLE_TXD : characters(codes, 7 - k);
        return characters == -1 ? ERROR_TXD : data | (long)TERMINATE << (k << 3) | characters << ((k + 1) << 3);
    }

    /** The XGMII characters of {@code count} packed 7-bit codes, lane by lane from bit 0; -1 when one is invalid. */
    private static long characters(final long codes, final int count)
    {
        long packed = 0;
        int invalid = 0;
        for (int i = 0; i < count; i++)
        {
            final int character = XgmiiCharacters.character((int)(codes >>> (7 * i)) & 0x7F);
            invalid |= character;
            packed |= (long)(character & 0xFF) << (i << 3);
        }
        return invalid < 0 ? -1 : packed;
    }

    private static boolean hasErrorCharacter(final long characters)
    {
        for (int lane = 0; lane < 8; lane++)
        {
            if (lane(characters, lane) == XgmiiCharacters.ERROR)
            {
                return true;
            }
        }
        return false;
    }

    private static int nibble(final long payload, final int bit)
    {
        return (int)(payload >>> bit) & 0xF;
    }
}
