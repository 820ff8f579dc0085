package org.edm.bench.run;

import org.edm.bench.harness.BenchTransport;
import org.edm.bench.harness.RunResult;

import java.util.List;

/**
 * A baseline the bench does not drive itself but runs as another program, whose report it folds into its results
 * (real perftest on an RDMA device). It has no fabric, endpoints or transports: {@link BenchRunner} asks it whether it
 * can run this plan, then to run it.
 */
public interface ExternalBaseline extends Baseline
{
    /** Why it cannot run this plan here (said to the user, and the baseline is skipped), or null when it can. */
    String unavailable(BenchPlan plan);

    /** Runs the plan's test at each of {@code sizes}; returns one result per size it measured. */
    List<RunResult> run(BenchPlan plan, List<Integer> sizes, BenchListener listener);

    @Override
    default String unavailable(final BaselineSetup setup)
    {
        return null;
    }

    @Override
    default BenchTransport open(
        final BaselineContext context, final String clientHost, final int depth, final int maxBytes)
    {
        throw new UnsupportedOperationException(name() + " runs as its own program; it opens no transports");
    }
}
