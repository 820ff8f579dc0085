package org.edm.bench.roce;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.memory.MemoryRegions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Two queue pairs, A and B, joined by two {@link TestWire}s and driven in virtual time: every step each side emits up
 * to {@code framesPerStep} frames, the wires deliver what is due, and both timers run. B serves {@link #RKEY} (a
 * region of {@link #REGION_SIZE} bytes) and A serves nothing.
 */
final class RoceLink
{
    static final int RKEY = 0x2A;
    static final int REGION_SIZE = 2 << 20;
    static final long STEP_NANOS = 1_000;

    record Completion(long requestId, int status, long submitNanos, long completeNanos)
    {
    }

    final RoceQpConfig configA;
    final RoceQpConfig configB;
    final MemoryRegions regionsB = new MemoryRegions(REGION_SIZE);
    final UnsafeBuffer memoryB = new UnsafeBuffer(new byte[REGION_SIZE]);
    final RoceQueuePair a;
    final RoceQueuePair b;
    final TestWire aToB;
    final TestWire bToA;
    final List<Completion> completions = new ArrayList<>();
    final Map<Long, Integer> completionCount = new HashMap<>();
    final int framesPerStep;
    private final CapturingSink sinkA;
    private final CapturingSink sinkB;
    long now = 1_000_000_000L;
    /** When true, every frame either side sends is kept in {@link #sent}, in sending order. */
    boolean record;
    final List<byte[]> sent = new ArrayList<>();

    RoceLink(final RoceQpConfig config, final long seed, final int framesPerStep)
    {
        this.configA = config.copy();
        this.configB = config.mirror();
        this.framesPerStep = framesPerStep;
        regionsB.register(RKEY, memoryB, REGION_SIZE);
        a = new RoceQueuePair(configA, null, this::completed);
        b = new RoceQueuePair(configB, regionsB, (id, status, s, c) ->
        {
            throw new AssertionError("B submitted nothing");
        });
        aToB = new TestWire(seed, 5_000);
        bToA = new TestWire(seed * 31 + 7, 5_000);
        sinkA = new CapturingSink(frame ->
        {
            keep(frame);
            aToB.send(frame, now);
        });
        sinkB = new CapturingSink(frame ->
        {
            keep(frame);
            bToA.send(frame, now);
        });
    }

    RoceLink(final long seed)
    {
        this(defaultConfig(), seed, 4);
    }

    static RoceQpConfig defaultConfig()
    {
        return new RoceQpConfig()
            .localMac(0x02_00_00_00_00_01L).remoteMac(0x02_00_00_00_00_02L)
            .localIp(0x0A_00_00_01).remoteIp(0x0A_00_00_02)
            .localQpn(0x11).remoteQpn(0x12)
            .initialPsn(0xFF_FFF0).remoteInitialPsn(0x123);
    }

    private void keep(final byte[] frame)
    {
        if (record)
        {
            sent.add(frame);
        }
    }

    private void completed(final long requestId, final int status, final long submitNanos, final long completeNanos)
    {
        completions.add(new Completion(requestId, status, submitNanos, completeNanos));
        completionCount.merge(requestId, 1, Integer::sum);
    }

    void step()
    {
        now += STEP_NANOS;
        for (int i = 0; i < framesPerStep; i++)
        {
            a.emit(now, sinkA);
            b.emit(now, sinkB);
        }
        aToB.deliver(now, frame -> b.accept(new UnsafeBuffer(frame), 0, frame.length, now));
        bToA.deliver(now, frame -> a.accept(new UnsafeBuffer(frame), 0, frame.length, now));
        a.tick(now);
        b.tick(now);
    }

    /** Steps until {@code done} or {@code maxNanos} of virtual time passed; returns whether done. */
    boolean runUntil(final BooleanSupplier done, final long maxNanos)
    {
        final long end = now + maxNanos;
        while (!done.getAsBoolean() && now < end)
        {
            step();
        }
        return done.getAsBoolean();
    }

    boolean runUntilCompleted(final int count, final long maxNanos)
    {
        return runUntil(() -> completions.size() >= count, maxNanos);
    }

    /** Lets every frame in flight arrive and every queue drain. */
    void settle()
    {
        runUntil(() -> aToB.isEmpty() && bToA.isEmpty() && !a.hasWork() && !b.hasWork(), 100_000_000L);
    }
}
