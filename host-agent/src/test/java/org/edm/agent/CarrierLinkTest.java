package org.edm.agent;

import org.edm.nativeio.PortOptions;
import org.edm.nativeio.memory.MemoryLink;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Blocks through a carrier link over an in-memory cable: order kept, idles not carried, MTU-sized frames. */
class CarrierLinkTest
{
    @Test
    void shouldCarryBlocksInOrderInAsFewFramesAsTheMtuAllows()
    {
        final MemoryLink cable = MemoryLink.open("t", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 0x02ed00000002L, 0x02ed00000001L);
        final CarrierLink b = new CarrierLink(cable.b(), 0x02ed00000001L, 0x02ed00000002L);
        final int blocks = 1000;
        for (int i = 0; i < blocks; i++)
        {
            assertThat(a.add(i, Block.SYNC_CONTROL, ((long)i << 8) | 0x1C)).isTrue();
            assertThat(a.add(i, Block.SYNC_CONTROL, Block.IDLE_PAYLOAD)).as("idles are accepted, not carried").isTrue();
        }
        assertThat(a.flush(blocks)).isEqualTo((blocks + 177) / 178);
        final List<Long> received = new ArrayList<>();
        while (b.poll((sync, payload) -> received.add(payload), 16) > 0)
        {
            assertThat(received).isNotEmpty();
        }
        assertThat(received).hasSize(blocks);
        for (int i = 0; i < blocks; i++)
        {
            assertThat(received.get(i)).isEqualTo(((long)i << 8) | 0x1C);
        }
        assertThat(b.gaps()).isZero();
        assertThat(a.blocksDropped()).isZero();
        cable.a().close();
        cable.b().close();
    }

    @Test
    void shouldHoldABlockWhileTheFarEndTakesNoFramesAndLoseNone()
    {
        final MemoryLink cable = MemoryLink.open("bp", new PortOptions().rxFrames(8));
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1);
        final CarrierLink b = new CarrierLink(cable.b(), 1, 2);
        long sent = 0;
        long slot = 0;
        // a sender that stops while the link is not ready, as the agents do; the far end reads nothing meanwhile
        while (a.ready(slot) && slot < 100_000)
        {
            a.add(slot, Block.SYNC_CONTROL, (sent << 8) | 0x1C);
            sent++;
            slot++;
        }
        assertThat(a.ready(slot)).as("the cable filled up").isFalse();
        assertThat(a.txStalls()).isEqualTo(1);
        final List<Long> received = new ArrayList<>();
        for (int round = 0; round < 1000 && received.size() < sent; round++)
        {
            b.poll((sync, payload) -> received.add(payload), 4);
            if (a.ready(slot))
            {
                a.flush(slot);
            }
        }
        assertThat(received).hasSize((int)sent);
        for (int i = 0; i < sent; i++)
        {
            assertThat(received.get(i)).isEqualTo(((long)i << 8) | 0x1C);
        }
        assertThat(a.blocksDropped()).isZero();
        assertThat(b.gaps()).isZero();
        cable.a().close();
        cable.b().close();
    }

    @Test
    void shouldReportAGapWhenFramesWereLost()
    {
        final MemoryLink cable = MemoryLink.open("g", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1);
        final CarrierLink b = new CarrierLink(cable.b(), 1, 2);
        final int[] gaps = new int[1];
        b.gapHandler(() -> gaps[0]++);
        a.add(0, Block.SYNC_CONTROL, 0x0D);
        a.flush(1);
        b.poll((sync, payload) -> { }, 16);
        a.add(1, Block.SYNC_CONTROL, 0x0D);
        a.flush(2);
        // lose that frame: read it on a throwaway sink without passing it through b's sequence tracking
        cable.b().poll((buffer, offset, length) -> { }, 16);
        a.add(2, Block.SYNC_CONTROL, 0x0D);
        a.flush(3);
        b.poll((sync, payload) -> { }, 16);
        assertThat(gaps[0]).isEqualTo(1);
        assertThat(b.gaps()).isEqualTo(1);
        cable.a().close();
        cable.b().close();
    }

    private static final long WREQ_MIDDLE = 0x1C;
    private static final long RREQ_FIRST = 0x0A;

    @Test
    void shouldKeepAStreamingFrameOfMiddleBlocksOpenUntilAnUrgentBlockJoinsIt()
    {
        final MemoryLink cable = MemoryLink.open("hold", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1, 100);
        final CarrierLink b = new CarrierLink(cable.b(), 1, 2);
        long slot = 0;
        for (int cycle = 0; cycle < 5; cycle++)
        {
            for (int i = 0; i < 10; i++, slot++)
            {
                a.add(slot, Block.SYNC_CONTROL, slot << 8 | WREQ_MIDDLE);
            }
            assertThat(a.flush(slot)).as("cycle %d: still streaming, 50 blocks of 100 slots", cycle).isZero();
        }
        assertThat(a.flushesHeld()).isEqualTo(5);
        assertThat(received(b)).isEmpty();
        a.add(slot, Block.SYNC_CONTROL, slot << 8 | RREQ_FIRST);
        slot++;
        assertThat(a.flush(slot)).as("a request header is urgent").isEqualTo(1);
        final List<Long> blocks = received(b);
        assertThat(blocks).hasSize(51);
        assertThat(blocks.getLast()).isEqualTo(50L << 8 | RREQ_FIRST);
        cable.a().close();
        cable.b().close();
    }

    @Test
    void shouldSendAHeldFrameWhenTheHoldRunsOutOrAnotherFrameIsStaged()
    {
        final MemoryLink cable = MemoryLink.open("hold2", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1, 20);
        final CarrierLink b = new CarrierLink(cable.b(), 1, 2);
        a.add(0, Block.SYNC_CONTROL, WREQ_MIDDLE);
        a.add(1, Block.SYNC_CONTROL, WREQ_MIDDLE);
        assertThat(a.flush(2)).isZero();
        assertThat(a.flush(10)).as("a pause: a write waits for its grant, and nothing waits on its blocks").isZero();
        assertThat(a.flush(19)).as("19 slots after the frame opened").isZero();
        assertThat(a.flush(20)).as("the hold of 20 slots ran out").isEqualTo(1);
        assertThat(received(b)).hasSize(2);

        final MemoryLink longCable = MemoryLink.open("hold3", new PortOptions());
        final CarrierLink c = new CarrierLink(longCable.a(), 2, 1, 1000);
        final CarrierLink d = new CarrierLink(longCable.b(), 1, 2);
        int sent = 0;
        for (int i = 0; i < 178 + 5; i++)
        {
            c.add(i, Block.SYNC_CONTROL, WREQ_MIDDLE);
            if (i % 10 == 9)
            {
                sent += c.flush(i + 1);
            }
        }
        assertThat(sent).as("a full frame (178 blocks) is staged: the open one goes along with it").isEqualTo(2);
        assertThat(received(d)).hasSize(180);
        assertThat(c.holdsFrame()).as("blocks 181 to 183, younger than the hold").isTrue();
        cable.a().close();
        cable.b().close();
        longCable.a().close();
        longCable.b().close();
    }

    @Test
    void shouldSendAHeldFrameWhenDrainedAndForgetItOnceThePortIsClosed()
    {
        final MemoryLink cable = MemoryLink.open("drain", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1, 100);
        final CarrierLink b = new CarrierLink(cable.b(), 1, 2);
        a.add(0, Block.SYNC_CONTROL, WREQ_MIDDLE);
        assertThat(a.flush(1)).isZero();
        assertThat(a.holdsFrame()).isTrue();
        assertThat(a.drain(1)).isEqualTo(1);
        assertThat(a.holdsFrame()).isFalse();
        assertThat(received(b)).hasSize(1);

        a.add(1, Block.SYNC_CONTROL, WREQ_MIDDLE);
        assertThat(a.flush(2)).isZero();
        cable.a().close();
        assertThat(a.drain(2)).as("a closed port takes nothing").isZero();
        assertThat(a.holdsFrame()).isFalse();
        cable.b().close();
    }

    @Test
    void shouldSendEveryFlushWithoutAHold()
    {
        final MemoryLink cable = MemoryLink.open("nohold", new PortOptions());
        final CarrierLink a = new CarrierLink(cable.a(), 2, 1);
        a.add(0, Block.SYNC_CONTROL, WREQ_MIDDLE);
        assertThat(a.flush(1)).isEqualTo(1);
        assertThat(a.flushesHeld()).isZero();
        cable.a().close();
        cable.b().close();
    }

    private static List<Long> received(final CarrierLink link)
    {
        final List<Long> received = new ArrayList<>();
        while (link.poll((sync, payload) -> received.add(payload), 16) > 0)
        {
            assertThat(received).isNotNull();
        }
        return received;
    }
}
