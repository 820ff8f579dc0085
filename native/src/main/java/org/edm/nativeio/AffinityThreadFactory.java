package org.edm.nativeio;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A {@link ThreadFactory} for agent threads: each new platform thread first pins itself to the configured CPU
 * ({@code sched_setaffinity} acts on the calling thread, so it must run inside the new thread), reports the
 * effective pinning, and warns when a busy-poll thread lands on a CPU the kernel does not keep isolated. Then it runs
 * its task. CPU -1 means unpinned (reported as such). A pinning failure is reported and the thread runs unpinned,
 * so that a misconfigured CPU list degrades latency instead of stopping the agent.
 * <p>
 * Pass it to Agrona's {@code AgentRunner.startOnThread(runner, factory)}; the thread takes the factory's name.
 */
public final class AffinityThreadFactory implements ThreadFactory
{
    private final String name;
    private final int cpu;
    private final boolean busyPoll;
    private final Consumer<String> report;
    private final AtomicInteger count = new AtomicInteger();

    /**
     * @param name     thread name (a suffix {@code -2}, {@code -3}... is added from the second thread on).
     * @param cpu      CPU to pin to, or -1 for none.
     * @param busyPoll true when the thread will spin: it should sit on an isolated CPU.
     * @param report   receives the pinning report and warnings (e.g. {@code System.err::println}).
     */
    public AffinityThreadFactory(final String name, final int cpu, final boolean busyPoll, final Consumer<String> report)
    {
        this.name = name;
        this.cpu = cpu;
        this.busyPoll = busyPoll;
        this.report = report;
    }

    public Thread newThread(final Runnable task)
    {
        final int n = count.incrementAndGet();
        final String threadName = n == 1 ? name : name + "-" + n;
        return Thread.ofPlatform().name(threadName).unstarted(() ->
        {
            pin(threadName);
            task.run();
        });
    }

    private void pin(final String threadName)
    {
        if (cpu < 0)
        {
            report.accept("thread " + threadName + ": not pinned (may run on CPUs " + Affinity.allowedCpus() + ")" +
                (busyPoll ? "; a busy-poll thread should be pinned to an isolated CPU" : ""));
            return;
        }
        try
        {
            final List<Integer> effective = Affinity.pinCurrentThread(cpu);
            report.accept("thread " + threadName + ": pinned to CPU " + cpu + " (effective affinity " + effective + ")");
            if (busyPoll && !Affinity.isolatedCpus().contains(cpu))
            {
                report.accept("WARNING: busy-poll thread " + threadName + " is on CPU " + cpu + ", which is not " +
                    "isolated (isolated CPUs: " + describe(Affinity.isolatedCpus().toString()) + "); other work " +
                    "will share it and add latency jitter; isolate it with the kernel parameters isolcpus=" + cpu +
                    " nohz_full=" + cpu + " rcu_nocbs=" + cpu);
            }
        }
        catch (final PortSetupException e)
        {
            report.accept("WARNING: " + e.getMessage() + "; thread " + threadName + " runs unpinned");
        }
    }

    private static String describe(final String cpus)
    {
        return "[]".equals(cpus) ? "none" : cpus;
    }
}
