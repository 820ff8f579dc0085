package org.edm.sim;

/**
 * The parameters of the built-in workload generator, named after the {@code edm sim --generate} options they come
 * from; the reference's values are in brackets.
 *
 * @param cdf           flow sizes, in MSS of 1460 B ({@code --cdf}).
 * @param load          offered load per host uplink, counting 1500 B on the wire per 1460 B MSS, as the reference
 *                      does ({@code --load}; 0.4 for the long-flow traces; the short-flow traces use 3..21, see
 *                      edm-protocol §7.1).
 * @param writeRatio    {@code --write-ratio} in [0, 1]: a flow is a write when {@code randint(0,10) < ratio * 10.01},
 *                      so 0.5 gives 6/11 writes [0.5].
 * @param hosts         number of hosts {@code --hosts} [144].
 * @param flows         number of flows to generate {@code --flows} [2000].
 * @param seed          seed of the generator's random streams {@code --seed}.
 * @param bandwidthGbps link rate for the arrival rate, {@code --bandwidth-gbps} [100].
 * @param slotNanos     the slot length that arrival times are converted to [0.64].
 * @param shortFlows    {@code --short}: rewrite sizes to 64 B as {@code preprocess.py -short} does.
 */
public record WorkloadSpec(
    FlowSizeCdf cdf,
    double load,
    double writeRatio,
    int hosts,
    int flows,
    long seed,
    double bandwidthGbps,
    double slotNanos,
    boolean shortFlows)
{
    /** Largest {@code --load}. */
    public static final double MAX_LOAD = 100;
    /** Largest {@code --hosts} the generator accepts (the pair table holds hosts * (hosts - 1) entries). */
    public static final int MAX_HOSTS = 4096;
    /** Largest {@code --flows}. */
    public static final int MAX_FLOWS = 100_000_000;
    /** Largest {@code --bandwidth-gbps}. */
    public static final double MAX_BANDWIDTH_GBPS = 10_000;

    /** Checks every parameter; messages name the option and the allowed range. */
    public WorkloadSpec
    {
        if (cdf == null)
        {
            throw new IllegalArgumentException("--cdf is required to generate a workload");
        }
        SimConfig.range("--load", load, 0, false, MAX_LOAD);
        SimConfig.range("--write-ratio", writeRatio, 0, true, 1);
        SimConfig.range("--hosts", hosts, 2, MAX_HOSTS);
        SimConfig.range("--flows", flows, 1, MAX_FLOWS);
        SimConfig.range("--bandwidth-gbps", bandwidthGbps, 0, false, MAX_BANDWIDTH_GBPS);
        if (!(slotNanos > 0 && Double.isFinite(slotNanos)))
        {
            throw new IllegalArgumentException("slotNanos=" + slotNanos + " must be > 0");
        }
    }

    /**
     * Arrival rate of each ordered (src, dst) pair in flows per second, as {@code flow_generator.cpp} computes it:
     * {@code B * load / (meanBytes * 8 / 1460 * 1500) / (hosts - 1)}.
     */
    public double lambdaPerPair()
    {
        final double bitsPerSecond = bandwidthGbps * 1e9;
        final double lambdaPerHost = bitsPerSecond * load / (cdf.meanBytes() * 8.0 / FlowSizeCdf.MSS_BYTES * 1500);
        return lambdaPerHost / (hosts - 1);
    }
}
