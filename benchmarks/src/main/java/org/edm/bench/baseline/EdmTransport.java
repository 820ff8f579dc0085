package org.edm.bench.baseline;

import org.edm.bench.harness.BenchTransport;
import org.edm.host.CompletionHandler;
import org.edm.host.HostAgent;
import org.edm.host.RemoteMemory;
import org.edm.phy.mem.CompletionStatus;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The EDM client: a {@link RemoteMemory} session of a host agent, reading into and writing from native buffers of
 * this transport. Each operation holds a slot with its own completion callback (preallocated), so completions map
 * back to tokens without a search. Buffers: one per slot while the slots times the largest message fit in 64 MiB,
 * otherwise slots share buffers round robin, as perftest's posts share one buffer (a benchmark moves bytes; only the
 * depth-1 checks read them back).
 * <p>
 * The host agent splits a message longer than one EDM message (64 KiB - 1) into parts, each holding one of its
 * message slots; {@link #submit} answers {@link #BACK_PRESSURED} rather than let the parts in flight exceed the
 * agent's slots, so a deep queue of 8 MiB messages runs at the depth the agent can hold.
 */
public final class EdmTransport implements BenchTransport
{
    private static final long BUFFER_BUDGET = 64L << 20;
    private static final int POLL_LIMIT = 256;

    private final String name;
    private final RemoteMemory session;
    private final int node;
    private final int key;
    private final long regionBytes;
    private final int depth;
    private final int maxBytes;
    private final int maxPart;
    private final int agentSlots;
    private final Runnable duty;
    private final HostAgent agent;
    private final Arena arena;
    private final MemorySegment[] buffers;
    private final MemorySegment[] views;
    private final CompletionHandler[] handlers;
    private final long[] tokens;
    private final int[] partsOf;
    private final int[] freeSlots;
    private int freeCount;
    private int partsInFlight;
    private int nextBuffer;
    private final int[] bufferOf;
    private Completions completions;
    private long pollNanos;

    /**
     * @param agent    the host agent the session belongs to (for its slot count and wire counters).
     * @param depth    operations allowed in flight.
     * @param maxBytes the largest operation.
     * @param duty     run at the start of every poll (the agents, or nothing when the caller runs them).
     */
    public EdmTransport(
        final String name,
        final HostAgent agent,
        final int node,
        final int key,
        final long regionBytes,
        final int depth,
        final int maxBytes,
        final Runnable duty)
    {
        this.name = name;
        this.agent = agent;
        this.node = node;
        this.key = key;
        this.regionBytes = regionBytes;
        this.depth = depth;
        this.maxBytes = maxBytes;
        this.duty = duty;
        this.maxPart = agent.settings().framing().maxLength();
        this.agentSlots = agent.settings().maxOutstanding();
        final int capacity = Integer.highestOneBit(Math.max(1, depth - 1)) << (depth == 1 ? 0 : 1);
        this.session = agent.newSession(capacity, duty::run);
        this.arena = Arena.ofShared();
        final int bufferCount = (int)Math.max(1, Math.min(depth, BUFFER_BUDGET / maxBytes));
        buffers = new MemorySegment[bufferCount];
        views = new MemorySegment[bufferCount];
        for (int i = 0; i < bufferCount; i++)
        {
            buffers[i] = arena.allocate(maxBytes, 64);
            fillPattern(buffers[i], i);
            views[i] = buffers[i];
        }
        handlers = new CompletionHandler[depth];
        tokens = new long[depth];
        partsOf = new int[depth];
        bufferOf = new int[depth];
        freeSlots = new int[depth];
        for (int slot = 0; slot < depth; slot++)
        {
            final int s = slot;
            handlers[slot] = (requestId, status) -> onComplete(s, status);
            freeSlots[slot] = depth - 1 - slot;
        }
        freeCount = depth;
    }

    /** The byte a transport's buffer {@code index} holds at {@code offset} before any read: what writes carry. */
    public static byte patternByte(final int index, final long offset)
    {
        return (byte)(offset * 31 + index * 7 + 1);
    }

    public String name()
    {
        return name;
    }

    public int maxOutstanding()
    {
        return depth;
    }

    public long regionBytes()
    {
        return regionBytes;
    }

    public int submit(final int operation, final long address, final int length, final long token)
    {
        if (length < 1 || length > maxBytes || (operation != READ && operation != WRITE))
        {
            return UNSUPPORTED;
        }
        final int parts = (length + maxPart - 1) / maxPart;
        if (freeCount == 0 || (partsInFlight > 0 && partsInFlight + parts > agentSlots))
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[freeCount - 1];
        final int buffer = nextBuffer;
        final MemorySegment view = view(buffer, length);
        final long id = operation == READ ? session.read(node, key, address, view, handlers[slot]) :
            session.write(node, key, address, view, handlers[slot]);
        if (id < 0)
        {
            return id == -CompletionStatus.BACK_PRESSURED ? BACK_PRESSURED : UNSUPPORTED;
        }
        freeCount--;
        nextBuffer = buffer + 1 == buffers.length ? 0 : buffer + 1;
        tokens[slot] = token;
        partsOf[slot] = parts;
        bufferOf[slot] = buffer;
        partsInFlight += parts;
        return 0;
    }

    public int poll(final Completions completions)
    {
        duty.run();
        this.completions = completions;
        pollNanos = System.nanoTime();
        return session.poll(null, POLL_LIMIT);
    }

    public int outstanding()
    {
        return depth - freeCount;
    }

    /** 8 bytes per block the client's link carried, both directions (frames sharing the link included). */
    public long wireBytes()
    {
        return 8 * (agent.link().packer().blocksPacked() + agent.link().receiver().blocksDelivered());
    }

    public String statusName(final int status)
    {
        return CompletionStatus.name(status);
    }

    /** The buffer operations use in turn, {@code index} from 0 (for checks: what a depth-1 read brought back). */
    public MemorySegment buffer(final int index)
    {
        return buffers[index];
    }

    /** Buffers the transport cycles through. */
    public int bufferCount()
    {
        return buffers.length;
    }

    /** Closes the session; frees the buffers unless operations are still in flight (the agent may still fill them). */
    public void close()
    {
        session.close();
        if (outstanding() == 0)
        {
            arena.close();
        }
    }

    private void onComplete(final int slot, final int status)
    {
        partsInFlight -= partsOf[slot];
        freeSlots[freeCount++] = slot;
        completions.onComplete(tokens[slot], status, pollNanos);
    }

    /** The first {@code length} bytes of buffer {@code index}; a new view only when the length changes. */
    private MemorySegment view(final int index, final int length)
    {
        MemorySegment view = views[index];
        if (view.byteSize() != length)
        {
            view = buffers[index].asSlice(0, length);
            views[index] = view;
        }
        return view;
    }

    private static void fillPattern(final MemorySegment buffer, final int index)
    {
        for (long i = 0; i < buffer.byteSize(); i++)
        {
            buffer.set(ValueLayout.JAVA_BYTE, i, patternByte(index, i));
        }
    }
}
