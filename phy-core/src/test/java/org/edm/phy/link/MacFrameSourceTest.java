package org.edm.phy.link;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MacFrameSourceTest
{
    private static final long MEMORY = MemoryBlockTypes.NOTIF | 0xABCD00L;

    private final MacFrameSource source = new MacFrameSource(8, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
    private final RecordingSink sink = new RecordingSink();

    @Test
    void shouldPadAOneByteFrameTo60BytesAndAppendTheFcs()
    {
        assertThat(source.offer(new UnsafeBuffer(new byte[] { 0x42 }), 0, 1)).isEqualTo(MacFrameQueue.OK);

        runSlots(new TxSlotArbiter(source), 20);

        assertThat(sink.sync(0)).isEqualTo(Block.SYNC_CONTROL);
        assertThat(sink.payload(0)).isEqualTo(0xD555555555555578L);
        final byte[] wire = new byte[64];
        for (int i = 0; i < 8; i++)
        {
            assertThat(sink.sync(1 + i)).isEqualTo(Block.SYNC_DATA);
            ByteBuffer.wrap(wire, 8 * i, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(sink.payload(1 + i));
        }
        assertThat(sink.sync(9)).isEqualTo(Block.SYNC_CONTROL);
        assertThat(sink.payload(9)).isEqualTo(BlockTypes.TERM_0);
        assertThat(Block.isIdle(sink.sync(10), sink.payload(10))).isTrue();
        final byte[] padded = new byte[60];
        padded[0] = 0x42;
        assertThat(java.util.Arrays.copyOf(wire, 60)).isEqualTo(padded);
        final CRC32 crc = new CRC32();
        crc.update(padded);
        assertThat(ByteBuffer.wrap(wire, 60, 4).order(ByteOrder.LITTLE_ENDIAN).getInt()).isEqualTo((int)crc.getValue());
        assertThat(source.framesSent()).isEqualTo(1);
    }

    @Test
    void shouldPutTheLastBytesInTheTerminateBlock()
    {
        final byte[] frame = new byte[62];
        for (int i = 0; i < frame.length; i++)
        {
            frame[i] = (byte)(i + 1);
        }
        source.offer(new UnsafeBuffer(frame), 0, frame.length);

        runSlots(new TxSlotArbiter(source), 12);

        assertThat(sink.type(9)).isEqualTo(BlockTypes.TERM_2);
        final long lastBytes = sink.payload(9) >>> 8;
        assertThat(lastBytes >>> 16).isZero();
    }

    @Test
    void shouldStartTheNextFrameInLane4RightAfterATerminateWithNoData()
    {
        offerFrames(60, 60);

        runSlots(new TxSlotArbiter(source), 30);

        assertThat(sink.type(9)).isEqualTo(BlockTypes.TERM_0);
        assertThat(sink.type(10)).isEqualTo(BlockTypes.START_4);
        assertThat(sink.payload(10)).isEqualTo(MacBlockFraming.START_4_PAYLOAD);
        assertThat(sink.payload(11) & 0xFFFF_FFFFL).isEqualTo(MacBlockFraming.PREAMBLE_TAIL & 0xFFFF_FFFFL);
        final FrameStreamStats stats = FrameStreamStats.of(sink);
        assertThat(stats.frames).hasSize(2);
        assertThat(stats.frames.get(1).gapBefore()).isEqualTo(12);
        assertThat(stats.frames.get(1).wireBytes()).isEqualTo(64);
        assertThat(source.lane4Starts()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = { 60, 61, 62, 63, 64, 65, 66, 67, 68, 100, 1513, 1514 })
    void shouldKeepBackToBackFramesAtTheMinimumGapOf12To15Bytes(final int length)
    {
        offerFrames(length, length, length, length, length, length);

        runSlots(new TxSlotArbiter(source), 6 * 200 + 10);

        final FrameStreamStats stats = FrameStreamStats.of(sink);
        assertThat(stats.frames).hasSize(6);
        for (int i = 1; i < 6; i++)
        {
            assertThat(stats.frames.get(i).gapBefore()).isBetween(12, 15);
            assertThat(stats.frames.get(i).wireBytes()).isEqualTo(length + 4);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 1, 60, 61, 62, 63, 64, 65, 66, 67, 68, 74, 100, 1513, 1514 })
    void shouldCountAsWireBytesExactlyTheLanesBackToBackFramesHold(final int length)
    {
        offerFrames(length, length, length, length, length, length);

        runSlots(new TxSlotArbiter(source), 6 * 200 + 10);

        final FrameStreamStats stats = FrameStreamStats.of(sink);
        final FrameStreamStats.Frame first = stats.frames.get(0);
        final FrameStreamStats.Frame last = stats.frames.get(5);
        final long lanesForFive = 8L * last.startSlot() + last.lane() - (8L * first.startSlot() + first.lane());
        assertThat(source.wireBytes()).as("six frames").isEqualTo(6 * lanesForFive / 5);
        assertThat(MacBlockFraming.wireBytes(Math.max(length, 60) + 4)).isEqualTo((int)(lanesForFive / 5));
    }

    @Test
    void shouldCountMinimumAndRoceSizedFramesAsHandComputed()
    {
        // 8 preamble + frame with FCS + 12 gap, rounded up to a multiple of 4 lanes (the next legal start)
        assertThat(MacBlockFraming.wireBytes(64)).isEqualTo(84);
        assertThat(MacBlockFraming.wireBytes(78)).isEqualTo(100);
        assertThat(MacBlockFraming.wireBytes(74)).isEqualTo(96);
        assertThat(MacBlockFraming.wireBytes(1518)).isEqualTo(1540);
    }

    @Test
    void shouldCountSlotsTakenByMemoryBlocksAsGap()
    {
        offerFrames(67, 60);
        final ScheduledSource memory = new ScheduledSource().add(10, Block.SYNC_CONTROL, MEMORY);

        runSlots(new TxSlotArbiter(memory, source), 30);

        assertThat(sink.type(9)).isEqualTo(BlockTypes.TERM_7);
        assertThat(sink.payload(10)).isEqualTo(MEMORY);
        assertThat(sink.type(11)).isEqualTo(BlockTypes.START_4);
        assertThat(FrameStreamStats.of(sink).frames.get(1).gapBefore()).isEqualTo(13);
    }

    @Test
    void shouldDeclineSlotsUntilTheGapIsLongEnough()
    {
        offerFrames(67, 60);
        final TxSlotArbiter arbiter = new TxSlotArbiter(source);

        runSlots(arbiter, 12);

        assertThat(sink.type(9)).isEqualTo(BlockTypes.TERM_7);
        assertThat(Block.isIdle(sink.sync(10), sink.payload(10))).isTrue();
        assertThat(sink.type(11)).isEqualTo(BlockTypes.START_4);
        assertThat(source.gapDeferrals()).isEqualTo(1);
        assertThat(arbiter.idleSlots()).isEqualTo(1);
    }

    @Test
    void shouldStartInLane0WhenTheGapIsAlreadyLongEnough()
    {
        offerFrames(64);
        runSlots(new TxSlotArbiter(source), 20);
        offerFrames(64);

        runSlots(new TxSlotArbiter(source), 20, 20);

        assertThat(FrameStreamStats.of(sink).frames.get(1).lane()).isZero();
        assertThat(source.lane0Starts()).isEqualTo(2);
    }

    @Test
    void shouldRejectFramesLongerThanTheMaximumWhenQueued()
    {
        final UnsafeBuffer big = new UnsafeBuffer(new byte[2000]);

        assertThat(source.offer(big, 0, 1515)).isEqualTo(MacFrameQueue.TOO_LONG);
        assertThat(source.offer(big, 0, 0)).isEqualTo(MacFrameQueue.EMPTY);
        assertThat(source.offer(big, 0, 1514)).isEqualTo(MacFrameQueue.OK);
        assertThat(source.queue().rejectedTooLong()).isEqualTo(1);
        assertThat(source.queue().rejectedEmpty()).isEqualTo(1);
    }

    @Test
    void shouldRejectFramesWhenTheQueueIsFull()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);
        for (int i = 0; i < source.queue().capacity(); i++)
        {
            assertThat(source.offer(frame, 0, 100)).isEqualTo(MacFrameQueue.OK);
        }

        assertThat(source.offer(frame, 0, 100)).isEqualTo(MacFrameQueue.FULL);
        assertThat(source.queue().rejectedFull()).isEqualTo(1);
    }

    @Test
    void shouldValidateConfigurationNamingTheField()
    {
        assertThatThrownBy(() -> new MacFrameQueue(0, 1514)).hasMessageContaining("capacity=");
        assertThatThrownBy(() -> new MacFrameQueue(4, 59)).hasMessageContaining("maxFrameLength=");
        assertThatThrownBy(() -> new MacFrameSource(null)).hasMessageContaining("queue=");
    }

    @Test
    void shouldNotStartAFrameBeforeItsReadySlotAndKeepLaterFramesBehindIt()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
        assertThat(source.offer(frame, 0, 60, 20)).isEqualTo(MacFrameQueue.OK);
        assertThat(source.offer(frame, 0, 60, 5)).isEqualTo(MacFrameQueue.OK);
        assertThat(source.queue().headReadySlot()).isEqualTo(20);
        assertThat(source.queue().headReady(19)).isFalse();

        runSlots(new TxSlotArbiter(source), 40);

        assertThat(Block.isIdle(sink.sync(19), sink.payload(19))).isTrue();
        assertThat(sink.type(20)).isEqualTo(BlockTypes.START_0);
        assertThat(sink.type(30)).as("the second frame follows the first, not before it")
            .isEqualTo(BlockTypes.START_4);
        assertThat(source.framesSent()).isEqualTo(2);
        assertThat(source.gapDeferrals()).isZero();
    }

    private void offerFrames(final int... lengths)
    {
        for (final int length : lengths)
        {
            final byte[] frame = new byte[length];
            java.util.Arrays.fill(frame, (byte)length);
            assertThat(source.offer(new UnsafeBuffer(frame), 0, length)).isEqualTo(MacFrameQueue.OK);
        }
    }

    private void runSlots(final TxSlotArbiter arbiter, final int slots)
    {
        runSlots(arbiter, 0, slots);
    }

    private void runSlots(final TxSlotArbiter arbiter, final long firstSlot, final int slots)
    {
        for (int i = 0; i < slots; i++)
        {
            arbiter.emit(firstSlot + i, sink);
        }
    }
}
