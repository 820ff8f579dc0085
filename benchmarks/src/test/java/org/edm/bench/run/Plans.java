package org.edm.bench.run;

import org.edm.host.HostConfiguration;
import org.edm.switchagent.AgentLimits;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;

import java.util.List;

/** Test support: small plans on the bench's own in-memory rack. */
final class Plans
{
    /** A 4 MiB region, 10 Gb/s, hosts allowed requests up to 2^23 bytes. */
    static final FabricSettings SETTINGS = FabricSettings.defaults().withRegionBytes(4 << 20).withLineRate(10);
    static final FabricOptions OPTIONS = FabricOptions.defaults().withLimits(new AgentLimits(
        new HostConfiguration.Limits(4096, BenchPlan.MAX_MESSAGE, 4096), 4096));

    private Plans()
    {
    }

    static BenchPlan plan(
        final BenchTest test, final List<String> baselines, final int size, final long iterations, final int depth,
        final LoadSpec load)
    {
        return new BenchPlan(test, List.of(size), false, iterations, 0, 10, 0, depth, 0, load, baselines,
            RackChoice.generated(), SETTINGS, OPTIONS, 1, 30);
    }

    static BenchPlan withRate(final BenchPlan plan, final double rate)
    {
        return new BenchPlan(plan.test(), plan.sizes(), plan.allSizes(), plan.iterations(), plan.durationSeconds(),
            plan.warmupIterations(), plan.warmupSeconds(), plan.txDepth(), rate, plan.load(), plan.baselines(), plan.rack(), plan.settings(),
            plan.options(), plan.seed(), plan.maxSeconds());
    }
}
