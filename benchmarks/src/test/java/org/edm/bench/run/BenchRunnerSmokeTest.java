package org.edm.bench.run;

import org.edm.bench.baseline.StandardBaselines;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.PerftestTable;
import org.junit.jupiter.api.Test;

import java.util.List;

class BenchRunnerSmokeTest
{
    @Test
    void smoke()
    {
        final List<RunResult> results = new BenchRunner(StandardBaselines.registry()).run(
            Plans.plan(BenchTest.READ_LAT, List.of("edm", "raw"), 64, 200, 1, LoadSpec.unloaded()),
            new BenchListener()
            {
                public void note(final String line)
                {
                    System.out.println("note " + line);
                }

                public void baselineStarted(final String baseline, final org.edm.bench.perftest.Banner banner)
                {
                    banner.lines().forEach(System.out::println);
                }
            });
        for (final RunResult r : results)
        {
            System.out.println(r.baseline() + " " + PerftestTable.latencyRow(r.size(), r.measured().operations(),
                r.measured().latency()));
        }
    }
}
