package org.edm.bench.wire;

import org.edm.bench.harness.BenchTransport;
import org.edm.host.CompletionHandler;
import org.edm.host.RemoteMemory;
import org.edm.phy.mem.CompletionStatus;
import org.edm.switchagent.LocalFabric;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.function.IntSupplier;

/**
 * EDM as a {@link BenchTransport}, as small as the wire-ratio measurement needs: one {@link RemoteMemory} session of
 * the client host's agent, reading and writing the server's region, each outstanding operation in its own slice of one
 * native buffer. The bench's own EDM transport can take its place ({@link WireRatioMeasurement} takes any).
 * Slices are cached per slot and length, so a run of one size allocates nothing after its first round.
 */
final class EdmSessionTransport implements BenchTransport
{
    private static final int POLL_LIMIT = 256;

    private final RemoteMemory session;
    private final int node;
    private final int key;
    private final long regionBytes;
    private final int maxMessageBytes;
    private final IntSupplier dutyCycle;
    private final LinkWireCounter wire;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment[] slices;
    private final long[] tokens;
    private final int[] slotOfSession;
    private final int[] freeSlots;
    private final int mask;
    private final CompletionHandler onCompletion = this::onCompletion;
    private int freeCount;
    private Completions completions;
    private long pollNanos;

    /**
     * @param capacity  operations outstanding at most (a power of two).
     * @param dutyCycle runs the fabric's agents once (INVOKER style), or null when they run on their own threads.
     */
    EdmSessionTransport(final LocalFabric fabric, final String client, final String server, final int capacity,
        final int maxMessageBytes, final IntSupplier dutyCycle)
    {
        this.dutyCycle = dutyCycle;
        this.session = fabric.host(client).newSession(capacity, dutyCycle == null ? Thread::onSpinWait :
            dutyCycle::getAsInt);
        this.node = fabric.rack().host(server).nodeId();
        this.key = fabric.settings().regionKey();
        this.regionBytes = fabric.settings().regionBytes();
        this.maxMessageBytes = maxMessageBytes;
        this.wire = LinkWireCounter.of(fabric, client);
        buffer = arena.allocate((long)capacity * maxMessageBytes, 64);
        slices = new MemorySegment[capacity];
        tokens = new long[capacity];
        slotOfSession = new int[capacity];
        freeSlots = new int[capacity];
        mask = capacity - 1;
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    public String name()
    {
        return "edm";
    }

    public int maxOutstanding()
    {
        return tokens.length;
    }

    public long regionBytes()
    {
        return regionBytes;
    }

    public int submit(final int operation, final long address, final int length, final long token)
    {
        if ((operation != READ && operation != WRITE) || length < 1 || length > maxMessageBytes || address < 0 ||
            address > regionBytes - length)
        {
            return UNSUPPORTED;
        }
        if (freeCount == 0)
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[freeCount - 1];
        MemorySegment slice = slices[slot];
        if (slice == null || slice.byteSize() != length)
        {
            slice = buffer.asSlice((long)slot * maxMessageBytes, length);
            slices[slot] = slice;
        }
        final long id = operation == READ ? session.read(node, key, address, slice) :
            session.write(node, key, address, slice);
        if (id < 0)
        {
            return id == -CompletionStatus.BACK_PRESSURED ? BACK_PRESSURED : UNSUPPORTED;
        }
        freeCount--;
        tokens[slot] = token;
        slotOfSession[(int)id & mask] = slot;
        return 0;
    }

    public int poll(final Completions handler)
    {
        int work = dutyCycle == null ? 0 : dutyCycle.getAsInt();
        completions = handler;
        pollNanos = System.nanoTime();
        work += session.poll(onCompletion, POLL_LIMIT);
        return work;
    }

    private void onCompletion(final long requestId, final int status)
    {
        final int slot = slotOfSession[(int)requestId & mask];
        freeSlots[freeCount++] = slot;
        completions.onComplete(tokens[slot], status, pollNanos);
    }

    public int outstanding()
    {
        return tokens.length - freeCount;
    }

    public long wireBytes()
    {
        return wire.getAsLong();
    }

    public String statusName(final int status)
    {
        return CompletionStatus.name(status);
    }

    public void close()
    {
        final long deadline = System.nanoTime() + 2_000_000_000L;
        final Completions ignore = (token, status, nowNanos) -> { };
        while (outstanding() > 0 && System.nanoTime() < deadline)
        {
            poll(ignore);
        }
        session.close();
        if (outstanding() == 0)
        {
            arena.close();
        }
    }
}
