package org.edm.sim;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.HostPort;
import org.edm.phy.link.MacFrameQueue;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.sw.L2Switch;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The network (type 100) flows of a rack: each is cut into ordinary Ethernet frames that its source host sends below
 * its memory traffic, that the switch forwards on its L2 path, and that finish the flow when the last of its bytes
 * arrives whole at the destination host.
 * <pre>
 *   frame: | dst MAC | src MAC | 0x88B6 | flow handle (4) | payload length (2) | zeros ... |
 *           6         6         2        \____________ payload: up to 1500 bytes ________/
 * </pre>
 * Hosts send their flows' frames in activation order (a FIFO per host), keeping the host's small frame queue topped
 * up as frames leave, like a socket buffer draining into a NIC. A frame the switch drops for lack of queue room is
 * queued again at its source at once (an idealised loss signal, as the reference's pFabric idealises its ACKs), so
 * every flow completes; drops are counted. A flow's first frame start is its "started" moment, the arrival of its last
 * byte its completion, both reported to the {@link RackListener} under the flow's request id.
 * <p>
 * Flow records are recycled through a free list and grow by doubling when more flows are live at once than ever
 * before; nothing else allocates.
 */
final class NetTraffic
{
    /** EtherType of the simulator's frames (IEEE 802 local experimental). */
    static final int ETHER_TYPE = 0x88B6;
    /** Largest payload of one frame: the standard MTU. */
    static final int MTU = 1500;
    private static final int HEADER = 14;
    private static final int TAG = 6;

    private final HostPort[] ports;
    private final long[] frameBusy;
    private final RackListener listener;
    private final UnsafeBuffer frame = new UnsafeBuffer(new byte[HEADER + MTU]);

    // flow records, by handle
    private long[] requestId = new long[16];
    private int[] src = new int[16];
    private int[] dst = new int[16];
    private long[] size = new long[16];
    private long[] toQueue = new long[16];
    private long[] delivered = new long[16];
    private long[] createdSlot = new long[16];
    private boolean[] started = new boolean[16];
    private boolean[] waiting = new boolean[16];
    private int[] free = new int[16];
    private int freeCount;
    private int handles;
    private int live;

    /** Per host: FIFO of flows with bytes still to queue. */
    private final int[][] pending;
    private final int[] pendingHead;
    private final int[] pendingTail;
    private final long[] pendingBusy;
    /** Per host: the flow of every frame queued and not yet started, in queue order. */
    private final int[][] queued;
    private final int[] queuedHead;
    private final int[] queuedTail;

    private long framesQueued;
    private long framesDelivered;
    private long framesDropped;
    private long strayFrames;

    /**
     * @param ports     the hosts' ports.
     * @param frameBusy the rack's set of hosts with frames to send; marked here when a frame is queued.
     */
    NetTraffic(final HostPort[] ports, final long[] frameBusy, final RackListener listener)
    {
        this.ports = ports;
        this.frameBusy = frameBusy;
        this.listener = listener;
        final int hosts = ports.length;
        pending = new int[hosts][4];
        pendingHead = new int[hosts];
        pendingTail = new int[hosts];
        pendingBusy = new long[(hosts + 63) >>> 6];
        queued = new int[hosts][];
        queuedHead = new int[hosts];
        queuedTail = new int[hosts];
        for (int h = 0; h < hosts; h++)
        {
            queued[h] = new int[Integer.highestOneBit(ports[h].frameRoom() * 2 - 1)];
        }
        frame.putShort(12, (short)ETHER_TYPE, ByteOrder.BIG_ENDIAN);
    }

    /** The MAC address of host {@code host}: locally administered, 02:ed:00:00:hh:hh. */
    static long macOf(final int host)
    {
        return 0x02ED_0000_0000L | (host & 0xFFFF);
    }

    /** A network flow of {@code bytes} bytes from {@code from} to {@code to}, created in {@code slot}. */
    void submit(final long id, final int from, final int to, final long bytes, final long slot)
    {
        final int flow = allocate();
        requestId[flow] = id;
        src[flow] = from;
        dst[flow] = to;
        size[flow] = bytes;
        toQueue[flow] = bytes;
        delivered[flow] = 0;
        createdSlot[flow] = slot;
        started[flow] = false;
        waiting[flow] = false;
        live++;
        makePending(flow);
    }

    /** Tops up the frame queues of hosts with flows waiting; call before the hosts send in {@code slot}. */
    void refill(final long slot)
    {
        for (int w = 0; w < pendingBusy.length; w++)
        {
            long bits = pendingBusy[w];
            while (bits != 0)
            {
                final int h = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                refillHost(h);
            }
        }
    }

    private void refillHost(final int h)
    {
        final HostPort port = ports[h];
        while (pendingHead[h] != pendingTail[h] && port.frameRoom() > 0)
        {
            final int flow = pending[h][pendingHead[h] & (pending[h].length - 1)];
            final int payload = (int)Math.min(MTU, toQueue[flow]);
            putMac(0, macOf(dst[flow]));
            putMac(6, macOf(h));
            frame.putInt(HEADER, flow, ByteOrder.BIG_ENDIAN);
            frame.putShort(HEADER + 4, (short)payload, ByteOrder.BIG_ENDIAN);
            if (port.offerFrame(frame, 0, HEADER + Math.max(TAG, payload)) != MacFrameQueue.OK)
            {
                break;
            }
            framesQueued++;
            final int[] ring = queued[h];
            ring[queuedTail[h]++ & (ring.length - 1)] = flow;
            frameBusy[h >>> 6] |= 1L << h;
            toQueue[flow] -= payload;
            if (toQueue[flow] == 0)
            {
                waiting[flow] = false;
                pendingHead[h]++;
            }
        }
        if (pendingHead[h] == pendingTail[h])
        {
            pendingBusy[h >>> 6] &= ~(1L << h);
        }
    }

    /** Host {@code host} sent the start block of its oldest queued frame in {@code slot}. */
    void frameStarted(final int host, final long slot)
    {
        if (queuedHead[host] == queuedTail[host])
        {
            strayFrames++;
            return;
        }
        final int flow = queued[host][queuedHead[host]++ & (queued[host].length - 1)];
        if (!started[flow])
        {
            started[flow] = true;
            listener.started(requestId[flow], slot);
        }
    }

    /** A whole frame reached host {@code host} in {@code slot}. */
    void frameReceived(final int host, final DirectBuffer buffer, final int offset, final int length, final long slot)
    {
        if (length < HEADER + TAG || (buffer.getShort(offset + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF) != ETHER_TYPE ||
            L2Switch.mac(buffer, offset) != macOf(host))
        {
            strayFrames++;
            return;
        }
        final int flow = buffer.getInt(offset + HEADER, ByteOrder.BIG_ENDIAN);
        if (flow < 0 || flow >= handles || dst[flow] != host || delivered[flow] >= size[flow])
        {
            strayFrames++;
            return;
        }
        framesDelivered++;
        delivered[flow] += buffer.getShort(offset + HEADER + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (delivered[flow] >= size[flow])
        {
            live--;
            free[freeCount++] = flow;
            listener.completed(requestId[flow], CompletionStatus.SUCCESS, createdSlot[flow], slot);
        }
    }

    /** The switch dropped a frame: its source sends its bytes again. */
    void frameDropped(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < HEADER + TAG)
        {
            strayFrames++;
            return;
        }
        final int flow = buffer.getInt(offset + HEADER, ByteOrder.BIG_ENDIAN);
        if (flow < 0 || flow >= handles)
        {
            strayFrames++;
            return;
        }
        framesDropped++;
        toQueue[flow] += buffer.getShort(offset + HEADER + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        makePending(flow);
    }

    /** Whether no network flow is live. */
    boolean idle()
    {
        return live == 0;
    }

    /** Network flows submitted and not yet complete. */
    int live()
    {
        return live;
    }

    long framesQueued()
    {
        return framesQueued;
    }

    long framesDelivered()
    {
        return framesDelivered;
    }

    long framesDropped()
    {
        return framesDropped;
    }

    /** Frames that were not the simulator's, not for the host that got them, or of no live flow (should be 0). */
    long strayFrames()
    {
        return strayFrames;
    }

    private void makePending(final int flow)
    {
        if (waiting[flow])
        {
            return;
        }
        waiting[flow] = true;
        final int h = src[flow];
        int[] fifo = pending[h];
        if (pendingTail[h] - pendingHead[h] == fifo.length)
        {
            final int[] bigger = new int[fifo.length * 2];
            for (int i = 0; i < fifo.length; i++)
            {
                bigger[i] = fifo[(pendingHead[h] + i) & (fifo.length - 1)];
            }
            pendingTail[h] -= pendingHead[h];
            pendingHead[h] = 0;
            pending[h] = bigger;
            fifo = bigger;
        }
        fifo[pendingTail[h]++ & (fifo.length - 1)] = flow;
        pendingBusy[h >>> 6] |= 1L << h;
    }

    private int allocate()
    {
        if (freeCount > 0)
        {
            return free[--freeCount];
        }
        if (handles == requestId.length)
        {
            final int n = handles * 2;
            requestId = Arrays.copyOf(requestId, n);
            src = Arrays.copyOf(src, n);
            dst = Arrays.copyOf(dst, n);
            size = Arrays.copyOf(size, n);
            toQueue = Arrays.copyOf(toQueue, n);
            delivered = Arrays.copyOf(delivered, n);
            createdSlot = Arrays.copyOf(createdSlot, n);
            started = Arrays.copyOf(started, n);
            waiting = Arrays.copyOf(waiting, n);
            free = Arrays.copyOf(free, n);
        }
        return handles++;
    }

    private void putMac(final int offset, final long mac)
    {
        frame.putInt(offset, (int)(mac >>> 16), ByteOrder.BIG_ENDIAN);
        frame.putShort(offset + 4, (short)mac, ByteOrder.BIG_ENDIAN);
    }
}
