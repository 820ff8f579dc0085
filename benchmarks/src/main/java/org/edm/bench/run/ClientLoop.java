package org.edm.bench.run;

import org.edm.bench.harness.BenchTransport;

import java.util.SplittableRandom;

/**
 * Drives one client transport: keeps operations in flight, closed loop (a new one as soon as one completes, up to the
 * depth) or open loop (one per interval of the offered rate, on schedule), and records each completion's latency in
 * its class. Steady state allocates, throws and locks nothing.
 * <p>
 * Open loop records from the <em>intended</em> send time: operation k is due at {@code start + offset + k / rate},
 * where the offset staggers the clients of a run evenly over one interval ({@link #stagger}: N clients at the same rate
 * would otherwise send in synchronised bursts of N, an incast of their own making); when the
 * transport is full or back-pressured the operation waits, and that wait is part of its latency. So a stall makes every
 * operation queued behind it slow, as a user would see it (coordinated omission is not hidden). Closed loop records
 * from the actual submission.
 * <pre>
 *   start(now, ops, record)  a phase of ops operations (Long.MAX_VALUE: until stopSubmitting)
 *   submitDue(now)           closed: fill to depth; open: every operation due by now, as depth allows
 *   poll()                   the transport's completions -> onComplete -> class recorder
 *   phaseDone()              all of the phase's operations submitted and completed
 * </pre>
 */
final class ClientLoop implements BenchTransport.Completions
{
    private final BenchTransport transport;
    private final String host;
    private final ClassRecorder[] classOf = new ClassRecorder[2];
    private final SplittableRandom random;
    private final long[] startNanos;
    private final int[] operationOf;
    private final boolean[] recordOf;
    private final int[] freeSlots;
    private int freeCount;

    private int size;
    private int depth;
    private int operation;
    private double readRatio = LoadSpec.PURE;
    private long base;
    private long slotsInSpan;
    private double intervalNanos;
    private boolean recordByCompletionTime;

    private long phaseStart;
    private long phaseOffsetNanos;
    private long target;
    private long submitted;
    private long completed;
    private long addressIndex;
    private boolean recordPhase;
    private boolean stopped;
    private long lastCompletion;
    private long refused;
    private boolean unsupported;

    /**
     * @param maxDepth the most operations it will ever keep in flight.
     * @param seed     seeds the read/write mix.
     */
    ClientLoop(final BenchTransport transport, final String host, final int maxDepth, final long seed)
    {
        this.transport = transport;
        this.host = host;
        random = new SplittableRandom(seed);
        startNanos = new long[maxDepth];
        operationOf = new int[maxDepth];
        recordOf = new boolean[maxDepth];
        freeSlots = new int[maxDepth];
        for (int i = 0; i < maxDepth; i++)
        {
            freeSlots[i] = maxDepth - 1 - i;
        }
        freeCount = maxDepth;
    }

    /**
     * Sets what the following phases do (between phases only).
     *
     * @param readClass  where reads are recorded.
     * @param writeClass where writes are recorded.
     * @param readRatio  share of reads, or {@link LoadSpec#PURE} for {@code operation} only.
     * @param base       first address of this client's partition.
     * @param span       bytes of the partition; operations cycle through it.
     * @param rate       operations per second offered (open loop), or 0 for the closed loop.
     * @param byCompletionTime record completions while the recorder is recording (background traffic), instead of
     *                   the operations submitted in a recorded phase (measured traffic).
     */
    void configure(
        final int messageSize,
        final int inFlight,
        final int testOperation,
        final ClassRecorder readClass,
        final ClassRecorder writeClass,
        final double readRatio,
        final long base,
        final long span,
        final double rate,
        final boolean byCompletionTime)
    {
        if (inFlight > startNanos.length)
        {
            throw new IllegalArgumentException("depth " + inFlight + " > " + startNanos.length);
        }
        this.size = messageSize;
        this.depth = inFlight;
        this.operation = testOperation;
        this.classOf[BenchTransport.READ] = readClass;
        this.classOf[BenchTransport.WRITE] = writeClass;
        this.readRatio = readRatio;
        this.base = base;
        this.slotsInSpan = Math.max(1, span / messageSize);
        this.intervalNanos = rate > 0 ? 1e9 / rate : 0;
        this.recordByCompletionTime = byCompletionTime;
    }

    /**
     * Open loop: this is client {@code index} of {@code count} at the same rate; its schedule starts {@code index /
     * count} of an interval after the first client's. Call after {@link #configure}.
     */
    void stagger(final int index, final int count)
    {
        phaseOffsetNanos = intervalNanos > 0 && count > 0 ? (long)(intervalNanos * index / count) : 0;
    }

    /** Starts a phase of {@code operations} operations (Long.MAX_VALUE: until {@link #stopSubmitting}). */
    void start(final long nowNanos, final long operations, final boolean record)
    {
        phaseStart = nowNanos + phaseOffsetNanos;
        target = operations;
        submitted = 0;
        completed = 0;
        recordPhase = record;
        stopped = false;
    }

    /** Submits nothing more in this phase. */
    void stopSubmitting()
    {
        stopped = true;
    }

    /** Submits what is due; returns operations submitted. */
    int submitDue(final long nowNanos)
    {
        int work = 0;
        while (!stopped && submitted < target && freeCount > 0 && transport.outstanding() < depth &&
            inFlight() < depth)
        {
            final long intended;
            if (intervalNanos > 0)
            {
                intended = phaseStart + (long)(submitted * intervalNanos);
                if (intended - nowNanos > 0)
                {
                    break;
                }
            }
            else
            {
                intended = nowNanos;
            }
            final int op = nextOperation();
            final int slot = freeSlots[freeCount - 1];
            final long address = base + (addressIndex % slotsInSpan) * size;
            final int result = transport.submit(op, address, size, slot);
            if (result != 0)
            {
                if (result == BenchTransport.UNSUPPORTED)
                {
                    unsupported = true;
                }
                refused++;
                break;
            }
            freeCount--;
            addressIndex++;
            startNanos[slot] = intended;
            operationOf[slot] = op;
            recordOf[slot] = recordPhase;
            submitted++;
            work++;
        }
        return work;
    }

    /** Collects the transport's completions (running its duty, if it has one). */
    int poll()
    {
        return transport.poll(this);
    }

    public void onComplete(final long token, final int status, final long nowNanos)
    {
        final int slot = (int)token;
        final ClassRecorder recorder = classOf[operationOf[slot]];
        final boolean record = recordByCompletionTime ? recorder.recording() : recordOf[slot];
        if (record)
        {
            recorder.record(nowNanos - startNanos[slot], size, status == 0, nowNanos);
        }
        freeSlots[freeCount++] = slot;
        completed++;
        lastCompletion = nowNanos;
    }

    /** Operations this loop has in flight. */
    int inFlight()
    {
        return startNanos.length - freeCount;
    }

    /** True when every operation of the phase was submitted and has completed. */
    boolean phaseDone()
    {
        return (submitted >= target || stopped) && inFlight() == 0;
    }

    /** Operations of the phase completed so far. */
    long completed()
    {
        return completed;
    }

    long submitted()
    {
        return submitted;
    }

    /** When the last completion was seen. */
    long lastCompletion()
    {
        return lastCompletion;
    }

    /** Submissions the transport refused (back-pressure). */
    long refused()
    {
        return refused;
    }

    /** True when the transport refused an operation as one it cannot carry (the run cannot go on). */
    boolean refusedAsUnsupported()
    {
        return unsupported;
    }

    BenchTransport transport()
    {
        return transport;
    }

    String host()
    {
        return host;
    }

    private int nextOperation()
    {
        if (readRatio == LoadSpec.PURE)
        {
            return operation;
        }
        return random.nextDouble() < readRatio ? BenchTransport.READ : BenchTransport.WRITE;
    }
}
