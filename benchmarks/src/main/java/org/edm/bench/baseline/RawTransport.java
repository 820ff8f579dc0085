package org.edm.bench.baseline;

import org.edm.bench.harness.BenchTransport;
import org.edm.phy.mem.CompletionStatus;

/**
 * The raw-frame floor as a {@link BenchTransport}: reads and writes carried as plain frames from the client's host
 * agent through the switch's L2 path to a {@link RawServerEndpoint} on the memory node and back (see
 * {@link RawClientEndpoint}). Nothing is stored: it is the cost of moving the bytes, the floor EDM is judged against.
 * {@link #poll} runs the duty (the agents, unless the caller runs them), hands out completions and, once a millisecond,
 * ends operations older than the timeout.
 */
public final class RawTransport implements BenchTransport
{
    private static final long EXPIRY_CHECK_NANOS = 1_000_000;

    private final RawClientEndpoint client;
    private final Runnable duty;
    private final long timeoutNanos;
    private final long regionBytes;
    private final int depth;
    private final long[] tokens;
    private final int[] freeSlots;
    private int freeCount;
    private long nextExpiryCheck;

    /**
     * @param client       the client endpoint installed on the host's agent.
     * @param depth        operations allowed in flight (at most {@link RawClientEndpoint#SLOTS}).
     * @param timeoutNanos an operation older than this completes with TIMEOUT.
     * @param regionBytes  the region size it pretends to address (addresses are not used).
     */
    public RawTransport(
        final RawClientEndpoint client, final Runnable duty, final int depth, final long timeoutNanos,
        final long regionBytes)
    {
        if (depth < 1 || depth > RawClientEndpoint.SLOTS)
        {
            throw new IllegalArgumentException("raw transport depth=" + depth + " outside [1, " +
                RawClientEndpoint.SLOTS + "]");
        }
        this.client = client;
        this.duty = duty;
        this.depth = depth;
        this.timeoutNanos = timeoutNanos;
        this.regionBytes = regionBytes;
        tokens = new long[depth];
        freeSlots = new int[depth];
        for (int i = 0; i < depth; i++)
        {
            freeSlots[i] = depth - 1 - i;
        }
        freeCount = depth;
    }

    public String name()
    {
        return "raw";
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
        if (length < 1 || (operation != READ && operation != WRITE))
        {
            return UNSUPPORTED;
        }
        if (freeCount == 0)
        {
            return BACK_PRESSURED;
        }
        final int slot = freeSlots[freeCount - 1];
        if (!client.start(slot, operation == READ, length, System.nanoTime()))
        {
            return BACK_PRESSURED;
        }
        freeCount--;
        tokens[slot] = token;
        return 0;
    }

    public int poll(final Completions completions)
    {
        duty.run();
        final long now = System.nanoTime();
        if (now - nextExpiryCheck >= 0)
        {
            client.expire(now - timeoutNanos);
            nextExpiryCheck = now + EXPIRY_CHECK_NANOS;
        }
        int delivered = 0;
        while (client.completedCount() > 0)
        {
            final int slot = client.completedSlot();
            final int status = client.completedStatus();
            client.takeCompleted();
            freeSlots[freeCount++] = slot;
            completions.onComplete(tokens[slot], status, now);
            delivered++;
        }
        return delivered;
    }

    public int outstanding()
    {
        return depth - freeCount;
    }

    public long wireBytes()
    {
        return client.wireBytes();
    }

    public String statusName(final int status)
    {
        return CompletionStatus.name(status);
    }

    public void close()
    {
    }
}
