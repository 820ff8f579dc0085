package org.edm.bench.baseline;

import org.edm.bench.run.BaselineRegistry;

/**
 * The baselines {@code edm bench} knows, in the order {@code --help} lists them. A baseline plugs in with one line
 * here.
 */
public final class StandardBaselines
{
    private StandardBaselines()
    {
    }

    /** The baselines, with perftest run on this machine with its defaults. */
    public static BaselineRegistry registry()
    {
        return registry(PerftestTarget.local());
    }

    /** The baselines, with perftest run against {@code perftest}. */
    public static BaselineRegistry registry(final PerftestTarget perftest)
    {
        return new BaselineRegistry()
            .register("edm", EdmBaseline::new)
            .register("roce", RoceBenchBaseline::new)
            .register("raw", RawBaseline::new)
            .register("udp", UdpBaseline::new)
            .register("perftest", () -> new PerftestBenchBaseline(perftest));
    }
}
