package org.edm.phy.carrier;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CarrierReceiverTest
{
    private final CarrierPacker packer = new CarrierPacker(0x020000000001L, 0x020000000002L, 1514);
    private final CarrierReceiver receiver = new CarrierReceiver(1514);
    private final List<Long> blocks = new ArrayList<>();
    private final List<UnsafeBuffer> frames = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();

    @Test
    void shouldDeliverInOrderFramesAndDropDuplicatesAndLateOnes()
    {
        for (int i = 0; i < 5; i++)
        {
            build(i);
        }

        assertThat(deliver(0)).isEqualTo(1);
        assertThat(deliver(1)).isEqualTo(1);
        assertThat(deliver(1)).isEqualTo(CarrierStatus.DUPLICATE);
        assertThat(deliver(3)).isEqualTo(1);
        assertThat(receiver.lastFrameFollowedGap()).isTrue();
        assertThat(deliver(2)).isEqualTo(CarrierStatus.LATE);
        assertThat(deliver(4)).isEqualTo(1);
        assertThat(receiver.lastFrameFollowedGap()).isFalse();

        assertThat(blocks).containsExactly(0L, 1L, 3L, 4L);
        assertThat(receiver.rejected(CarrierStatus.DUPLICATE)).isEqualTo(1);
        assertThat(receiver.rejected(CarrierStatus.LATE)).isEqualTo(1);
        assertThat(receiver.tracker().gaps()).isEqualTo(1);
        assertThat(receiver.tracker().lostFrames()).isEqualTo(1);
        assertThat(receiver.framesDelivered()).isEqualTo(4);
        assertThat(receiver.blocksDelivered()).isEqualTo(4);
    }

    @Test
    void shouldCountMalformedFramesWithoutTouchingTheSequence()
    {
        build(0);
        build(1);
        frames.get(1).putByte(CarrierFrame.VERSION_OFFSET, (byte)9);

        assertThat(deliver(0)).isEqualTo(1);
        assertThat(deliver(1)).isEqualTo(CarrierStatus.BAD_VERSION);
        assertThat(receiver.rejected(CarrierStatus.BAD_VERSION)).isEqualTo(1);
        assertThat(receiver.totalRejected()).isEqualTo(1);
        assertThat(receiver.tracker().highest()).isZero();
    }

    private void build(final long payload)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[128]);
        packer.begin(buffer, 0, payload);
        packer.add(Block.SYNC_DATA, payload);
        lengths.add(packer.finish(payload + 1));
        frames.add(buffer);
    }

    private int deliver(final int index)
    {
        return receiver.onFrame(frames.get(index), 0, lengths.get(index), (sync, payload) -> blocks.add(payload));
    }
}
