package org.edm.phy.pcs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clause 49's rules for invalid vectors, one case per rule: a transfer whose {@code T_TYPE} is E becomes the error
 * block {@code EBLOCK_T}; a block whose {@code R_TYPE} is E becomes /E/ in all lanes ({@code EBLOCK_R}).
 */
class BlockCodecInvalidInputTest
{
    /** 0x1E followed by eight /E/ codes (0x1E at bits 8, 15, ..., 57), written out by hand. */
    private static final long EBLOCK_T = 0x3C78F1E3C78F1E1EL;

    @Test
    void shouldDefineTheErrorBlockAsEightErrorCodes()
    {
        assertThat(BlockCodec.ERROR_BLOCK_PAYLOAD).isEqualTo(EBLOCK_T);
        assertThat(BlockCodec.ERROR_TXD).isEqualTo(0xFEFEFEFEFEFEFEFEL);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "eight /E/                                   | FEFEFEFEFEFEFEFE | FF",
        "one /E/ among seven idles (C needs no /E/) | 07070707070707FE | FF",
        "control flag on 0x00, not a control char  | 0707070707070700 | FF",
        "control flag on a data-looking byte 0x55  | 0707075507070707 | FF",
        "/S/ in lane 2                              | 5555555555FB0707 | 07",
        "/S/ in lane 0 with control after it        | 555555555555 07FB | 03",
        "/S/ in lane 4 after data                   | 555555FB44332211 | 10",
        "/S/ in lane 4 after /T/                    | 555555FB070707FD | 1F",
        "/S/ in lane 4 after an invalid control     | 555555FB07000707 | 1F",
        "two /S/                                    | 555555FB555555FB | 11",
        "/T/ followed by data                       | 1122334455FD0201 | 04",
        "/T/ followed by /S/                        | 070707FB070707FD | FF",
        "/T/ followed by an ordered-set character   | 0707079C070707FD | FF",
        "/T/ followed by /T/                        | FD070707070707FD | FF",
        "/T/ followed by an invalid control         | 0700070707FD0201 | FC",
        "a data lane before /T/ flagged control     | 0707FD0504030201 | E8",
        "/Q/ in lane 2                              | 07070100009C0707 | C7",
        "/Q/ in lane 0 followed by control lanes    | 07070707070707 9C | FF",
        "reserved R0 where an ordered set belongs   | 070707070100001C | F1",
        "ordered set then /S/ in lane 4 flagged data| 555555FB0100009C | 01",
        "ordered set in lane 4 after data           | 0100009C44332211 | 10",
        "ordered set in lane 0 with invalid control | 070700070100009C | F1",
        "idle in lane 0 with data after             | 5555555555555507 | 01",
        "a TXC pattern no block type has            | 0707070707070707 | 0F",
    })
    void shouldEncodeAnInvalidTransferAsTheErrorBlock(final String rule, final String txdHex, final String txcHex)
    {
        final long txd = Long.parseUnsignedLong(txdHex.replace(" ", ""), 16);
        final int txc = Integer.parseInt(txcHex, 16);
        assertThat(BlockCodec.transferType(txd, txc)).isEqualTo(VectorType.ERROR);
        assertThat(BlockCodec.encode(txd, txc)).isEqualTo(EBLOCK_T);
        assertThat(BlockCodec.encodedSync(txc)).isEqualTo(Block.SYNC_CONTROL);
    }

    @Test
    void shouldAcceptErrorCharactersAfterTerminateAndBesideOrderedSetsAndBeforeLane4Start()
    {
        // /E/ is a valid control character everywhere except in an all-control 0x1E transfer
        assertThat(BlockCodec.transferType(0xFEFEFEFEFEFD0201L, 0xFC)).isEqualTo(VectorType.TERMINATE);
        assertThat(BlockCodec.transferType(0xFEFEFEFE0100009CL, 0xF1)).isEqualTo(VectorType.CONTROL);
        assertThat(BlockCodec.transferType(0x0100009CFEFEFEFEL, 0x1F)).isEqualTo(VectorType.CONTROL);
        assertThat(BlockCodec.transferType(0x555555FBFEFEFEFEL, 0x1F)).isEqualTo(VectorType.START);
    }

    @ParameterizedTest
    @ValueSource(ints = { Block.SYNC_ZERO, Block.SYNC_ONES })
    void shouldDecodeAnInvalidSyncHeaderAsErrorCharacters(final int sync)
    {
        for (final long payload : new long[] { 0L, Block.IDLE_PAYLOAD, 0xD555555555555578L, -1L })
        {
            assertErrorBlock(sync, payload);
        }
    }

    @ParameterizedTest(name = "type 0x{0}")
    @ValueSource(strings = { "00", "0A", "1B", "2C", "0D", "0E", "0F", "1F", "77", "88", "F0", "FE" })
    void shouldDecodeAnUnknownBlockTypeAsErrorCharacters(final String typeHex)
    {
        final long payload = 0x0000000000000000L | Long.parseLong(typeHex, 16);

        assertErrorBlock(Block.SYNC_CONTROL, payload);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0x1E with one /E/ code among idles         | 0000000000001E1E",
        "0x1E with eight /E/ codes (EBLOCK_T)        | 3C78F1E3C78F1E1E",
        "0x1E with code 0x01, not in table 49-1      | 000000000000 011E",
        "0x1E with code 0x7F in C7                   | FE00000000000 01E",
        "0x2D with O code 0x5                        | 0100005000000 02D",
        "0x2D with an invalid code in C0              | 010000000000 0F2D",
        "0x4B with O code 0x1                        | 000000010200004B",
        "0x4B with an invalid code in C7              | 020000000200004B",
        "0x55 with O4 code 0x7                       | 6655447033221155",
        "0x55 with O0 code 0x8                       | 6655440833221155",
        "0x66 with O0 code 0xA                       | 5555550A01000066",
        "0x33 with an invalid code in C3              | 5555550020000033",
        "0x87 with an invalid code in C7              | 0200000000000087",
        "0x99 with an invalid code in C2              | 000000000040AA99",
        "0xAA with an invalid code in C3              | 00000000200201AA",
        "0xB4 with an invalid code in C4              | 00000100030201B4",
        "0xCC with an invalid code in C5              | 00000804030201CC",
        "0xD2 with an invalid code in C6              | 00040504030201D2",
        "0xE1 with an invalid code in C7              | 02060504030201E1",
    })
    void shouldDecodeABlockWithAnInvalidCodeAsErrorCharacters(final String rule, final String payloadHex)
    {
        final long payload = Long.parseUnsignedLong(payloadHex.replace(" ", ""), 16);

        assertErrorBlock(Block.SYNC_CONTROL, payload);
    }

    @Test
    void shouldIgnoreTheZeroFillBitsOnReceive()
    {
        // 0x33: bits 36-39; 0x66: bits 36-39; 0xAA: bits 24-28; 0x87: bits 8-14
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x555555F000000033L))
            .isEqualTo(BlockCodec.decode(Block.SYNC_CONTROL, 0x5555550000000033L)).isEqualTo(0x555555FB07070707L);
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x555555F001000066L)).isEqualTo(0x555555FB0100009CL);
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x000000001F0201AAL)).isEqualTo(0x0707070707FD0201L);
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x0000000000007F87L)).isEqualTo(0x07070707070707FDL);
    }

    @Test
    void shouldAcceptErrorCodesOutsideAnAllControlBlock()
    {
        // T0 then seven /E/, and an ordered set beside four /E/: both valid (R_TYPE T and C)
        assertThat(BlockCodec.blockType(Block.SYNC_CONTROL, 0x3C78F1E3C78F0087L)).isEqualTo(VectorType.TERMINATE);
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x3C78F1E3C78F0087L)).isEqualTo(0xFEFEFEFEFEFEFEFDL);
        assertThat(BlockCodec.blockType(Block.SYNC_CONTROL, 0x3C78F1E00200004BL)).isEqualTo(VectorType.CONTROL);
        assertThat(BlockCodec.decode(Block.SYNC_CONTROL, 0x3C78F1E00200004BL)).isEqualTo(0xFEFEFEFE0200009CL);
    }

    private static void assertErrorBlock(final int sync, final long payload)
    {
        final long rxd = BlockCodec.decode(sync, payload);
        assertThat(rxd).as("rxd of %s %016X", Block.syncText(sync), payload).isEqualTo(0xFEFEFEFEFEFEFEFEL);
        assertThat(BlockCodec.decodedRxc(sync, payload, rxd)).isEqualTo(0xFF);
        assertThat(BlockCodec.decodedType(sync, payload, rxd)).isEqualTo(VectorType.ERROR);
        assertThat(BlockCodec.blockType(sync, payload)).isEqualTo(VectorType.ERROR);
    }
}
