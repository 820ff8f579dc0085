package org.edm.phy.sw;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.RxDemux;
import org.edm.phy.pcs.BlockSink;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.sw.Frames.BROADCAST;
import static org.edm.phy.sw.Frames.frame;
import static org.edm.phy.sw.Frames.mac;

class L2SwitchTest
{
    private static final int PORTS = 4;

    private final L2Switch l2 = new L2Switch(L2Config.defaults(PORTS).withLatencySlots(0));

    @Test
    void shouldFloodAnUnknownDestinationThenForwardOnceBothAreLearned()
    {
        l2.receive(0, 1, frame(mac(2), mac(0), 1, 100), 0, 100);

        assertThat(queued()).containsExactly(0, 1, 1, 1);
        assertThat(l2.unknownUnicast()).isEqualTo(1);
        assertThat(l2.table().lookup(mac(0), 2)).isEqualTo(0);

        l2.receive(2, 2, frame(mac(0), mac(2), 2, 100), 0, 100);

        assertThat(queued()).as("the answer goes to port 0 only").containsExactly(1, 1, 1, 1);
        l2.receive(0, 3, frame(mac(2), mac(0), 3, 100), 0, 100);
        assertThat(queued()).as("and now the first host's frames go to port 2 only").containsExactly(1, 1, 2, 1);
        assertThat(l2.unicast()).isEqualTo(2);
        assertThat(l2.flooded()).isEqualTo(1);
    }

    @Test
    void shouldFloodBroadcastAndMulticastToEveryPortButTheIngress()
    {
        l2.receive(3, 1, frame(BROADCAST, mac(3), 1, 60), 0, 60);
        l2.receive(3, 1, frame(0x0100_5E00_0001L, mac(3), 2, 60), 0, 60);

        assertThat(queued()).containsExactly(2, 2, 2, 0);
        assertThat(l2.flooded()).isEqualTo(2);
        assertThat(l2.unknownUnicast()).isZero();
    }

    @Test
    void shouldNeverSendAFrameBackOutOfItsIngressPort()
    {
        l2.receive(1, 1, frame(BROADCAST, mac(7), 1, 60), 0, 60);
        drainAll();

        l2.receive(1, 2, frame(mac(7), mac(8), 2, 60), 0, 60);

        assertThat(queued()).containsExactly(0, 0, 0, 0);
        assertThat(l2.filtered()).isEqualTo(1);
    }

    @Test
    void shouldNotLearnAGroupSourceAddress()
    {
        l2.receive(1, 1, frame(mac(2), BROADCAST, 1, 60), 0, 60);

        assertThat(l2.badSource()).isEqualTo(1);
        assertThat(l2.table().lookup(BROADCAST, 1)).isEqualTo(-1);
    }

    @Test
    void shouldFloodAgainOnceTheDestinationHasAgedOut()
    {
        final L2Switch aging = new L2Switch(L2Config.defaults(PORTS).withLatencySlots(0).withAgingSlots(1_000));
        aging.receive(2, 0, frame(BROADCAST, mac(2), 1, 60), 0, 60);

        aging.receive(0, 999, frame(mac(2), mac(0), 2, 60), 0, 60);
        assertThat(aging.unicast()).isEqualTo(1);
        aging.receive(0, 1_000, frame(mac(2), mac(0), 3, 60), 0, 60);

        assertThat(aging.unknownUnicast()).isEqualTo(1);
        assertThat(aging.flooded()).isEqualTo(2);
    }

    @Test
    void shouldTailDropAndCountWhenAnEgressQueueIsFull()
    {
        final L2Switch small = new L2Switch(L2Config.defaults(PORTS).withLatencySlots(0).withCapacity(2, 16));
        small.table().addStatic(mac(1), 1);
        final List<Integer> dropped = new ArrayList<>();
        small.dropListener((in, out, reason, buffer, offset, length, slot) ->
        {
            assertThat(reason).isEqualTo(L2Switch.DROP_QUEUE_FULL);
            assertThat(out).isEqualTo(1);
            dropped.add(Frames.sequence(buffer, offset));
        });

        for (int i = 0; i < 5; i++)
        {
            small.receive(0, i, frame(mac(1), mac(0), i, 200), 0, 200);
        }

        assertThat(small.frames(1).queue().size()).isEqualTo(2);
        assertThat(small.dropsFull(1)).isEqualTo(3);
        assertThat(small.dropsFull()).isEqualTo(3);
        assertThat(dropped).containsExactly(2, 3, 4);
        final List<byte[]> out = drain(small, 1, 0, 1_000);
        assertThat(out).hasSize(2);
        assertThat(Frames.sequence(new UnsafeBuffer(out.get(1)), 0)).isEqualTo(1);
    }

    @Test
    void shouldHoldAFrameForTheL2LatencyAndForwardItIntact()
    {
        final L2Switch delayed = new L2Switch(L2Config.defaults(PORTS).withLatencySlots(781));
        delayed.table().addStatic(mac(3), 3);
        final UnsafeBuffer sent = frame(mac(3), mac(0), 42, 1514);

        delayed.receive(0, 100, sent, 0, 1514);

        final long[] firstBlock = { -1 };
        final List<byte[]> out = new ArrayList<>();
        final RxDemux rx = new RxDemux((sync, payload) -> { }, (buffer, offset, length) ->
            out.add(Frames.bytes(buffer, offset, length)), MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
        for (long slot = 101; slot < 1_200; slot++)
        {
            final long at = slot;
            final BlockSink sink = (sync, payload) ->
            {
                if (firstBlock[0] < 0)
                {
                    firstBlock[0] = at;
                }
                rx.accept(sync, payload);
            };
            delayed.egress(3).emit(slot, sink);
        }

        assertThat(firstBlock[0]).isEqualTo(100 + 781);
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).isEqualTo(Frames.bytes(sent, 0, 1514));
        assertThat(delayed.hasWork(3)).isFalse();
        assertThat(delayed.idle()).isTrue();
    }

    @Test
    void shouldDropAFrameLongerThanTheMaximum()
    {
        final L2Switch small = new L2Switch(new L2Config(PORTS, 100, 4, 16, 1_000, 0));
        small.receive(0, 1, frame(BROADCAST, mac(0), 1, 200), 0, 200);

        assertThat(small.dropsTooLong()).isEqualTo(3);
        assertThat(small.idle()).isTrue();
    }

    private int[] queued()
    {
        final int[] sizes = new int[PORTS];
        for (int p = 0; p < PORTS; p++)
        {
            sizes[p] = l2.frames(p).queue().size();
            assertThat(l2.hasWork(p)).isEqualTo(sizes[p] > 0);
        }
        return sizes;
    }

    private void drainAll()
    {
        for (int p = 0; p < PORTS; p++)
        {
            drain(l2, p, 0, 10_000);
        }
    }

    private static List<byte[]> drain(final L2Switch l2, final int port, final long from, final long slots)
    {
        final List<byte[]> out = new ArrayList<>();
        final RxDemux rx = new RxDemux((sync, payload) -> { }, (buffer, offset, length) ->
            out.add(Frames.bytes(buffer, offset, length)), MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
        for (long slot = from; slot < from + slots && l2.hasWork(port); slot++)
        {
            l2.egress(port).emit(slot, rx);
        }
        return out;
    }
}
