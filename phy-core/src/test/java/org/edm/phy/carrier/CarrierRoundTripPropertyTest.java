package org.edm.phy.carrier;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Random blocks packed into carrier frames and unpacked again: idles removed, everything else kept in order. */
class CarrierRoundTripPropertyTest
{
    @Property(tries = 300)
    void shouldCarryEveryNonIdleBlockInOrder(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 3000) final int blocks,
        @ForAll @IntRange(min = 56, max = 9014) final int maxFrameLength,
        @ForAll @IntRange(min = 0, max = 100) final int idlePercent)
    {
        final Random random = new Random(seed);
        final List<long[]> sent = new ArrayList<>();
        final List<long[]> received = new ArrayList<>();
        final BlockSink collect = (sync, payload) -> received.add(new long[] { sync, payload });
        final CarrierPacker packer = new CarrierPacker(0x02_00_00_00_00_01L, 0x02_00_00_00_00_02L, maxFrameLength);
        final CarrierReceiver receiver = new CarrierReceiver(maxFrameLength);
        final int offset = random.nextInt(8);
        final UnsafeBuffer frameBuffer = new UnsafeBuffer(new byte[maxFrameLength + offset]);

        long slot = 0;
        int frames = 0;
        long expectedFirstSlot = 0;
        packer.begin(frameBuffer, offset, slot);
        for (int i = 0; i < blocks; i++, slot++)
        {
            if (packer.isFull())
            {
                final int length = packer.finish(slot);
                assertThat(length).isLessThanOrEqualTo(maxFrameLength);
                assertThat(length).isEqualTo(CarrierFrame.frameLength(CarrierFrame.blockCount(frameBuffer, offset)));
                assertThat(CarrierFrame.firstSlot(frameBuffer, offset)).isEqualTo(expectedFirstSlot);
                expectedFirstSlot += CarrierFrame.slotSpan(frameBuffer, offset);
                assertThat(receiver.onFrame(frameBuffer, offset, length, collect)).isNotNegative();
                frames++;
                packer.begin(frameBuffer, offset, slot);
            }
            final boolean idle = random.nextInt(100) < idlePercent;
            final int sync = idle ? Block.SYNC_CONTROL : random.nextInt(4);
            final long payload = idle ? Block.IDLE_PAYLOAD : random.nextLong();
            if (!Block.isIdle(sync, payload))
            {
                sent.add(new long[] { sync, payload });
            }
            packer.accept(sync, payload);
        }
        final int length = packer.finish(slot);
        assertThat(receiver.onFrame(frameBuffer, offset, length, collect)).isNotNegative();
        frames++;

        assertThat(received).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++)
        {
            assertThat(received.get(i)).as("block %d", i).containsExactly(sent.get(i));
        }
        assertThat(packer.rejectedWhenFull()).isZero();
        assertThat(packer.framesPacked()).isEqualTo(frames);
        assertThat(receiver.framesDelivered()).isEqualTo(frames);
        assertThat(receiver.totalRejected()).isZero();
        assertThat(receiver.tracker().gaps()).isZero();
    }

    @Property(tries = 500)
    void shouldNeverThrowOnRandomBytes(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 2000) final int length,
        @ForAll final boolean plausibleHeader)
    {
        final Random random = new Random(seed);
        final byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        if (plausibleHeader && length >= CarrierFrame.HEADER_LENGTH)
        {
            buffer.putShort(CarrierFrame.ETHER_TYPE_OFFSET, (short)CarrierFrame.ETHER_TYPE, ByteOrder.BIG_ENDIAN);
            buffer.putByte(CarrierFrame.VERSION_OFFSET, (byte)CarrierFrame.VERSION);
            buffer.putByte(CarrierFrame.FLAGS_OFFSET, (byte)(random.nextInt(2)));
            buffer.putShort(CarrierFrame.RESERVED_16_OFFSET, (short)0);
            buffer.putInt(CarrierFrame.RESERVED_32_OFFSET, 0);
            if (random.nextBoolean())
            {
                final int count = CarrierFrame.maxBlocks(length);
                buffer.putShort(CarrierFrame.BLOCK_COUNT_OFFSET, (short)count, ByteOrder.BIG_ENDIAN);
            }
        }
        final CarrierReceiver receiver = new CarrierReceiver(1514);
        final int[] delivered = new int[1];

        final int result = receiver.onFrame(buffer, 0, length, (sync, payload) -> delivered[0]++);

        if (result >= 0)
        {
            assertThat(result).isEqualTo(delivered[0]);
            assertThat(CarrierFrame.frameLength(result)).isLessThanOrEqualTo(length);
        }
        else
        {
            assertThat(delivered[0]).isZero();
            assertThat(receiver.rejected(result)).isEqualTo(1);
        }
    }
}
