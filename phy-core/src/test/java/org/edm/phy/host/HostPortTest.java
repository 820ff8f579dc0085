package org.edm.phy.host;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.link.RxDemux;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HostPortTest
{
    private final List<byte[]> framesIn = new ArrayList<>();

    private HostPort port(final int node)
    {
        final MemoryRegions regions = new MemoryRegions(Framing.netsim().maxLength());
        regions.register(0, null, 1 << 20);
        final HostEngine engine = new HostEngine(HostConfig.defaults(node, Framing.netsim()), regions,
            (id, status, submit, complete) -> { });
        return new HostPort(engine, 4, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, (buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            framesIn.add(copy);
        });
    }

    @Test
    void aMemoryBlockTakesTheVeryNextSlotInTheMiddleOfAFrameAndTheFrameArrivesWhole()
    {
        final HostPort host = port(0);
        final byte[] frame = new byte[1514];
        for (int i = 0; i < frame.length; i++)
        {
            frame[i] = (byte)(i * 7);
        }
        assertThat(host.offerFrame(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(MacFrameQueue.OK);
        final RxDemux far = new RxDemux((sync, payload) -> { }, (buffer, offset, length) ->
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            framesIn.add(copy);
        }, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
        final List<Long> memorySlots = new ArrayList<>();
        long submitted = -1;
        for (long slot = 0; slot < 400; slot++)
        {
            if (slot == 50)
            {
                assertThat(host.frames().inFrame()).isTrue();
                host.engine().submitRead(1, 1, 0, 0, 64, null, 0, slot);
                submitted = slot;
            }
            final int what = host.emit(slot);
            if (what == HostPort.MEMORY)
            {
                memorySlots.add(slot);
                assertThat(MemoryBlockTypes.isMemoryBlock(host.sync(), host.payload(), false)).isTrue();
            }
            far.accept(host.sync(), host.payload());
        }

        assertThat(memorySlots).as("the read request's blocks, at once and back to back")
            .containsExactly(submitted, submitted + 1);
        assertThat(framesIn).hasSize(1);
        assertThat(framesIn.get(0)).isEqualTo(frame);
        assertThat(host.frames().framesSent()).isEqualTo(1);
        assertThat(host.idle()).as("nothing left to send (the read waits for its response)").isTrue();
    }

    @Test
    void shouldHandMemoryBlocksToTheEngineAndFramesToTheOwner()
    {
        final HostPort sender = port(0);
        final HostPort receiver = port(1);
        sender.offerFrame(new UnsafeBuffer(new byte[100]), 0, 100);
        sender.engine().submitWrite(7, 1, 0, 0, 64, null, 0, 0);
        for (long slot = 0; slot < 100; slot++)
        {
            if (sender.emit(slot) != HostPort.IDLE)
            {
                receiver.accept(slot, sender.sync(), sender.payload());
            }
            else
            {
                assertThat(sender.sync()).isEqualTo(Block.SYNC_CONTROL);
                assertThat(sender.payload()).isEqualTo(Block.IDLE_PAYLOAD);
            }
        }

        assertThat(framesIn).hasSize(1);
        assertThat(receiver.rx().framesDelivered()).isEqualTo(1);
        assertThat(receiver.engine().blocksReceived()).as("the NOTIF (no switch here to grant it)").isEqualTo(1);
        assertThat(receiver.receiveSlot()).isPositive();
    }
}
