package org.edm.phy.sw;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.link.RxDemux;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.SchedulerConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch and host port compositions: memory blocks and frames share links, memory first. Memory traffic is
 * measured slot by slot with and without frames on the same links and must be identical; frames must arrive whole
 * and in order although memory blocks preempted them.
 */
class SwitchPortsTest
{
    private static final int HOSTS = 4;

    @ParameterizedTest
    @ValueSource(strings = { "netsim", "wire-7", "wire-8" })
    void memoryTrafficIsUnchangedInEverySlotByFramesOnTheSameLinks(final String framingName)
    {
        final Framing framing = Framing.parse(framingName);
        final PortRack memoryOnly = run(framing, false);
        final PortRack mixed = run(framing, true);

        assertThat(mixed.completions).hasSize(5).isEqualTo(memoryOnly.completions);
        assertThat(mixed.hostMemorySlots).isEqualTo(memoryOnly.hostMemorySlots);
        assertThat(mixed.switchMemorySlots).isEqualTo(memoryOnly.switchMemorySlots);
        assertThat(mixed.preemptions).as("memory blocks sent by hosts in the middle of a frame").isPositive();
        assertThat(switchPreemptions).as("memory blocks sent by the switch in the middle of a frame").isPositive();

        assertThat(mixed.received).hasSize(20 + 10 + 5);
        for (int src = 0; src < HOSTS; src++)
        {
            final List<Integer> sequences = new ArrayList<>();
            for (final PortRack.Received frame : mixed.received)
            {
                final int sequence = frame.sequence();
                if (sequence / 1000 == src)
                {
                    sequences.add(sequence);
                    final int length = frame.bytes().length;
                    assertThat(frame.bytes()).as("frame %d arrives whole", sequence)
                        .isEqualTo(Frames.bytes(Frames.frame(Frames.mac(frame.host()), Frames.mac(src), sequence,
                            length), 0, length));
                }
            }
            assertThat(sequences).as("frames from host %d in order", src).isSorted();
        }
        for (int h = 0; h < HOSTS; h++)
        {
            assertThat(mixed.ports[h].rx().totalDrops()).isZero();
            assertThat(mixed.fabric.rx(h).totalDrops()).isZero();
        }
        assertThat(mixed.fabric.l2().dropsFull()).isZero();
        assertThat(mixed.fabric.l2().unicast()).isEqualTo(35);
    }

    private int switchPreemptions;

    private PortRack run(final Framing framing, final boolean frames)
    {
        final PortRack rack = new PortRack(HOSTS, framing, 16, 100, 32);
        rack.ports[0].engine().submitWrite(0, 1, 0, 0, 4096, null, 0, 0);
        rack.ports[3].engine().submitWrite(2, 1, 0, 0, 512, null, 0, 0);
        if (frames)
        {
            for (int i = 0; i < 20; i++)
            {
                rack.offer(0, 1, i, 1514);
            }
            for (int i = 0; i < 10; i++)
            {
                rack.offer(2, 1, 2000 + i, 800 + i);
            }
            for (int i = 0; i < 5; i++)
            {
                rack.offer(3, 0, 3000 + i, 60);
            }
        }
        for (long slot = 0; slot < 200_000; slot++)
        {
            if (slot == 10)
            {
                rack.ports[1].engine().submitRead(1, 2, 0, 0, 4096, null, 0, slot);
            }
            if (slot == 300)
            {
                rack.ports[2].engine().submitWrite(3, 0, 0, 0, 2000, null, 0, slot);
                rack.ports[0].engine().submitRead(4, 1, 0, 0, 64, null, 0, slot);
            }
            for (int p = 0; p < HOSTS && frames; p++)
            {
                if (rack.fabric.l2().frames(p).inFrame() && rack.fabric.engine().hasEgress(p))
                {
                    switchPreemptions++;
                }
            }
            rack.step(slot);
            if (slot > 300 && rack.idle())
            {
                return rack;
            }
        }
        throw new IllegalStateException("the rack did not go idle");
    }

    @Test
    void shouldForwardFramesThroughTheSwitchWithoutAllocating()
    {
        final SwitchPorts fabric = new SwitchPorts(
            new SwitchEngine(SwitchConfig.identity(Framing.netsim(), SchedulerConfig.reference(2))),
            new L2Switch(L2Config.defaults(2).withLatencySlots(0)));
        fabric.l2().table().addStatic(Frames.mac(1), 1);
        final MacFrameSource host = new MacFrameSource(8, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
        final long[] delivered = { 0 };
        final RxDemux far = new RxDemux((sync, payload) -> { }, (buffer, offset, length) -> delivered[0]++,
            MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, false);
        final UnsafeBuffer frame = Frames.frame(Frames.mac(1), Frames.mac(0), 1, 1514);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long[] slot = { 0 };
        final org.edm.phy.pcs.BlockSink toSwitch = (sync, payload) -> fabric.accept(0, slot[0], sync, payload);
        final Runnable rounds = () ->
        {
            for (int round = 0; round < 2_000; round++)
            {
                host.offer(frame, 0, 60 + (round * 37) % 1400);
                for (int i = 0; i < 400; i++)
                {
                    final long t = slot[0];
                    fabric.beginSlot(t);
                    if (fabric.emit(1, t) != SwitchPorts.IDLE)
                    {
                        far.accept(fabric.sync(), fabric.payload());
                    }
                    host.emit(t, toSwitch);
                    slot[0]++;
                }
            }
        };
        for (int warmUp = 0; warmUp < 3; warmUp++)
        {
            rounds.run();
        }
        final long before = threads.getCurrentThreadAllocatedBytes();

        rounds.run();

        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(delivered[0]).isEqualTo(8_000);
        assertThat(allocated).as("bytes allocated in 2000 frames").isLessThan(2_000);
    }
}
