package org.edm.phy.sw;

import org.agrona.DirectBuffer;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.link.SlotSource;
import org.edm.phy.pcs.BlockSink;

import java.nio.ByteOrder;

/**
 * The switch's L2 path: ordinary MAC frames, forwarded as a learning switch below memory traffic (edm-protocol §3,
 * §4.5). It takes whole frames from the ports' receive demultiplexers and queues them on egress ports, whose frame
 * sources a per-port arbiter polls after the memory side ({@link SwitchPorts}), so memory blocks preempt them at block
 * granularity.
 * <pre>
 *   receive(port, t, frame):  learn source MAC -> port (multicast sources are not learned)
 *                             destination multicast/broadcast, or unknown  -> every port but the ingress (flood)
 *                             destination learned on the ingress port      -> filtered (never sent back)
 *                             destination learned on port q                -> port q
 *                             each copy queued with ready slot t + latency; a full queue drops it (tail drop)
 *   egress(port):             a SlotSource sending the port's queued frames, not before their ready slot
 * </pre>
 * Why a ready slot per queued frame rather than a delay line: the L2 pipeline latency (the reference charges 781
 * slots at 100G) then costs no second buffer and no per-slot work while frames wait. Each egress port owns a bounded
 * {@link MacFrameQueue} (a preallocated slab; the frame is copied in, padded and given a fresh FCS), so steady state
 * allocates nothing. Drops are counted per port and reported to an optional {@link DropListener}. Single-threaded;
 * no exceptions, logging or locks on the per-frame and per-slot paths.
 */
public final class L2Switch
{
    /** {@link DropListener} reason: the egress queue was full. */
    public static final int DROP_QUEUE_FULL = 0;
    /** {@link DropListener} reason: the frame is longer than the configured maximum. */
    public static final int DROP_TOO_LONG = 1;

    /** Told about every frame copy the switch drops, while the frame's bytes are still valid. */
    @FunctionalInterface
    public interface DropListener
    {
        void frameDropped(int ingressPort, int egressPort, int reason, DirectBuffer buffer, int offset, int length,
            long slot);
    }

    private static final DropListener NO_LISTENER = (in, out, reason, buffer, offset, length, slot) ->
    {
    };
    private static final int HEADER_LENGTH = 14;

    private final L2Config config;
    private final int ports;
    private final long latency;
    private final MacTable table;
    private final MacFrameSource[] frames;
    private final PortEgress[] egress;
    private final long[] busy;
    private final long[] dropsFull;
    private DropListener dropListener = NO_LISTENER;
    private long framesIn;
    private long unicast;
    private long flooded;
    private long unknownUnicast;
    private long filtered;
    private long runts;
    private long badSource;
    private long dropsTooLong;
    private long copiesQueued;

    public L2Switch(final L2Config config)
    {
        if (config == null)
        {
            throw new IllegalArgumentException("config=null");
        }
        this.config = config;
        this.ports = config.ports();
        this.latency = config.latencySlots();
        table = new MacTable(config.macEntries(), config.agingSlots());
        frames = new MacFrameSource[ports];
        egress = new PortEgress[ports];
        for (int p = 0; p < ports; p++)
        {
            frames[p] = new MacFrameSource(config.queueFrames(), config.maxFrameLength());
            egress[p] = new PortEgress(p, frames[p]);
        }
        busy = new long[(ports + 63) >>> 6];
        dropsFull = new long[ports];
    }

    public L2Config config()
    {
        return config;
    }

    /** The learning table (for static entries and its counters). */
    public MacTable table()
    {
        return table;
    }

    /** Installs the listener told about dropped frames (null: none). */
    public void dropListener(final DropListener listener)
    {
        dropListener = listener == null ? NO_LISTENER : listener;
    }

    /**
     * Hands in a whole frame that arrived on {@code port} in slot {@code slot}: destination MAC through payload, no
     * FCS (as {@link org.edm.phy.link.RxDemux} delivers it). The bytes are copied before this returns.
     */
    public void receive(final int port, final long slot, final DirectBuffer buffer, final int offset, final int length)
    {
        framesIn++;
        if (length < HEADER_LENGTH)
        {
            runts++;
            return;
        }
        final long destination = mac(buffer, offset);
        final long source = mac(buffer, offset + 6);
        if (isGroup(source))
        {
            badSource++;
        }
        else
        {
            table.learn(source, port, slot);
        }
        final long ready = slot + latency;
        if (!isGroup(destination))
        {
            final int out = table.lookup(destination, slot);
            if (out == port)
            {
                filtered++;
                return;
            }
            if (out >= 0)
            {
                unicast++;
                enqueue(port, out, buffer, offset, length, ready, slot);
                return;
            }
            unknownUnicast++;
        }
        flooded++;
        for (int p = 0; p < ports; p++)
        {
            if (p != port)
            {
                enqueue(port, p, buffer, offset, length, ready, slot);
            }
        }
    }

    private void enqueue(
        final int in, final int out, final DirectBuffer buffer, final int offset, final int length, final long ready,
        final long slot)
    {
        final int result = frames[out].offer(buffer, offset, length, ready);
        if (result == MacFrameQueue.OK)
        {
            copiesQueued++;
            busy[out >>> 6] |= 1L << out;
        }
        else if (result == MacFrameQueue.FULL)
        {
            dropsFull[out]++;
            dropListener.frameDropped(in, out, DROP_QUEUE_FULL, buffer, offset, length, slot);
        }
        else
        {
            dropsTooLong++;
            dropListener.frameDropped(in, out, DROP_TOO_LONG, buffer, offset, length, slot);
        }
    }

    /** The frame source of egress port {@code port}, for the port's transmit arbiter (below memory). */
    public SlotSource egress(final int port)
    {
        return egress[port];
    }

    /** The frame source behind {@link #egress(int)}, for its counters and queue. */
    public MacFrameSource frames(final int port)
    {
        return frames[port];
    }

    /** Whether port {@code port} has a frame in progress or queued (ready or not). */
    public boolean hasWork(final int port)
    {
        return (busy[port >>> 6] & (1L << port)) != 0;
    }

    /** Word {@code word} of the set of ports with frames (ports 64*word .. 64*word+63). */
    public long busyPorts(final int word)
    {
        return busy[word];
    }

    /** Whether no frame is queued or in progress on any port. */
    public boolean idle()
    {
        for (final long word : busy)
        {
            if (word != 0)
            {
                return false;
            }
        }
        return true;
    }

    public int ports()
    {
        return ports;
    }

    // ---- counters --------------------------------------------------------------------------------------------------

    /** Frames handed in. */
    public long framesIn()
    {
        return framesIn;
    }

    /** Frames sent to the one port their destination was learned on. */
    public long unicast()
    {
        return unicast;
    }

    /** Frames flooded (broadcast, multicast or unknown destination). */
    public long flooded()
    {
        return flooded;
    }

    /** Frames flooded because their unicast destination was unknown or had aged out. */
    public long unknownUnicast()
    {
        return unknownUnicast;
    }

    /** Frames whose destination was learned on their own ingress port: not sent back. */
    public long filtered()
    {
        return filtered;
    }

    /** Frames shorter than an Ethernet header: dropped. */
    public long runts()
    {
        return runts;
    }

    /** Frames with a group (multicast) source address: forwarded, source not learned. */
    public long badSource()
    {
        return badSource;
    }

    /** Frame copies queued on egress ports. */
    public long copiesQueued()
    {
        return copiesQueued;
    }

    /** Frame copies dropped at egress port {@code port} because its queue was full. */
    public long dropsFull(final int port)
    {
        return dropsFull[port];
    }

    /** Frame copies dropped at any port because the queue was full. */
    public long dropsFull()
    {
        long total = 0;
        for (final long count : dropsFull)
        {
            total += count;
        }
        return total;
    }

    /** Frame copies dropped for being longer than the maximum. */
    public long dropsTooLong()
    {
        return dropsTooLong;
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** The 48-bit MAC address at {@code offset}, first byte in bits 40-47. */
    public static long mac(final DirectBuffer buffer, final int offset)
    {
        return ((buffer.getInt(offset, ByteOrder.BIG_ENDIAN) & 0xFFFF_FFFFL) << 16) |
            (buffer.getShort(offset + 4, ByteOrder.BIG_ENDIAN) & 0xFFFFL);
    }

    /** Whether a MAC address is a group (multicast or broadcast) address: the I/G bit of its first byte. */
    public static boolean isGroup(final long mac)
    {
        return (mac & (1L << 40)) != 0;
    }

    /** One port's egress: the frame source, and the busy bit cleared when it runs dry. */
    private final class PortEgress implements SlotSource
    {
        private final int port;
        private final MacFrameSource source;

        PortEgress(final int port, final MacFrameSource source)
        {
            this.port = port;
            this.source = source;
        }

        @Override
        public boolean emit(final long slot, final BlockSink sink)
        {
            final boolean sent = source.emit(slot, sink);
            if (!source.hasWork())
            {
                busy[port >>> 6] &= ~(1L << port);
            }
            return sent;
        }
    }
}
