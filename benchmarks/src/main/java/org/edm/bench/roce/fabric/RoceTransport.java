package org.edm.bench.roce.fabric;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.harness.BenchTransport;

import java.nio.ByteBuffer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * The software RoCE baseline as {@code edm bench} drives it: READ is an RDMA READ, WRITE an RDMA WRITE of the
 * server's region, through one {@link RoceClient}. A READ completes when its last response packet arrives, a WRITE
 * when the ACK covering it does. Each outstanding operation owns a slice of one off-heap buffer (reads land there,
 * writes are sent from it). {@link #wireBytes()} is the client host's link, both directions, as the emulated PHY
 * counts it.
 * <p>
 * When the fabric's agents run on the bench's thread (INVOKER), {@link #poll} runs their duty cycles first. No
 * allocation, locks or exceptions in {@link #submit} and {@link #poll}.
 */
public final class RoceTransport implements BenchTransport
{
    private static final int POLL_LIMIT = 256;
    private static final long CLOSE_DRAIN_NANOS = 2_000_000_000L;

    private final RoceClient client;
    private final long regionBytes;
    private final int maxMessageBytes;
    private final IntSupplier dutyCycle;
    private final LongSupplier wire;
    private final Runnable release;
    private final UnsafeBuffer buffers;
    private final long[] tokens;
    private final int[] freeSlots;
    private final RoceClient.Completions onCompletion = this::onCompletion;
    private int freeCount;
    private Completions completions;
    private long pollNanos;
    private boolean closed;

    /**
     * @param dutyCycle runs the fabric's agents once (INVOKER style), or null when they run on their own threads.
     * @param wire      the client link's wire bytes so far.
     * @param release   what closing gives back (the connection's queue pairs).
     */
    RoceTransport(
        final RoceClient client,
        final long regionBytes,
        final int maxMessageBytes,
        final IntSupplier dutyCycle,
        final LongSupplier wire,
        final Runnable release)
    {
        this.client = client;
        this.regionBytes = regionBytes;
        this.maxMessageBytes = maxMessageBytes;
        this.dutyCycle = dutyCycle;
        this.wire = wire;
        this.release = release;
        final int capacity = client.capacity();
        buffers = new UnsafeBuffer(ByteBuffer.allocateDirect(capacity * maxMessageBytes));
        tokens = new long[capacity];
        freeSlots = new int[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeSlots[i] = capacity - 1 - i;
        }
        freeCount = capacity;
    }

    @Override
    public String name()
    {
        return RoceBaseline.NAME;
    }

    @Override
    public int maxOutstanding()
    {
        return tokens.length;
    }

    @Override
    public long regionBytes()
    {
        return regionBytes;
    }

    /** The longest READ or WRITE this transport carries. */
    public int maxMessageBytes()
    {
        return maxMessageBytes;
    }

    @Override
    public int submit(final int operation, final long address, final int length, final long token)
    {
        if ((operation != READ && operation != WRITE) || length < 1 || length > maxMessageBytes || address < 0 ||
            address > regionBytes - length || closed)
        {
            return UNSUPPORTED;
        }
        if (freeCount == 0)
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[freeCount - 1];
        final int offset = slot * maxMessageBytes;
        final int result = operation == READ ?
            client.read(address, length, buffers, offset, slot) :
            client.write(address, length, buffers, offset, slot);
        if (result != 0)
        {
            return BACK_PRESSURED;
        }
        freeCount--;
        tokens[slot] = token;
        return 0;
    }

    @Override
    public int poll(final Completions handler)
    {
        int work = dutyCycle == null ? 0 : dutyCycle.getAsInt();
        completions = handler;
        pollNanos = System.nanoTime();
        work += client.poll(onCompletion, POLL_LIMIT);
        return work;
    }

    private void onCompletion(final long slot, final int status)
    {
        final int index = (int)slot;
        freeSlots[freeCount++] = index;
        completions.onComplete(tokens[index], status, pollNanos);
    }

    @Override
    public int outstanding()
    {
        return tokens.length - freeCount;
    }

    @Override
    public long wireBytes()
    {
        return wire.getAsLong();
    }

    @Override
    public String statusName(final int status)
    {
        return RoceClient.statusName(status);
    }

    /** The client under this transport (its counters). */
    public RoceClient client()
    {
        return client;
    }

    /**
     * Waits (at most 2 s, running the duty cycle when it has one) for outstanding operations to complete, then gives the
     * connection's queue pairs back.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        final long deadline = System.nanoTime() + CLOSE_DRAIN_NANOS;
        final Completions ignore = (token, status, nowNanos) -> { };
        while (outstanding() > 0 && System.nanoTime() < deadline)
        {
            if (poll(ignore) == 0 && dutyCycle == null)
            {
                Thread.onSpinWait();
            }
        }
        release.run();
    }
}
