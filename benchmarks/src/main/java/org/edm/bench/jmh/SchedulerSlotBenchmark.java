package org.edm.bench.jmh;

import org.edm.phy.sched.CentralScheduler;
import org.edm.phy.sched.GrantListener;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The central scheduler per slot at rack scale: 144 ports with tens of thousands of outstanding messages, every
 * receiver forwarding one granted block per slot, finished messages replaced by new ones so the table stays full.
 * One operation is one slot: schedule, then one forwarded block per receiver with a circuit. Reported as time per
 * slot; 0 bytes allocated per operation once the demand table has grown (run with {@code -prof gc}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dagrona.disable.bounds.checks=true")
@State(Scope.Thread)
public class SchedulerSlotBenchmark
{
    @Param({ "40000" })
    public int outstanding;

    @Param({ "GREEDY", "PIM", "ISLIP" })
    public String matcher;

    private static final int PORTS = 144;

    private CentralScheduler scheduler;
    private final int[] granted = new int[PORTS];
    private final int[] grantedEntry = new int[PORTS];
    private final Random random = new Random(1);
    private long slot;
    private int nextTag;
    private int[] queueEntry;
    private int[] queueCount;
    private final GrantListener listener = (entry, sender, receiver, quota, first) ->
    {
        queueEntry[receiver] = entry;
        queueCount[receiver] += quota;
    };

    @Setup
    public void setUp()
    {
        scheduler = new CentralScheduler(new SchedulerConfig(PORTS, 32, 32, 1, MatcherKind.valueOf(matcher), 4, 0,
            outstanding));
        queueEntry = new int[PORTS];
        queueCount = new int[PORTS];
        for (int i = 0; i < outstanding; i++)
        {
            register();
        }
        for (int i = 0; i < 20_000; i++)
        {
            slot();
        }
    }

    @Benchmark
    public int slot()
    {
        final int grants = scheduler.schedule(++slot, listener);
        for (int r = 0; r < PORTS; r++)
        {
            if (queueCount[r] > 0)
            {
                final int entry = queueEntry[r];
                queueCount[r]--;
                final boolean lastBlock = scheduler.remaining(entry) == 0 && scheduler.quota(entry) == 1;
                scheduler.forwarded(entry, 1);
                if (lastBlock)
                {
                    register();
                }
            }
        }
        return grants;
    }

    private void register()
    {
        final int sender = random.nextInt(PORTS);
        final int receiver = (sender + 1 + random.nextInt(PORTS - 1)) % PORTS;
        final int blocks = 1 + (random.nextInt(8) == 0 ? random.nextInt(700) : random.nextInt(12));
        final int kind = random.nextBoolean() ? CentralScheduler.WRITE : CentralScheduler.READ_RESPONSE;
        while (scheduler.register(kind, sender, receiver, sender, nextTag++ & 0xFFFF, blocks, slot) < 0)
        {
            nextTag++;
        }
    }
}
