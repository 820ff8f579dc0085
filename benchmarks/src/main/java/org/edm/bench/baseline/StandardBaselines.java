package org.edm.bench.baseline;

import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineRegistry;

/**
 * The baselines {@code edm bench} knows, in the order {@code --help} lists them. A baseline plugs in with one line
 * here, replacing its placeholder (for example {@code .register("roce", RoceBaseline::new)}).
 */
public final class StandardBaselines
{
    private StandardBaselines()
    {
    }

    public static BaselineRegistry registry()
    {
        return new BaselineRegistry()
            .register("edm", EdmBaseline::new)
            .register("roce", () -> Baseline.unavailable("roce", "the software RoCEv2 baseline is not available " +
                "yet (it is being built)"))
            .register("raw", RawBaseline::new)
            .register("udp", UdpBaseline::new)
            .register("perftest", () -> Baseline.unavailable("perftest", "running real perftest is not available " +
                "yet (it needs an RDMA device, which this machine does not have: CONFIG_INFINIBAND is off)"));
    }
}
