package org.edm.phy.carrier;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierFrameTest
{
    @ParameterizedTest
    @CsvSource({ "0, 40", "1, 56", "31, 296", "32, 304", "33, 320", "64, 568", "178, 1512" })
    void shouldComputeFrameLengthAt825BytesPerBlockPlusHeader(final int blocks, final int length)
    {
        assertThat(CarrierFrame.frameLength(blocks)).isEqualTo(length);
    }

    @ParameterizedTest
    @CsvSource({ "1514, 178", "60, 1", "55, 0", "56, 1", "40, 0", "304, 32", "303, 31", "9014, 1087" })
    void shouldComputeTheMostBlocksThatFit(final int maxFrameLength, final int blocks)
    {
        assertThat(CarrierFrame.maxBlocks(maxFrameLength)).isEqualTo(blocks);
        if (blocks > 0)
        {
            assertThat(CarrierFrame.frameLength(blocks)).isLessThanOrEqualTo(maxFrameLength);
        }
        assertThat(CarrierFrame.frameLength(blocks + 1)).isGreaterThan(maxFrameLength);
    }

    @Test
    void shouldLayOutTheHeaderBigEndianAndPayloadsLittleEndian()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final CarrierPacker packer = new CarrierPacker(0x0A0B0C0D0E0FL, 0x111213141516L, 1514);
        packer.begin(buffer, 0, 0x0102030405060708L);
        packer.add(Block.SYNC_CONTROL, 0x8877665544332211L);
        packer.add(Block.SYNC_DATA, 0xFFL);
        packer.add(0b11, 0L);
        final int length = packer.finish(0x0102030405060708L + 0x01020304L);

        assertThat(length).isEqualTo(40 + 8 + 24);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        assertThat(slice(bytes, 0, 14)).containsExactly(
            0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x88, 0xB5);
        assertThat(slice(bytes, 14, 40)).containsExactly(
            1, CarrierFrame.RESTART_FLAG, 0, 3, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 0, 0, 0, 0,
            1, 2, 3, 4, 5, 6, 7, 8);
        // sync word: block 0 control (01), block 1 data (10), block 2 "11" -> bits 0b11_10_01
        assertThat(slice(bytes, 40, 48)).containsExactly(0b111001, 0, 0, 0, 0, 0, 0, 0);
        assertThat(slice(bytes, 48, 56)).containsExactly(0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88);
        assertThat(slice(bytes, 56, 64)).containsExactly(0xFF, 0, 0, 0, 0, 0, 0, 0);

        final CarrierFrame frame = new CarrierFrame().wrap(buffer, 0);
        assertThat(frame.destinationMac()).isEqualTo(0x0A0B0C0D0E0FL);
        assertThat(frame.sourceMac()).isEqualTo(0x111213141516L);
        assertThat(frame.etherType()).isEqualTo(CarrierFrame.ETHER_TYPE);
        assertThat(frame.version()).isEqualTo(CarrierFrame.VERSION);
        assertThat(frame.flags()).isEqualTo(CarrierFrame.RESTART_FLAG);
        assertThat(frame.blockCount()).isEqualTo(3);
        assertThat(frame.linkSequence()).isZero();
        assertThat(frame.slotSpan()).isEqualTo(0x01020304L);
        assertThat(frame.firstSlot()).isEqualTo(0x0102030405060708L);
        assertThat(frame.sync(2)).isEqualTo(0b11);
        assertThat(frame.payload(0)).isEqualTo(0x8877665544332211L);
    }

    private static int[] slice(final byte[] bytes, final int from, final int to)
    {
        final int[] out = new int[to - from];
        for (int i = from; i < to; i++)
        {
            out[i - from] = bytes[i] & 0xFF;
        }
        return out;
    }
}
