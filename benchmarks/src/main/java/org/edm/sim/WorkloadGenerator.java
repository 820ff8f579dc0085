package org.edm.sim;

import java.util.SplittableRandom;

/**
 * Generates a workload the way the reference trace generator does (EDM-tracegen: {@code flow_generator.cpp}
 * {@code PoissonFlowGenerator}, {@code event.cpp} {@code FlowCreationForInitializationEvent}, then
 * {@code preprocess.py}; edm-protocol §7.1), from a {@link WorkloadSpec}:
 * <ol>
 * <li><b>Arrivals.</b> Every ordered pair (src, dst), src != dst, is a Poisson process of rate
 * {@link WorkloadSpec#lambdaPerPair()}; each pair's first arrival is one exponential inter-arrival time after 0 (the
 * reference starts at 1.0 s and subtracts 1 on output). Arrivals of all pairs are taken in time order until
 * {@code flows} flows exist; flow ids are 0, 1, 2 ... in that order.</li>
 * <li><b>Sizes.</b> At each arrival a size is drawn: {@code round(cdf sample) * 1460} bytes, rounding half up
 * ({@code (uint32_t)(value + 0.5)}), capped at 2 500 000 MSS as the reference caps it. A draw that rounds to 0 MSS
 * makes no flow (the pair's next arrival is still scheduled), as in the reference.</li>
 * <li><b>Slots.</b> {@code start_slot = (long)(t / slot)} with the slot length in seconds, as
 * {@code int(t / slot_time)} in {@code preprocess.py}.</li>
 * <li><b>Types.</b> For each flow in order, {@code r = randint(0, 10)} (11 values); a WREQ (3) when
 * {@code r < writeRatio * 10.01}, otherwise an RREQ (1). An RREQ gets {@code size_bytes = 16} and
 * {@code rreq_bytes} = the drawn size (64 with {@code shortFlows}); a WREQ keeps the drawn size (64 with
 * {@code shortFlows}) and {@code rreq_bytes = -1}.</li>
 * </ol>
 * <b>Randomness.</b> Deterministic for a given seed: a {@link SplittableRandom} seeded with {@code seed} is split into
 * one stream for arrivals and sizes and one for types, so that runs with the same seed and different write ratios
 * share arrivals, hosts and sizes, like the reference's {@code wonly}/{@code ronly}/{@code mix} files. The streams are
 * not the reference's C {@code rand()}, so the flows are statistically, not literally, the reference's.
 */
public final class WorkloadGenerator
{
    /** The reference caps a drawn size at this many MSS ({@code event.cpp}, "Giant Flow"). */
    static final long MAX_FLOW_MSS = 2_500_000;
    /** Request size of an RREQ in the reference traces. */
    public static final int RREQ_BYTES = 16;
    /** Flow size of the short-flow workloads ({@code preprocess.py -short}). */
    public static final int SHORT_FLOW_BYTES = 64;
    /** Consecutive zero-size draws after which the CDF is deemed to give no flows at all. */
    private static final int MAX_EMPTY_DRAWS = 10_000_000;

    private WorkloadGenerator()
    {
    }

    /** The flows of {@code spec}, sorted by start slot. */
    public static FlowTable generate(final WorkloadSpec spec)
    {
        final int hosts = spec.hosts();
        final SplittableRandom root = new SplittableRandom(spec.seed());
        final SplittableRandom arrivals = root.split();
        final SplittableRandom types = root.split();
        final double meanInterArrival = 1.0 / spec.lambdaPerPair();
        final double slotSeconds = spec.slotNanos() * 1e-9;
        final double writeThreshold = spec.writeRatio() * 10.01;

        final ArrivalHeap heap = new ArrivalHeap(hosts * (hosts - 1));
        for (int src = 0; src < hosts; src++)
        {
            for (int dst = 0; dst < hosts; dst++)
            {
                if (src != dst)
                {
                    heap.add(exponential(arrivals, meanInterArrival), src * hosts + dst);
                }
            }
        }

        final FlowTable.Builder builder = FlowTable.builder(spec.flows());
        int emptyDraws = 0;
        while (builder.size() < spec.flows())
        {
            final double time = heap.topTime();
            final int pair = heap.topPair();
            final long mss = Math.min(MAX_FLOW_MSS, (long)(spec.cdf().sampleMss(arrivals.nextDouble()) + 0.5));
            if (mss > 0)
            {
                emptyDraws = 0;
                final int drawnBytes = Math.toIntExact(mss * FlowSizeCdf.MSS_BYTES);
                final boolean write = types.nextInt(11) < writeThreshold;
                final int flowId = builder.size();
                final int src = pair / hosts;
                final int dst = pair % hosts;
                final long slot = (long)(time / slotSeconds);
                if (write)
                {
                    final int size = spec.shortFlows() ? SHORT_FLOW_BYTES : drawnBytes;
                    builder.add(flowId, FlowType.WREQ, src, dst, size, -1, slot);
                }
                else
                {
                    final int readBack = spec.shortFlows() ? SHORT_FLOW_BYTES : drawnBytes;
                    builder.add(flowId, FlowType.RREQ, src, dst, RREQ_BYTES, readBack, slot);
                }
            }
            else if (++emptyDraws > MAX_EMPTY_DRAWS)
            {
                throw new IllegalArgumentException("--cdf: " + MAX_EMPTY_DRAWS + " draws in a row rounded to 0 MSS; " +
                    "the distribution gives no flows");
            }
            heap.replaceTopTime(time + exponential(arrivals, meanInterArrival));
        }
        return builder.build();
    }

    /** An exponential variate of the given mean: {@code -mean * ln(u)}, u in (0, 1]. */
    private static double exponential(final SplittableRandom random, final double mean)
    {
        return -mean * Math.log(1.0 - random.nextDouble());
    }
}
