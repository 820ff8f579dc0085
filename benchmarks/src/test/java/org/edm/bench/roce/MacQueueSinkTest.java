package org.edm.bench.roce;

import org.edm.phy.link.MacFrameQueue;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MacQueueSinkTest
{
    @Test
    void shouldQueueFramesForThePhyAndHoldThemBackWhenTheQueueIsFull()
    {
        final RoceLink link = new RoceLink(RoceLink.defaultConfig(), 1, 4);
        final MacFrameQueue queue = new MacFrameQueue(2, 1514);
        final MacQueueSink sink = new MacQueueSink(queue);
        link.a.submitWrite(1, 0, RoceLink.RKEY, 3 * 1024, null, 0, link.now);

        assertThat(link.a.emit(link.now, sink)).isEqualTo(1);
        assertThat(link.a.emit(link.now, sink)).isEqualTo(1);
        assertThat(link.a.emit(link.now, sink)).isEqualTo(RoceStatus.BACK_PRESSURED);
        queue.remove();
        assertThat(link.a.emit(link.now, sink)).isEqualTo(1);

        assertThat(queue.framesQueued()).isEqualTo(3);
        assertThat(queue.headWireLength()).as("WRITE Middle + FCS").isEqualTo(58 + 1024 + 4);
        assertThat(link.a.requester().packetsSent()).isEqualTo(3);
        assertThat(sink.rejected()).isZero();
    }

    @Test
    void shouldRefuseFramesLongerThanThePortTakes()
    {
        final RoceLink link = new RoceLink(RoceLink.defaultConfig().mtu(4096), 1, 4);
        final MacQueueSink sink = new MacQueueSink(new MacFrameQueue(4, 1514));
        link.a.submitWrite(1, 0, RoceLink.RKEY, 4096, null, 0, link.now);

        assertThat(link.a.emit(link.now, sink)).isEqualTo(RoceStatus.BACK_PRESSURED);
        assertThat(link.a.requester().packetsSent()).isZero();
    }
}
