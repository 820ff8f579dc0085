package org.edm.bench.baseline;

import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineRegistry;

/**
 * The baselines {@code edm bench} knows, in the order {@code --help} lists them. A baseline plugs in with one line
 * here, replacing its placeholder (for example {@code .register("roce", RoceBaseline::new)}).
 */
public final class StandardBaselines
{
    /** Why {@code udp} cannot run yet. */
    public static final String UDP_UNAVAILABLE = "kernel UDP request/response needs a namespace rack with TAP " +
        "devices (edm rack run --tap), which is not available yet";

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
            .register("udp", () -> Baseline.unavailable("udp", UDP_UNAVAILABLE))
            .register("perftest", () -> Baseline.unavailable("perftest", "running real perftest is not available " +
                "yet (it needs an RDMA device, which this machine does not have: CONFIG_INFINIBAND is off)"));
    }
}
