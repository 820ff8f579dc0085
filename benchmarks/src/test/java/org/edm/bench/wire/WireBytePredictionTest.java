package org.edm.bench.wire;

import org.edm.bench.wire.WireBytePrediction.Comparison;
import org.edm.bench.wire.WireBytePrediction.FrameGap;
import org.edm.phy.mem.Framing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.edm.bench.wire.WireBytePrediction.READ;
import static org.edm.bench.wire.WireBytePrediction.WRITE;

/** The predicted wire bytes and ratios, pinned against the arithmetic in {@link WireBytePrediction}'s Javadoc. */
class WireBytePredictionTest
{
    private static final Framing WIRE_7 = Framing.wire(7);

    @ParameterizedTest
    @CsvSource({
        // operation, size, client up, client down, server down, server up (bytes per operation)
        "0, 8,  24,  32,  32, 32",
        "0, 64, 24,  96,  32, 96",
        "1, 8,  48,  16,  40,  8",
        "1, 64, 112, 16, 104,  8" })
    void shouldCountEdmBlocksFromTheFraming(final int operation, final int size, final double clientUp,
        final double clientDown, final double serverDown, final double serverUp)
    {
        assertThat(WireBytePrediction.edm(operation, size, WIRE_7, 256))
            .isEqualTo(new LinkBytes(clientUp, clientDown, serverDown, serverUp));
    }

    @ParameterizedTest
    @CsvSource({
        // operation, size, IEEE request, IEEE response, emulated request, emulated response
        "0, 8,  98,  94, 100,  96",
        "0, 64, 98, 150, 100, 152",
        "1, 8, 106,  86, 108,  88",
        "1, 64, 162, 86, 164,  88" })
    void shouldCountRoceFramesWithPreambleFcsAndGap(final int operation, final int size, final double ieeeRequest,
        final double ieeeResponse, final double request, final double response)
    {
        assertThat(WireBytePrediction.roce(operation, size, 1024, 16, FrameGap.IEEE))
            .isEqualTo(new LinkBytes(ieeeRequest, ieeeResponse, ieeeRequest, ieeeResponse));
        assertThat(WireBytePrediction.roce(operation, size, 1024, 16, FrameGap.EMULATED))
            .isEqualTo(new LinkBytes(request, response, request, response));
    }

    @Test
    void shouldPredictTheEdmToRoceThroughputRatios()
    {
        final List<Comparison> rows = WireBytePrediction.standardRows(WIRE_7, 256, 1024, 16);

        assertThat(rows).extracting(Comparison::operation, Comparison::size)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(READ, 8), org.assertj.core.groups.Tuple.tuple(READ, 64),
                org.assertj.core.groups.Tuple.tuple(WRITE, 8), org.assertj.core.groups.Tuple.tuple(WRITE, 64));
        assertThat(rows.get(0).ratio()).isCloseTo(100.0 / 32, within(1e-9));
        assertThat(rows.get(1).ratio()).isCloseTo(152.0 / 96, within(1e-9));
        assertThat(rows.get(2).ratio()).isCloseTo(108.0 / 48, within(1e-9));
        assertThat(rows.get(3).ratio()).isCloseTo(164.0 / 112, within(1e-9));
        assertThat(rows.get(0).ieeeRatio()).isCloseTo(98.0 / 32, within(1e-9));
        assertThat(rows.get(3).ieeeRatio()).isCloseTo(162.0 / 112, within(1e-9));
    }

    @Test
    void shouldCountMultiPacketMessagesChunkGrantsAndCoalescedAcks()
    {
        // 3000 bytes at MTU 1024: First 1024, Middle 1024, Last 952; WRITE First carries the RETH
        final LinkBytes write = WireBytePrediction.roce(WRITE, 3000, 1024, 2, FrameGap.IEEE);
        assertThat(write.clientUp()).isEqualTo((8 + 74 + 1024 + 4 + 12) + (8 + 58 + 1024 + 4 + 12) +
            (8 + 58 + 952 + 4 + 12));
        assertThat(write.clientDown()).as("two ACKs: after 2 packets, and the one asked for").isEqualTo(2 * 86);
        // an EDM READ of 1000 bytes: RRESP of 2 + 143 blocks, chunks of 256 / 7 = 36 blocks -> 5 GRANTs
        final LinkBytes read = WireBytePrediction.edm(READ, 1000, WIRE_7, 256);
        assertThat(read.clientDown()).isEqualTo(8 * 145);
        assertThat(read.serverDown()).isEqualTo(8 * (3 + 5));
        assertThat(WireBytePrediction.edm(READ, 8, Framing.wire(8), 256).clientDown()).isEqualTo(8 * 3);
    }

    @Test
    void shouldPrintEveryRowWithItsRatio()
    {
        final String table = WireBytePrediction.table(WireBytePrediction.standardRows(WIRE_7, 256, 1024, 16), 1);

        assertThat(table.lines().toList()).hasSize(11);
        assertThat(table).contains("read        8 edm          24          32           32         32          32 " +
            "       3906250");
        assertThat(table).contains("3.13x").contains("1.58x").contains("2.25x").contains("1.46x");
        assertThat(table).contains("read 8 3.06x; read 64 1.56x; write 8 2.21x; write 64 1.45x");
    }
}
