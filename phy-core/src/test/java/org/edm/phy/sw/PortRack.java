package org.edm.phy.sw;

import org.agrona.DirectBuffer;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.host.HostPort;
import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.mem.Framing;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.sched.SchedulerConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A small rack for tests: host ports and switch ports joined by links of a fixed delay, stepped in the reference
 * order. Records the slot of every memory block each host and each switch port sent, every completion, and every
 * frame each host received (with its slot).
 */
final class PortRack
{
    record Received(int host, long slot, int sequence, byte[] bytes)
    {
    }

    final int hosts;
    final int delay;
    final HostPort[] ports;
    final SwitchPorts fabric;
    final List<List<Long>> hostMemorySlots = new ArrayList<>();
    final List<List<Long>> switchMemorySlots = new ArrayList<>();
    final TreeMap<Long, Long> completions = new TreeMap<>();
    final List<Received> received = new ArrayList<>();
    /** Slots where a host sent a memory block while one of its frames was in progress (preemption). */
    int preemptions;
    private final List<ArrayDeque<long[]>> up = new ArrayList<>();
    private final List<ArrayDeque<long[]>> down = new ArrayList<>();

    PortRack(final int hosts, final Framing framing, final int delay, final long l2Latency, final int hostQueue)
    {
        this.hosts = hosts;
        this.delay = delay;
        ports = new HostPort[hosts];
        for (int h = 0; h < hosts; h++)
        {
            final MemoryRegions regions = new MemoryRegions(framing.maxLength());
            regions.register(0, null, Long.MAX_VALUE / 2);
            final HostEngine engine = new HostEngine(
                HostConfig.defaults(h, framing).withKnownNodes(node -> node >= 0 && node < hosts), regions,
                (id, status, submit, complete) -> completions.put(id, complete));
            final int host = h;
            final HostPort[] all = ports;
            ports[h] = new HostPort(engine, hostQueue, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH,
                (buffer, offset, length) -> received.add(new Received(host, all[host].receiveSlot(),
                    Frames.sequence(buffer, offset), Frames.bytes(buffer, offset, length))));
            hostMemorySlots.add(new ArrayList<>());
            switchMemorySlots.add(new ArrayList<>());
            up.add(new ArrayDeque<>());
            down.add(new ArrayDeque<>());
        }
        final SwitchConfig base = SwitchConfig.identity(framing, SchedulerConfig.reference(hosts));
        final L2Switch l2 = new L2Switch(L2Config.defaults(hosts).withLatencySlots(l2Latency));
        for (int h = 0; h < hosts; h++)
        {
            l2.table().addStatic(Frames.mac(h), h);
        }
        fabric = new SwitchPorts(new SwitchEngine(base), l2);
    }

    void step(final long slot)
    {
        fabric.beginSlot(slot);
        for (int h = 0; h < hosts; h++)
        {
            final boolean inFrame = ports[h].frames().inFrame();
            final int what = ports[h].emit(slot);
            if (what == HostPort.MEMORY)
            {
                hostMemorySlots.get(h).add(slot);
                preemptions += inFrame ? 1 : 0;
            }
            if (what != HostPort.IDLE)
            {
                up.get(h).add(new long[] { slot + delay, ports[h].sync(), ports[h].payload() });
            }
        }
        for (int p = 0; p < hosts; p++)
        {
            final int what = fabric.emit(p, slot);
            if (what == SwitchPorts.MEMORY)
            {
                switchMemorySlots.get(p).add(slot);
            }
            if (what != SwitchPorts.IDLE)
            {
                down.get(p).add(new long[] { slot + delay, fabric.sync(), fabric.payload() });
            }
        }
        for (int p = 0; p < hosts; p++)
        {
            final ArrayDeque<long[]> link = up.get(p);
            while (!link.isEmpty() && link.peek()[0] == slot)
            {
                final long[] block = link.poll();
                fabric.accept(p, slot, (int)block[1], block[2]);
            }
        }
        for (int h = 0; h < hosts; h++)
        {
            final ArrayDeque<long[]> link = down.get(h);
            while (!link.isEmpty() && link.peek()[0] == slot)
            {
                final long[] block = link.poll();
                ports[h].accept(slot, (int)block[1], block[2]);
            }
        }
    }

    boolean idle()
    {
        for (int h = 0; h < hosts; h++)
        {
            if (!ports[h].idle() || !up.get(h).isEmpty() || !down.get(h).isEmpty())
            {
                return false;
            }
        }
        return fabric.idle();
    }

    void offer(final int src, final int dst, final int sequence, final int length)
    {
        final DirectBuffer frame = Frames.frame(Frames.mac(dst), Frames.mac(src), sequence, length);
        if (ports[src].offerFrame(frame, 0, length) != 0)
        {
            throw new IllegalStateException("host " + src + " frame queue full");
        }
    }
}
