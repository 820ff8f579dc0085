package org.edm.phy.pcs;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Golden vectors for every block format of IEEE 802.3 figure 49-7, written by hand from the standard's table (field
 * positions as in the {@link BlockCodec} diagram, codes from table 49-1), not computed by the code under test.
 */
class BlockCodecGoldenTest
{
    private static final int DATA = Block.SYNC_DATA;
    private static final int CTRL = Block.SYNC_CONTROL;

    static Stream<Arguments> vectors()
    {
        return Stream.of(
            // name, txd, txc, sync, payload, class
            arguments("D0..D7", 0x0807060504030201L, 0x00, DATA, 0x0807060504030201L, VectorType.DATA),
            arguments("0x1E idle", 0x0707070707070707L, 0xFF, CTRL, 0x000000000000001EL, VectorType.CONTROL),
            // lanes I LI R0 R1 R2 R3 R4 R5 -> codes 00 06 2D 33 4B 55 66 78 at bits 8, 15, 22, ..., 57
            arguments("0x1E mixed codes", 0xF7DCBC7C3C1C0607L, 0xFF, CTRL, 0xF19AACB66B43001EL, VectorType.CONTROL),
            // C0..C3 = I, O4 = /Q/ (0x0), D5..D7 = 00 00 01 (local fault)
            arguments("0x2D C0-C3 O4", 0x0100009C07070707L, 0x1F, CTRL, 0x010000000000002DL, VectorType.CONTROL),
            // C0..C3 = LI (06), O4 = /Fsig/ (0xF) at bits 36-39, D5..D7 = AA BB CC
            arguments("0x2D Fsig", 0xCCBBAA5C06060606L, 0x1F, CTRL, 0xCCBBAAF0C183062DL, VectorType.CONTROL),
            // C0..C3 = I, /S/ in lane 4, D5..D7 = 55 55 55 (preamble)
            arguments("0x33 C0-C3 S4", 0x555555FB07070707L, 0x1F, CTRL, 0x5555550000000033L, VectorType.START),
            // C0..C3 = E I E I (codes 1E 00 1E 00), D5..D7 = AA BB CC
            arguments("0x33 with /E/", 0xCCBBAAFB07FE07FEL, 0x1F, CTRL, 0xCCBBAA0007801E33L, VectorType.START),
            // O0 = /Q/ with D1..D3 = 00 00 01, /S/ in lane 4, D5..D7 = 55
            arguments("0x66 O0 S4", 0x555555FB0100009CL, 0x11, CTRL, 0x5555550001000066L, VectorType.START),
            // O0 = /Q/ D1..D3 = 11 22 33, O4 = /Fsig/ D5..D7 = 44 55 66
            arguments("0x55 O0 O4", 0x6655445C3322119CL, 0x11, CTRL, 0x665544F033221155L, VectorType.CONTROL),
            // /S/ in lane 0, then preamble and SFD
            arguments("0x78 S0", 0xD5555555555555FBL, 0x01, CTRL, 0xD555555555555578L, VectorType.START),
            // O0 = /Q/ D1..D3 = 00 00 02 (remote fault), C4..C7 = I
            arguments("0x4B O0 C4-C7", 0x070707070200009CL, 0xF1, CTRL, 0x000000000200004BL, VectorType.CONTROL),
            // O0 = /Fsig/ (0xF at bits 32-35) D1..D3 = AB CD EF, C4..C7 = LI (06 at bits 36, 43, 50, 57)
            arguments("0x4B Fsig", 0x06060606EFCDAB5CL, 0xF1, CTRL, 0x0C18306FEFCDAB4BL, VectorType.CONTROL),
            arguments("0x87 T0", 0x07070707070707FDL, 0xFF, CTRL, 0x0000000000000087L, VectorType.TERMINATE),
            // /T/ then seven /E/: codes 1E at bits 15, 22, ..., 57
            arguments("0x87 T0 /E/", 0xFEFEFEFEFEFEFEFDL, 0xFF, CTRL, 0x3C78F1E3C78F0087L, VectorType.TERMINATE),
            arguments("0x99 T1", 0x070707070707FDAAL, 0xFE, CTRL, 0x000000000000AA99L, VectorType.TERMINATE),
            arguments("0xAA T2", 0x0707070707FD0201L, 0xFC, CTRL, 0x00000000000201AAL, VectorType.TERMINATE),
            arguments("0xB4 T3", 0x07070707FD030201L, 0xF8, CTRL, 0x00000000030201B4L, VectorType.TERMINATE),
            // /T/ in lane 3, C4..C7 = E R0 LI I (codes 1E 2D 06 00 at bits 36, 43, 50, 57)
            arguments("0xB4 T3 mixed", 0x07061CFEFD030201L, 0xF8, CTRL, 0x001969E0030201B4L, VectorType.TERMINATE),
            arguments("0xCC T4", 0x070707FD04030201L, 0xF0, CTRL, 0x00000004030201CCL, VectorType.TERMINATE),
            arguments("0xD2 T5", 0x0707FD0504030201L, 0xE0, CTRL, 0x00000504030201D2L, VectorType.TERMINATE),
            arguments("0xE1 T6", 0x07FD060504030201L, 0xC0, CTRL, 0x00060504030201E1L, VectorType.TERMINATE),
            arguments("0xFF T7", 0xFD07060504030201L, 0x80, CTRL, 0x07060504030201FFL, VectorType.TERMINATE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldEncodeToTheStandardBlock(
        final String name, final long txd, final int txc, final int sync, final long payload, final int type)
    {
        final long encoded = BlockCodec.encode(txd, txc);

        assertThat(encoded).as("payload").isEqualTo(payload);
        assertThat(BlockCodec.encodedSync(txc)).as("sync").isEqualTo(sync);
        assertThat(BlockCodec.encodedType(txc, encoded)).as("T_TYPE").isEqualTo(type);
        assertThat(BlockCodec.transferType(txd, txc)).as("T_TYPE").isEqualTo(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldDecodeTheStandardBlockBack(
        final String name, final long txd, final int txc, final int sync, final long payload, final int type)
    {
        final long rxd = BlockCodec.decode(sync, payload);

        assertThat(rxd).as("rxd").isEqualTo(txd);
        assertThat(BlockCodec.decodedRxc(sync, payload, rxd)).as("rxc").isEqualTo(txc);
        assertThat(BlockCodec.decodedType(sync, payload, rxd)).as("R_TYPE").isEqualTo(type);
        assertThat(BlockCodec.blockType(sync, payload)).as("R_TYPE").isEqualTo(type);

        final long[] rxdArray = new long[3];
        final byte[] rxcArray = new byte[3];
        assertThat(BlockCodec.decode(sync, payload, rxdArray, rxcArray, 2)).isEqualTo(type);
        assertThat(rxdArray[2]).isEqualTo(txd);
        assertThat(rxcArray[2] & 0xFF).isEqualTo(txc);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void shouldRoundTripThroughBothStateMachinesWhenFramedByIdles(
        final String name, final long txd, final int txc, final int sync, final long payload, final int type)
    {
        // put the vector where its class is legal: a terminate or data needs a frame around it
        final BlockEncoder encoder = new BlockEncoder();
        final BlockDecoder decoder = new BlockDecoder();
        final long[][] sequence = switch (type)
        {
            case VectorType.DATA ->
                new long[][] { { 0xD5555555555555FBL, 0x01 }, { txd, txc }, { 0x07070707070707FDL, 0xFF } };
            case VectorType.TERMINATE -> new long[][] { { 0xD5555555555555FBL, 0x01 }, { txd, txc } };
            case VectorType.START -> new long[][] { { txd, txc }, { 0x07070707070707FDL, 0xFF } };
            default -> new long[][] { { txd, txc } };
        };
        final int index = type == VectorType.DATA || type == VectorType.TERMINATE ? 1 : 0;
        for (int i = 0; i < sequence.length; i++)
        {
            final long block = encoder.encode(sequence[i][0], (int)sequence[i][1]);
            if (i == index)
            {
                assertThat(block).isEqualTo(payload);
                assertThat(encoder.sync()).isEqualTo(sync);
            }
            if (decoder.decode(encoder.sync(), block) && i - 1 == index)
            {
                assertThat(decoder.rxd()).isEqualTo(txd);
                assertThat(decoder.rxc()).isEqualTo(txc);
            }
        }
        assertThat(decoder.flush()).isTrue();
        if (index == sequence.length - 1)
        {
            assertThat(decoder.rxd()).isEqualTo(txd);
            assertThat(decoder.rxc()).isEqualTo(txc);
        }
        assertThat(encoder.errorBlocks()).isZero();
        assertThat(decoder.errorTransfers()).isZero();
    }
}
