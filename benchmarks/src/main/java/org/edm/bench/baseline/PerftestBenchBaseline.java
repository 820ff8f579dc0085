package org.edm.bench.baseline;

import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.PerftestBaseline;
import org.edm.bench.perftest.PerftestInvocation;
import org.edm.bench.perftest.RdmaAvailability;
import org.edm.bench.run.BenchListener;
import org.edm.bench.run.BenchPlan;
import org.edm.bench.run.ExternalBaseline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real RDMA as a baseline: runs the perftest program matching the bench's test ({@code ib_read_lat} for read_lat...)
 * once per size with the bench's iterations or duration, and folds its report into the results. Where there is no
 * RDMA device or no perftest, it is skipped and says why.
 */
public final class PerftestBenchBaseline implements ExternalBaseline
{
    private final PerftestTarget target;

    public PerftestBenchBaseline(final PerftestTarget target)
    {
        this.target = target;
    }

    public String name()
    {
        return PerftestBaseline.NAME;
    }

    public String transportType()
    {
        return "perftest on an RDMA device";
    }

    public String unavailable(final BenchPlan plan)
    {
        if (!plan.load().isUnloaded() || plan.load().mixed() || plan.rate() > 0)
        {
            return "perftest measures one unloaded closed-loop client; this run asks for a load, a mix or a rate";
        }
        final RdmaAvailability availability = RdmaAvailability.probe(invocation(plan, 2).program(), target.device());
        return availability.available() ? null : availability.reason();
    }

    public List<RunResult> run(final BenchPlan plan, final List<Integer> sizes, final BenchListener listener)
    {
        final List<RunResult> results = new ArrayList<>();
        for (final int size : sizes)
        {
            final PerftestInvocation invocation = invocation(plan, size);
            final PerftestBaseline.Outcome outcome = PerftestBaseline.run(invocation,
                Duration.ofSeconds((long)Math.max(30, plan.maxSeconds())));
            if (!outcome.succeeded())
            {
                listener.note("perftest " + size + " B: " + outcome.failure());
                continue;
            }
            results.addAll(outcome.results());
        }
        return results;
    }

    private PerftestInvocation invocation(final BenchPlan plan, final int size)
    {
        final int seconds = plan.durationMode() ? (int)Math.max(1, Math.round(plan.durationSeconds())) : 0;
        final int iterations = plan.durationMode() ? 0 : (int)Math.min(Integer.MAX_VALUE, plan.iterations());
        return new PerftestInvocation(plan.test().label(), size, false, iterations, seconds, false, target.device(),
            target.gidIndex(), target.server(), target.port());
    }
}
