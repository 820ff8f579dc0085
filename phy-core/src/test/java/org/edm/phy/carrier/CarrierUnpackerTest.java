package org.edm.phy.carrier;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CarrierUnpackerTest
{
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[2048]);
    private final CarrierUnpacker unpacker = new CarrierUnpacker(1514);
    private int delivered;

    @Test
    void shouldAcceptAWellFormedFrameAndAFramePaddedTo60Bytes()
    {
        final int length = pack(1);

        assertThat(length).isEqualTo(56);
        assertThat(unpack(length)).isEqualTo(1);
        assertThat(unpack(60)).isEqualTo(1);
        assertThat(unpack(61)).isEqualTo(CarrierStatus.LENGTH_MISMATCH);
        assertThat(delivered).isEqualTo(2);
    }

    @Test
    void shouldRejectEachKindOfMalformedFrame()
    {
        final int length = pack(40);

        assertThat(unpack(39)).isEqualTo(CarrierStatus.TOO_SHORT);
        assertThat(unpack(length - 1)).isEqualTo(CarrierStatus.LENGTH_MISMATCH);
        assertThat(unpack(length + 8)).isEqualTo(CarrierStatus.LENGTH_MISMATCH);
        assertThat(new CarrierUnpacker(300).unpack(buffer, 0, length, (s, p) -> delivered++))
            .isEqualTo(CarrierStatus.TOO_LONG);

        corrupt(CarrierFrame.ETHER_TYPE_OFFSET, 0x08, length, CarrierStatus.NOT_CARRIER);
        corrupt(CarrierFrame.VERSION_OFFSET, 2, length, CarrierStatus.BAD_VERSION);
        corrupt(CarrierFrame.FLAGS_OFFSET, 0x80, length, CarrierStatus.BAD_HEADER);
        corrupt(CarrierFrame.RESERVED_16_OFFSET, 1, length, CarrierStatus.BAD_HEADER);
        corrupt(CarrierFrame.RESERVED_32_OFFSET + 3, 1, length, CarrierStatus.BAD_HEADER);
        corrupt(CarrierFrame.BLOCK_COUNT_OFFSET + 1, 41, length, CarrierStatus.LENGTH_MISMATCH);
        assertThat(delivered).isZero();
        assertThat(unpack(length)).isEqualTo(40);
    }

    @Test
    void shouldNameEveryStatus()
    {
        for (int status = -1; status >= -CarrierStatus.COUNT; status--)
        {
            assertThat(CarrierStatus.name(status)).isNotEqualTo("UNKNOWN").isNotEqualTo("OK");
        }
        assertThat(CarrierStatus.name(5)).isEqualTo("OK");
        assertThat(CarrierStatus.name(-100)).isEqualTo("UNKNOWN");
    }

    @Test
    void shouldValidateConfigurationNamingTheField()
    {
        assertThatThrownBy(() -> new CarrierUnpacker(10)).hasMessageContaining("maxFrameLength=");
        assertThatThrownBy(() -> new CarrierPacker(1L << 48, 0, 1514)).hasMessageContaining("destinationMac=");
        assertThatThrownBy(() -> new CarrierPacker(0, -1, 1514)).hasMessageContaining("sourceMac=");
        assertThatThrownBy(() -> new CarrierPacker(0, 0, 55)).hasMessageContaining("maxFrameLength=");
    }

    @Test
    void shouldStopAtTheFrameLimitAndCountBlocksThatDoNotFit()
    {
        final CarrierPacker packer = new CarrierPacker(1, 2, 1514);
        assertThat(packer.begin(buffer, 0, 0)).isEqualTo(178);
        for (int i = 0; i < 178; i++)
        {
            assertThat(packer.isFull()).isFalse();
            packer.accept(Block.SYNC_DATA, i);
        }
        assertThat(packer.isFull()).isTrue();

        packer.accept(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        packer.accept(Block.SYNC_DATA, 178);

        assertThat(packer.idlesSkipped()).isEqualTo(1);
        assertThat(packer.rejectedWhenFull()).isEqualTo(1);
        assertThat(packer.finish(200)).isEqualTo(1512);
        assertThat(packer.add(Block.SYNC_DATA, 1)).isFalse();
        assertThat(packer.finish(300)).isZero();
    }

    @Test
    void shouldOpenNothingWhenTheBufferHasNoRoomForABlock()
    {
        final CarrierPacker packer = new CarrierPacker(1, 2, 1514);

        assertThat(packer.begin(new UnsafeBuffer(new byte[100]), 50, 0)).isZero();

        assertThat(packer.isOpen()).isFalse();
        assertThat(packer.isFull()).isTrue();
        assertThat(packer.nextSequence()).isZero();
    }

    private void corrupt(final int index, final int value, final int length, final int expected)
    {
        final byte saved = buffer.getByte(index);
        buffer.putByte(index, (byte)value);
        assertThat(unpack(length)).as(CarrierStatus.name(expected)).isEqualTo(expected);
        buffer.putByte(index, saved);
    }

    private int pack(final int blocks)
    {
        final CarrierPacker packer = new CarrierPacker(0x020000000001L, 0x020000000002L, 1514);
        packer.begin(buffer, 0, 1000);
        for (int i = 0; i < blocks; i++)
        {
            packer.add(Block.SYNC_DATA, i);
        }
        final int length = packer.finish(1000 + blocks);
        assertThat(buffer.getShort(CarrierFrame.ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN)).isEqualTo((short)0x88B5);
        return length;
    }

    private int unpack(final int length)
    {
        return unpacker.unpack(buffer, 0, length, (sync, payload) -> delivered++);
    }
}
