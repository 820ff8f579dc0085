package org.edm.host;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.CarrierLink;
import org.edm.agent.FrameEndpoint;
import org.edm.agent.SlotClock;
import org.edm.phy.host.CompletionListener;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.host.HostPort;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.pcs.BlockSink;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * The host agent: the phy-core host engine driven in real time over one fabric port. Its duty cycle takes requests
 * from the sessions' rings, feeds received blocks to the engine, advances the emulated slot clock emitting at most
 * one memory block per slot into carrier frames, and returns completions to the sessions. It serves regions as a
 * memory node when it has any. No allocation, exception, log or lock in {@link #doWork()} in steady state.
 * <pre>
 *   doWork:  sessions' request rings -> engine.submit*        (bounded per cycle)
 *            link.poll -> engine.accept(slot, block)           (carrier frames in)
 *            while slot < clock: engine.emit(slot) -> link.add (one block per slot at most: the line rate)
 *            engine.tick(slot)                                 (timeouts)
 *            link.flush                                        (carrier frames out)
 * </pre>
 */
public final class HostAgent implements Agent
{
    private static final int REQUESTS_PER_CYCLE = 256;
    private static final int FRAMES_PER_CYCLE = 32;
    private static final byte[] NO_BYTES = new byte[0];
    /** Ordinary frames queued for the link at most. */
    private static final int FRAME_QUEUE = 64;

    private final HostAgentSettings settings;
    private final HostEngine engine;
    private final HostPort port;
    private final FrameEndpoint frames;
    private final FrameEndpoint.Outlet outlet;
    private final CarrierLink link;
    private final SlotClock clock;
    private final String roleName;
    private final MessageHandler requestReader = this::onRequest;
    private final BlockSink received = this::onBlock;

    /**
     * Engine request slots: which session and session id a request belongs to, and the buffer it reads or writes. A
     * request longer than one message is sent as parts, each in its own slot; {@code parentOf} names the slot that
     * holds the session's request, which counts the parts left and keeps the first error.
     */
    private final UnsafeBuffer[] buffers;
    private final RemoteMemory[] sessionOf;
    private final long[] sessionRequestId;
    private final int[] parentOf;
    private final int[] partsLeft;
    private final int[] worstStatus;
    private final int maxPart;
    private final int maxRequestBytes;
    private final int[] freeSlots;
    private int freeCount;

    private volatile RemoteMemory[] sessions = new RemoteMemory[0];
    private RemoteMemory reading;
    private long slot;
    private long lastNow;
    private long lostCompletions;
    private long requestsSubmitted;
    private long slotsStepped;

    /**
     * @param regions the regions it serves as a memory node (may have none).
     * @param nodes   which node ids exist on the fabric.
     */
    public HostAgent(
        final HostAgentSettings settings,
        final CarrierLink link,
        final MemoryRegions regions,
        final IntPredicate nodes,
        final long epochNanos)
    {
        this(settings, link, regions, nodes, epochNanos, FrameEndpoint.NONE);
    }

    /**
     * @param frames where the host's ordinary frames come from and go to (a TAP device, a software RoCE transport), or
     *               {@link FrameEndpoint#NONE}.
     */
    public HostAgent(
        final HostAgentSettings settings,
        final CarrierLink link,
        final MemoryRegions regions,
        final IntPredicate nodes,
        final long epochNanos,
        final FrameEndpoint frames)
    {
        this.settings = settings;
        this.frames = frames;
        this.link = link;
        this.clock = new SlotClock(settings.lineRateGbps(), epochNanos);
        this.roleName = "edm-host-" + settings.nodeId();
        final long timeoutSlots = Math.max(1, (long)(settings.timeoutMicros() * 1000 / clock.slotNanos()));
        final HostConfig config = HostConfig.defaults(settings.nodeId(), settings.framing())
            .withOrder(settings.order())
            .withCapacity(settings.maxOutstanding(), 2 * settings.maxOutstanding() + 64)
            .withTimeout(timeoutSlots)
            .withKnownNodes(nodes);
        final CompletionListener completions = this::onComplete;
        engine = new HostEngine(config, regions.count() > 0 ? regions : null, completions);
        port = new HostPort(engine, FRAME_QUEUE, link.port().mtu(), this::onFrame);
        outlet = new FrameEndpoint.Outlet()
        {
            public int offer(final DirectBuffer buffer, final int offset, final int length)
            {
                return port.offerFrame(buffer, offset, length);
            }

            public int room()
            {
                return port.frameRoom();
            }
        };
        link.gapHandler(() ->
        {
            engine.linkReset();
            port.rx().abortFrame();
        });
        final int capacity = settings.maxOutstanding();
        buffers = new UnsafeBuffer[capacity];
        sessionOf = new RemoteMemory[capacity];
        sessionRequestId = new long[capacity];
        parentOf = new int[capacity];
        partsLeft = new int[capacity];
        worstStatus = new int[capacity];
        maxPart = settings.framing().maxLength();
        maxRequestBytes = settings.maxRequestBytes();
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            buffers[i] = new UnsafeBuffer(NO_BYTES);
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
        slot = clock.slotAt(epochNanos);
    }

    /**
     * A new session for an application thread (control plane: allocates its rings). Safe to call while the agent runs.
     *
     * @param capacity requests the session may have outstanding (a power of two).
     * @param waiter   what its blocking calls do while waiting (idle, or run this agent in INVOKER mode).
     */
    public synchronized RemoteMemory newSession(final int capacity, final RemoteMemory.Waiter waiter)
    {
        final RemoteMemory[] current = sessions;
        final RemoteMemory session = new RemoteMemory(current.length, capacity, waiter);
        final RemoteMemory[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = session;
        sessions = next;
        return session;
    }

    public String roleName()
    {
        return roleName;
    }

    public int doWork()
    {
        int work = 0;
        final long now = System.nanoTime();
        lastNow = now;
        final long target = clock.slotAt(now);
        if (target - slot > settings.maxSlotsPerCycle())
        {
            // the thread was away (descheduled, or the first cycle): time passed in which nothing could be sent
            slot = target - settings.maxSlotsPerCycle();
        }
        for (final RemoteMemory session : sessions)
        {
            reading = session;
            work += session.requestRing().read(requestReader, REQUESTS_PER_CYCLE);
        }
        work += link.poll(received, FRAMES_PER_CYCLE);
        work += frames.doWork(outlet, now);
        while (slot < target)
        {
            if (port.idle())
            {
                slot = target;
                break;
            }
            if (!link.ready(slot))
            {
                // the far end takes no frames now: send nothing more (the slots wait, bounded by maxSlotsPerCycle)
                break;
            }
            if (port.emit(slot) != HostPort.IDLE && link.add(slot, port.sync(), port.payload()))
            {
                work++;
            }
            slot++;
            slotsStepped++;
        }
        engine.tick(slot);
        work += link.flush(slot);
        return work;
    }

    public void onClose()
    {
        for (final RemoteMemory session : sessions)
        {
            session.close();
        }
        frames.close();
    }

    // ---- requests in, completions out ------------------------------------------------------------------------------

    private void onRequest(final int type, final MutableDirectBuffer buffer, final int at, final int length)
    {
        final RemoteMemory session = reading;
        final long id = buffer.getLong(at + RequestRecords.REQUEST_ID_OFFSET);
        final int bytes = buffer.getInt(at + RequestRecords.LENGTH_OFFSET);
        requestsSubmitted++;
        if (bytes <= 0 || bytes > maxRequestBytes)
        {
            deliver(session, id, CompletionStatus.BAD_LENGTH);
            return;
        }
        final int parts = (bytes + maxPart - 1) / maxPart;
        if (freeCount < parts)
        {
            deliver(session, id, CompletionStatus.BACK_PRESSURED);
            return;
        }
        final long base = buffer.getLong(at + RequestRecords.BUFFER_OFFSET);
        final int node = buffer.getInt(at + RequestRecords.NODE_OFFSET);
        final int key = buffer.getInt(at + RequestRecords.KEY_OFFSET);
        final long address = buffer.getLong(at + RequestRecords.ADDRESS_OFFSET);
        final int parent = freeSlots[freeCount - 1];
        sessionOf[parent] = session;
        sessionRequestId[parent] = id;
        partsLeft[parent] = parts;
        worstStatus[parent] = CompletionStatus.SUCCESS;
        for (int part = 0; part < parts; part++)
        {
            final int requestSlot = freeSlots[--freeCount];
            final int offset = part * maxPart;
            final int partBytes = Math.min(maxPart, bytes - offset);
            final UnsafeBuffer data = buffers[requestSlot];
            data.wrap(base + offset, partBytes);
            parentOf[requestSlot] = parent;
            final int tag = type == RequestRecords.READ ?
                engine.submitRead(requestSlot, node, key, address + offset, partBytes, data, 0, slot) :
                engine.submitWrite(requestSlot, node, key, address + offset, partBytes, data, 0, slot);
            if (tag < 0)
            {
                partDone(requestSlot, -tag);
            }
        }
    }

    private void onComplete(final long requestId, final int status, final long submitSlot, final long completeSlot)
    {
        partDone((int)requestId, status);
    }

    private void partDone(final int requestSlot, final int status)
    {
        final int parent = parentOf[requestSlot];
        if (status != CompletionStatus.SUCCESS && worstStatus[parent] == CompletionStatus.SUCCESS)
        {
            worstStatus[parent] = status;
        }
        final RemoteMemory session = sessionOf[parent];
        final long id = sessionRequestId[parent];
        final int left = --partsLeft[parent];
        if (requestSlot != parent)
        {
            release(requestSlot);
        }
        if (left == 0)
        {
            final int finalStatus = worstStatus[parent];
            release(parent);
            deliver(session, id, finalStatus);
        }
    }

    private void deliver(final RemoteMemory session, final long id, final int status)
    {
        if (!session.complete(id, status))
        {
            lostCompletions++;
        }
    }

    private void release(final int requestSlot)
    {
        buffers[requestSlot].wrap(NO_BYTES);
        sessionOf[requestSlot] = null;
        freeSlots[freeCount++] = requestSlot;
    }

    private void onBlock(final int sync, final long payload)
    {
        port.accept(slot, sync, payload);
    }

    private void onFrame(final DirectBuffer buffer, final int offset, final int length)
    {
        frames.onFrame(buffer, offset, length, lastNow);
    }

    // ---- observability ---------------------------------------------------------------------------------------------

    public HostEngine engine()
    {
        return engine;
    }

    /** The host's link composition: memory above frames on transmit, the demultiplexer on receive. */
    public HostPort port()
    {
        return port;
    }

    public CarrierLink link()
    {
        return link;
    }

    /** Where this host's ordinary frames come from and go to (a TAP device, a software RoCE transport, a test). */
    public FrameEndpoint frameEndpoint()
    {
        return frames;
    }

    public SlotClock clock()
    {
        return clock;
    }

    public long slot()
    {
        return slot;
    }

    public HostAgentSettings settings()
    {
        return settings;
    }

    /** Completions a session's ring had no room for (the session stopped polling). */
    public long lostCompletions()
    {
        return lostCompletions;
    }

    public long requestsSubmitted()
    {
        return requestsSubmitted;
    }

    /** Slots the duty cycle stepped one by one (the others were skipped while nothing waited to be sent). */
    public long slotsStepped()
    {
        return slotsStepped;
    }
}
