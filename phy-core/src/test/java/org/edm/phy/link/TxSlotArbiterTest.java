package org.edm.phy.link;

import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TxSlotArbiterTest
{
    private static final long RESPONSE = MemoryBlockTypes.RRESP_FIRST | 0x1100L;
    private static final long REQUEST = MemoryBlockTypes.RREQ_FIRST | 0x2200L;
    private static final long GRANT = MemoryBlockTypes.GRANT | 0x3300L;

    private final BlockQueue responses = new BlockQueue(16);
    private final BlockQueue requests = new BlockQueue(16);
    private final BlockQueue grants = new BlockQueue(16);
    private final RecordingSink sink = new RecordingSink();

    @Test
    void shouldEmitIdleWhenNoSourceHasABlock()
    {
        final TxSlotArbiter arbiter = new TxSlotArbiter(new QueueSlotSource(responses));

        assertThat(arbiter.emit(0, sink)).isEqualTo(TxSlotArbiter.IDLE);

        assertThat(sink.size()).isEqualTo(1);
        assertThat(Block.isIdle(sink.sync(0), sink.payload(0))).isTrue();
        assertThat(arbiter.idleSlots()).isEqualTo(1);
    }

    @Test
    void shouldEmitExactlyOneBlockPerSlotInPriorityOrder()
    {
        fill(responses, RESPONSE, 2);
        fill(requests, REQUEST, 2);
        fill(grants, GRANT, 2);
        final TxSlotArbiter arbiter = new TxSlotArbiter(
            new QueueSlotSource(responses), new QueueSlotSource(requests), new QueueSlotSource(grants));

        for (int slot = 0; slot < 8; slot++)
        {
            arbiter.emit(slot, sink);
        }

        assertThat(sink.size()).isEqualTo(8);
        assertThat(payloads()).containsExactly(
            RESPONSE, RESPONSE + 1, REQUEST, REQUEST + 1, GRANT, GRANT + 1, Block.IDLE_PAYLOAD, Block.IDLE_PAYLOAD);
        assertThat(arbiter.blocks(0)).isEqualTo(2);
        assertThat(arbiter.blocks(1)).isEqualTo(2);
        assertThat(arbiter.blocks(2)).isEqualTo(2);
        assertThat(arbiter.idleSlots()).isEqualTo(2);
        assertThat(arbiter.slots()).isEqualTo(8);
    }

    @Test
    void shouldTakeAHigherPriorityBlockAsSoonAsItArrives()
    {
        fill(requests, REQUEST, 3);
        final TxSlotArbiter arbiter = new TxSlotArbiter(new QueueSlotSource(responses), new QueueSlotSource(requests));

        arbiter.emit(0, sink);
        responses.offer(Block.SYNC_CONTROL, RESPONSE);
        arbiter.emit(1, sink);
        arbiter.emit(2, sink);

        assertThat(payloads()).containsExactly(REQUEST, RESPONSE, REQUEST + 1);
    }

    @Test
    void shouldFollowTheDefaultClassOrder()
    {
        final TxSlotArbiter arbiter = classArbiter(TxClass.defaultOrder());

        drain(arbiter, 4);

        assertThat(payloads()).containsExactly(RESPONSE, REQUEST, GRANT, Block.IDLE_PAYLOAD);
        assertThat(arbiter.blocks(TxClass.RESPONSE)).isEqualTo(1);
        assertThat(arbiter.priorityOf(TxClass.RESPONSE)).isZero();
        assertThat(arbiter.priorityOf(TxClass.FRAME)).isEqualTo(-1);
    }

    @Test
    void shouldFollowTheNetsimClassOrder()
    {
        final TxSlotArbiter arbiter = classArbiter(TxClass.parseOrder(TxClass.NETSIM_ORDER));

        drain(arbiter, 4);

        assertThat(payloads()).containsExactly(REQUEST, RESPONSE, GRANT, Block.IDLE_PAYLOAD);
    }

    @Test
    void shouldFollowAnyConfiguredOrderAndSkipClassesLeftOut()
    {
        final TxSlotArbiter arbiter = classArbiter(TxClass.parseOrder("grant > request"));

        drain(arbiter, 3);

        assertThat(payloads()).containsExactly(GRANT, REQUEST, Block.IDLE_PAYLOAD);
        assertThat(responses.size()).isEqualTo(1);
        assertThat(arbiter.blocks(TxClass.RESPONSE)).isZero();
    }

    @Test
    void shouldLetMemoryBlocksPreemptAFrameAtBlockGranularity()
    {
        final MacFrameSource frames = new MacFrameSource(4, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
        frames.offer(new org.agrona.concurrent.UnsafeBuffer(new byte[200]), 0, 200);
        final ScheduledSource memory = new ScheduledSource()
            .add(3, Block.SYNC_CONTROL, REQUEST)
            .add(10, Block.SYNC_CONTROL, REQUEST + 1)
            .add(10, Block.SYNC_CONTROL, REQUEST + 2);
        final TxSlotArbiter arbiter = new TxSlotArbiter(memory, frames);

        for (int slot = 0; slot < 40; slot++)
        {
            arbiter.emit(slot, sink);
        }

        assertThat(sink.type(0)).isEqualTo(0x78);
        assertThat(sink.sync(1)).isEqualTo(Block.SYNC_DATA);
        assertThat(sink.payload(3)).isEqualTo(REQUEST);
        assertThat(sink.sync(4)).isEqualTo(Block.SYNC_DATA);
        assertThat(sink.payload(10)).isEqualTo(REQUEST + 1);
        assertThat(sink.payload(11)).isEqualTo(REQUEST + 2);
        assertThat(sink.sync(12)).isEqualTo(Block.SYNC_DATA);
        final FrameStreamStats stats = FrameStreamStats.of(sink);
        assertThat(stats.frames).hasSize(1);
        assertThat(stats.frames.getFirst().wireBytes()).isEqualTo(204);
        assertThat(frames.framesSent()).isEqualTo(1);
        assertThat(arbiter.blocks(0)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "response,bogus", "frame,frame", "request>grant>request" })
    void shouldRejectABadOrderNamingTheField(final String order)
    {
        assertThatThrownBy(() -> TxClass.parseOrder(order))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("order=");
    }

    @Test
    void shouldRejectMissingSources()
    {
        assertThatThrownBy(TxSlotArbiter::new).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("sources");
        assertThatThrownBy(() -> new TxSlotArbiter(SlotSource.NONE, null))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sources[1]");
        assertThatThrownBy(() -> TxSlotArbiter.forClasses(TxClass.defaultOrder(), new SlotSource[TxClass.COUNT]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sourceByClass");
        final SlotSource[] onlyFrames = new SlotSource[TxClass.COUNT];
        onlyFrames[TxClass.FRAME.ordinal()] = SlotSource.NONE;
        assertThatThrownBy(() -> TxSlotArbiter.forClasses(
            new TxClass[] { TxClass.GRANT, TxClass.FRAME, TxClass.GRANT }, onlyFrames))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    private TxSlotArbiter classArbiter(final TxClass[] order)
    {
        responses.offer(Block.SYNC_CONTROL, RESPONSE);
        requests.offer(Block.SYNC_CONTROL, REQUEST);
        grants.offer(Block.SYNC_CONTROL, GRANT);
        final SlotSource[] byClass = new SlotSource[TxClass.COUNT];
        byClass[TxClass.RESPONSE.ordinal()] = new QueueSlotSource(responses);
        byClass[TxClass.REQUEST.ordinal()] = new QueueSlotSource(requests);
        byClass[TxClass.GRANT.ordinal()] = new QueueSlotSource(grants);
        return TxSlotArbiter.forClasses(order, byClass);
    }

    private void drain(final TxSlotArbiter arbiter, final int slots)
    {
        for (int slot = 0; slot < slots; slot++)
        {
            arbiter.emit(slot, sink);
        }
    }

    private long[] payloads()
    {
        final long[] payloads = new long[sink.size()];
        for (int i = 0; i < payloads.length; i++)
        {
            payloads[i] = sink.payload(i);
        }
        return payloads;
    }

    private static void fill(final BlockQueue queue, final long first, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            queue.offer(Block.SYNC_CONTROL, first + i);
        }
    }
}
