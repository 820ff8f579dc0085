package org.edm.bench.run;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.BenchTransport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loops on a scripted clock: closed loops complete exactly their phase's operations and record only the measured
 * ones; the open loop records from the intended send time, so a stall shows in every operation queued behind it
 * (coordinated omission), where the closed loop shows it once.
 */
class ClientLoopTest
{
    private static final long MICRO = 1_000;
    private static final long MILLI = 1_000_000;
    private static final long STEP = 10 * MICRO;

    private final ClassRecorder reads = new ClassRecorder("read");
    private final ClassRecorder writes = new ClassRecorder("write");

    @Test
    void shouldRunExactlyTheWarmupThenTheMeasuredIterationsAndRecordOnlyThose()
    {
        final ScriptedTransport transport = new ScriptedTransport(4, k -> 20 * MICRO);
        final ClientLoop loop = new ClientLoop(transport, "c0", 4, 1);
        loop.configure(64, 4, BenchTransport.READ, reads, writes, LoadSpec.PURE, 0, 1 << 20, 0, false);
        reads.reset(8);

        loop.start(transport.now, 7, false);
        runUntilDone(transport, loop);
        assertThat(transport.submissions).isEqualTo(7);
        assertThat(reads.operations()).isZero();

        loop.start(transport.now, 25, true);
        runUntilDone(transport, loop);
        for (int i = 0; i < 10; i++)
        {
            transport.now += STEP;
            loop.submitDue(transport.now);
            loop.poll();
        }

        assertThat(transport.submissions).isEqualTo(32);
        assertThat(loop.completed()).isEqualTo(25);
        final Histogram histogram = reads.result(1).latencyNanos();
        assertThat(histogram.getTotalCount()).isEqualTo(25);
        assertThat(reads.operations()).isEqualTo(25);
        assertThat(histogram.getMinValue()).isGreaterThanOrEqualTo(20 * MICRO);
    }

    @Test
    void shouldRecordFromTheIntendedSendTimeInOpenLoop()
    {
        final Histogram open = stalledRun(1000);

        assertThat(open.getTotalCount()).isEqualTo(100);
        final long slow = open.getTotalCount() - open.getCountBetweenValues(0, MILLI);
        // operation 5 stalls 50 ms; operations 6..~55 were due during the stall and waited behind it
        assertThat(slow).isBetween(48L, 60L);
        assertThat(open.getMaxValue()).isGreaterThanOrEqualTo(50 * MILLI - MICRO);
        assertThat(open.getValueAtPercentile(50)).isGreaterThan(MILLI);
    }

    @Test
    void shouldStaggerTheClientsOfAnOpenLoopRunOverOneInterval()
    {
        // 1000 ops/s: an interval of 1 ms; client 1 of 2 starts half an interval after client 0
        final ScriptedTransport transport = new ScriptedTransport(4, k -> 10 * MICRO);
        final ClientLoop first = new ClientLoop(transport, "c0", 4, 1);
        final ClientLoop second = new ClientLoop(transport, "c1", 4, 2);
        first.configure(64, 4, BenchTransport.READ, reads, writes, LoadSpec.PURE, 0, 1 << 20, 1000, false);
        second.configure(64, 4, BenchTransport.READ, reads, writes, LoadSpec.PURE, 1 << 20, 1 << 20, 1000, false);
        first.stagger(0, 2);
        second.stagger(1, 2);
        first.start(0, 10, true);
        second.start(0, 10, true);

        assertThat(first.submitDue(0)).isEqualTo(1);
        assertThat(second.submitDue(0)).isZero();
        assertThat(second.submitDue(499 * MICRO)).isZero();
        assertThat(second.submitDue(500 * MICRO)).isEqualTo(1);
        assertThat(first.submitDue(999 * MICRO)).isZero();
        assertThat(first.submitDue(MILLI)).isEqualTo(1);
        assertThat(second.submitDue(1500 * MICRO)).isEqualTo(1);
    }

    @Test
    void shouldShowAStallOnceInClosedLoop()
    {
        final Histogram closed = stalledRun(0);

        assertThat(closed.getTotalCount()).isEqualTo(100);
        assertThat(closed.getTotalCount() - closed.getCountBetweenValues(0, MILLI)).isEqualTo(1);
        assertThat(closed.getValueAtPercentile(50)).isLessThan(MILLI);
    }

    @Test
    void shouldMixReadsAndWritesAtTheRatioIntoTheirClasses()
    {
        final ScriptedTransport transport = new ScriptedTransport(1, k -> 5 * MICRO);
        final ClientLoop loop = new ClientLoop(transport, "c0", 1, 42);
        loop.configure(8, 1, BenchTransport.READ, reads, writes, 0.75, 0, 1 << 20, 0, false);
        reads.reset(8);
        writes.reset(8);

        loop.start(0, 2000, true);
        runUntilDone(transport, loop);

        assertThat(reads.operations() + writes.operations()).isEqualTo(2000);
        assertThat(reads.operations()).isBetween(1400L, 1600L);
        assertThat(transport.operations.stream().filter(op -> op == BenchTransport.WRITE).count())
            .isEqualTo(writes.operations());
    }

    /** 100 operations at depth 1; operation 5 takes 50 ms, the others 10 us; {@code rate} 0 for the closed loop. */
    private Histogram stalledRun(final double rate)
    {
        final ScriptedTransport transport = new ScriptedTransport(1, k -> k == 5 ? 50 * MILLI : 10 * MICRO);
        final ClientLoop loop = new ClientLoop(transport, "c0", 1, 1);
        loop.configure(64, 1, BenchTransport.READ, reads, writes, LoadSpec.PURE, 0, 1 << 20, rate, false);
        reads.reset(8);
        loop.start(0, 100, true);
        runUntilDone(transport, loop);
        return reads.result(1).latencyNanos();
    }

    private static void runUntilDone(final ScriptedTransport transport, final ClientLoop loop)
    {
        final long end = transport.now + 10_000 * MILLI;
        while (!loop.phaseDone())
        {
            assertThat(transport.now).as("the loop finishes within 10 s of test clock").isLessThan(end);
            loop.submitDue(transport.now);
            loop.poll();
            transport.now += STEP;
        }
    }
}
