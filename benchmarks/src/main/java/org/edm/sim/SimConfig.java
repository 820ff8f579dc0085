package org.edm.sim;

import org.edm.phy.timing.LinkSpeed;
import org.edm.phy.host.HostOrder;
import org.edm.phy.sched.MatcherKind;

import org.edm.phy.mem.Framing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated, immutable configuration of one {@code edm sim} run. Built by {@link Builder} (which {@link SimCommand}
 * fills from the command line), or directly; the canonical constructor checks every range and names the command-line
 * option at fault, e.g. {@code "--chunk-bytes=4 is out of range [8, 1048576]"}.
 * <p>
 * <b>Defaults</b> (the {@code DEFAULT_*} constants) and the <b>netsim-compatible preset</b> ({@code --netsim-compat},
 * the {@code NETSIM_*} constants and {@link Builder#build()}):
 * <pre>
 *   option                    default        --netsim-compat
 *   --speed                   100G           100G
 *   --propagation-ns          10             10 (16 slots of 0.64 ns, edm.c:966)
 *   --chunk-bytes             256            256 (CHUNK_SIZE, edm.c:31)
 *   --release-bytes           256            256 (2 * BLK_SIZE * 16, edm.c:73-89)
 *   --block-bytes / framing   7, wire-7      8, netsim framing (8-byte blocks, header counted as data)
 *   --host-order              netsim         netsim
 *   --matcher                 greedy         greedy
 *   --pim-iterations          4 (pim/islip)  not applicable
 *   --max-chunks-per-message  1              1 (edm-protocol §8 A16)
 *   --net-switch-delay-ns     500            500 (781 slots, edm.c:10)
 *   termination               completion     all-started (edm.c:649-652)
 *   scoring                   end-to-end     netsim
 * </pre>
 * An option given explicitly together with {@code --netsim-compat} must agree with the preset; otherwise the
 * builder rejects it naming both ({@code "--chunk-bytes=512 contradicts --netsim-compat, which sets
 * --chunk-bytes=256"}).
 *
 * @param trace               {@code --trace}: the trace file, or null when the workload is generated.
 * @param generator           {@code --generate} and its options, or null when a trace is read.
 * @param traceOut            {@code --trace-out}: where to write the generated trace, or null.
 * @param flowsOut            {@code --flows-out}: the per-flow CSV, or null.
 * @param summaryJson         {@code --summary-json}: the JSON summary, or null.
 * @param netsimCompat        {@code --netsim-compat}: the preset above is in force.
 * @param speed               {@code --speed}: link speed, which sets the slot length.
 * @param propagationNanos    {@code --propagation-ns}: propagation per hop.
 * @param chunkBytes          {@code --chunk-bytes}: bytes one GRANT allows (the grant quantum).
 * @param releaseBytes        {@code --release-bytes}: a receiver's circuit is released when at most this many
 *                            granted bytes toward it are still in flight.
 * @param framing             message framing: wire-7, wire-8 ({@code --block-bytes}) or netsim (preset).
 * @param hostOrder           {@code --host-order}.
 * @param matcher             {@code --matcher}.
 * @param pimIterations       {@code --pim-iterations}: iterations per slot of pim and islip (unused by greedy).
 * @param maxChunksPerMessage {@code --max-chunks-per-message}: granted chunks one message may have outstanding.
 * @param netSwitchDelayNanos {@code --net-switch-delay-ns}: extra switch latency of network (MAC frame) packets.
 * @param hosts               {@code --hosts}: hosts in the rack (ids 0 .. hosts-1).
 * @param seed                {@code --seed}: seed of the generator and of any randomised matcher.
 * @param maxSlots            {@code --max-slots}: safety limit on simulated slots.
 * @param termination         when the run stops (preset: all-started).
 * @param scoring             how the summary scores reads (preset: netsim).
 * @param progress            whether to print a progress line on stderr.
 */
public record SimConfig(
    Path trace,
    Generator generator,
    Path traceOut,
    Path flowsOut,
    Path summaryJson,
    boolean netsimCompat,
    LinkSpeed speed,
    double propagationNanos,
    int chunkBytes,
    int releaseBytes,
    Framing framing,
    HostOrder hostOrder,
    MatcherKind matcher,
    int pimIterations,
    int maxChunksPerMessage,
    double netSwitchDelayNanos,
    int hosts,
    long seed,
    long maxSlots,
    Termination termination,
    ScoringMode scoring,
    boolean progress)
{
    /** Default link speed: the reference's 100 Gb/s. */
    public static final LinkSpeed DEFAULT_SPEED = LinkSpeed.G100;
    /** Default propagation per hop: the reference's 10 ns. */
    public static final double DEFAULT_PROPAGATION_NS = 10;
    /** Default grant quantum: the reference's CHUNK_SIZE. */
    public static final int DEFAULT_CHUNK_BYTES = 256;
    /**
     * Release threshold of the netsim-compatible preset: the reference's 2 * 8 B * 16 slots (one round trip of blocks
     * on its 16-slot links). Without the preset the default is one bandwidth-delay product of the modelled link,
     * {@link #bandwidthDelayBytes}: 2 x link slots x bytes per block (1120 B at 100G, 280 B at 25G).
     */
    public static final int DEFAULT_RELEASE_BYTES = 256;

    /**
     * One bandwidth-delay product of a link of the calibrated timing model: the blocks a sender puts on the wire during
     * one round trip of a block over one link, 2 x linkSlots x blockBytes.
     */
    public static int bandwidthDelayBytes(final LinkSpeed speed, final double propagationNanos, final int blockBytes)
    {
        // a bad propagation is reported by the range check that follows; it must not fail here first
        final double propagation = Double.isFinite(propagationNanos) ? Math.max(0, propagationNanos) : 0;
        final int linkSlots = org.edm.phy.timing.TimingModel.calibrated(speed).withPropagationNs(propagation)
            .linkSlots();
        return 2 * linkSlots * blockBytes;
    }
    /** Default data bytes per block: 7, the hardware's (a type byte and 56 data bits, edm-protocol §8 A7). */
    public static final int DEFAULT_BLOCK_BYTES = 7;
    /** Default host order: the reference's, so that comparisons with it hold (edm-protocol §8 A19). */
    public static final HostOrder DEFAULT_HOST_ORDER = HostOrder.NETSIM;
    /** Default matcher: the reference's greedy SRPT matching. */
    public static final MatcherKind DEFAULT_MATCHER = MatcherKind.GREEDY;
    /**
     * Default PIM/iSLIP iterations per slot. The hardware's count is not documented (edm-protocol §4.3); PIM
     * converges in O(log N) iterations on average, and 4 is the classic choice for small switches.
     */
    public static final int DEFAULT_PIM_ITERATIONS = 4;
    /** Default outstanding chunks per message: the reference's 1 (edm-protocol §8 A16; 2 or more restores line rate). */
    public static final int DEFAULT_MAX_CHUNKS_PER_MESSAGE = 1;
    /** Default extra switch delay of network packets: the reference's 500 ns L2 pipeline. */
    public static final double DEFAULT_NET_SWITCH_DELAY_NS = 500;
    /** Default seed: 0, as the reference generator's {@code srand(0)}. */
    public static final long DEFAULT_SEED = 0;
    /** Default safety limit: 10^10 slots (6.4 s simulated at 100 Gb/s). */
    public static final long DEFAULT_MAX_SLOTS = 10_000_000_000L;

    /** Netsim preset values that differ in kind from the defaults. */
    public static final int NETSIM_BLOCK_BYTES = 8;

    /** Largest {@code --propagation-ns} and {@code --net-switch-delay-ns}: 1 ms. */
    public static final double MAX_DELAY_NS = 1_000_000;
    /** Smallest {@code --chunk-bytes}. */
    public static final int MIN_CHUNK_BYTES = 8;
    /** Largest {@code --chunk-bytes} and {@code --release-bytes}: 1 MiB. */
    public static final int MAX_CHUNK_BYTES = 1 << 20;
    /** Largest {@code --pim-iterations}. */
    public static final int MAX_PIM_ITERATIONS = 64;
    /** Largest {@code --max-chunks-per-message}. */
    public static final int MAX_CHUNKS_PER_MESSAGE = 1024;

    /**
     * The {@code --generate} options.
     *
     * @param cdf           {@code --cdf}: the flow-size CDF file.
     * @param load          {@code --load}.
     * @param writeRatio    {@code --write-ratio}.
     * @param flows         {@code --flows}.
     * @param bandwidthGbps {@code --bandwidth-gbps}: link rate in the arrival-rate formula (default: the
     *                      {@code --speed} rate).
     * @param shortFlows    {@code --short}.
     */
    public record Generator(Path cdf, double load, double writeRatio, int flows, double bandwidthGbps,
        boolean shortFlows)
    {
        /** Checks the ranges (those of {@link WorkloadSpec}). */
        public Generator
        {
            if (cdf == null)
            {
                throw new IllegalArgumentException("--generate needs --cdf FILE");
            }
            range("--load", load, 0, false, WorkloadSpec.MAX_LOAD);
            range("--write-ratio", writeRatio, 0, true, 1);
            range("--flows", flows, 1, WorkloadSpec.MAX_FLOWS);
            range("--bandwidth-gbps", bandwidthGbps, 0, false, WorkloadSpec.MAX_BANDWIDTH_GBPS);
        }

        /** The generator parameters for a loaded {@code cdfTable}, given the run's hosts, seed and slot length. */
        public WorkloadSpec spec(final FlowSizeCdf cdfTable, final int hosts, final long seed, final double slotNanos)
        {
            return new WorkloadSpec(cdfTable, load, writeRatio, hosts, flows, seed, bandwidthGbps, slotNanos,
                shortFlows);
        }
    }

    /** Checks every range and the consistency of the fields; messages name the option. */
    public SimConfig
    {
        if ((trace == null) == (generator == null))
        {
            throw new IllegalArgumentException("give exactly one of --trace FILE and --generate");
        }
        if (traceOut != null && generator == null)
        {
            throw new IllegalArgumentException("--trace-out only applies with --generate");
        }
        require(speed != null, "--speed is required");
        require(framing != null, "a framing is required");
        require(hostOrder != null, "--host-order is required");
        require(matcher != null, "--matcher is required");
        require(termination != null, "termination is required");
        require(scoring != null, "scoring is required");
        range("--propagation-ns", propagationNanos, 0, true, MAX_DELAY_NS);
        range("--net-switch-delay-ns", netSwitchDelayNanos, 0, true, MAX_DELAY_NS);
        range("--chunk-bytes", chunkBytes, MIN_CHUNK_BYTES, MAX_CHUNK_BYTES);
        if (framing.resumeBlocks() > 0 && chunkBytes < 2 * framing.dataBytesPerBlock())
        {
            throw new IllegalArgumentException("--chunk-bytes=" + chunkBytes + " is less than two " +
                framing.dataBytesPerBlock() + "-byte blocks: a grant in the " + framing.name() +
                " framing must cover a message's header and tag block");
        }
        range("--release-bytes", releaseBytes, 0, MAX_CHUNK_BYTES);
        range("--pim-iterations", pimIterations, 1, MAX_PIM_ITERATIONS);
        range("--max-chunks-per-message", maxChunksPerMessage, 1, MAX_CHUNKS_PER_MESSAGE);
        final int maxHosts = Math.min(framing.maxNode() + 1, generator == null ? Integer.MAX_VALUE :
            WorkloadSpec.MAX_HOSTS);
        range("--hosts", hosts, 2, maxHosts);
        if (maxSlots < 1)
        {
            throw new IllegalArgumentException("--max-slots=" + maxSlots + " is out of range [1, " + Long.MAX_VALUE +
                "]");
        }
    }

    /** A builder with nothing set: every option takes its default. */
    public static Builder builder()
    {
        return new Builder();
    }

    /** Slot length in ns: 0.64 at 100 Gb/s, 2.56 at 25 Gb/s. */
    public double slotNanos()
    {
        return speed.slotNanos();
    }

    /** Data bytes per block of the framing (7 or 8). */
    public int blockBytes()
    {
        return framing.dataBytesPerBlock();
    }

    /** Propagation per hop in slots: {@code round(propagation-ns / slot)}, as {@code edm.c:966} (16 at 100 Gb/s). */
    public long propagationSlots()
    {
        return Math.round(propagationNanos / slotNanos());
    }

    /** Network packets' extra switch delay in slots: {@code round(ns / slot)} (781 for 500 ns at 100 Gb/s). */
    public long netSwitchDelaySlots()
    {
        return Math.round(netSwitchDelayNanos / slotNanos());
    }

    /** The ideal-FCT formulas with this run's block size, propagation, chunk and network switch delay. */
    public IdealFct idealFct()
    {
        return new IdealFct(blockBytes(), propagationSlots(), chunkBytes, netSwitchDelaySlots());
    }

    /** The configuration as report facts, in a stable order (for the text summary and the JSON "run" object). */
    public Map<String, Object> describe()
    {
        final Map<String, Object> facts = new LinkedHashMap<>();
        if (trace != null)
        {
            facts.put("trace", trace.toString());
        }
        else
        {
            facts.put("cdf", generator.cdf().toString());
            facts.put("load", generator.load());
            facts.put("writeRatio", generator.writeRatio());
            facts.put("flows", generator.flows());
            facts.put("bandwidthGbps", generator.bandwidthGbps());
            facts.put("short", generator.shortFlows());
        }
        facts.put("hosts", hosts);
        facts.put("netsimCompat", netsimCompat);
        facts.put("speed", speed.label());
        facts.put("slotNanos", slotNanos());
        facts.put("propagationNs", propagationNanos);
        facts.put("propagationSlots", propagationSlots());
        facts.put("chunkBytes", chunkBytes);
        facts.put("releaseBytes", releaseBytes);
        facts.put("framing", framing.name());
        facts.put("hostOrder", hostOrder.label());
        facts.put("matcher", matcher.label());
        if (matcher.iterative())
        {
            facts.put("pimIterations", pimIterations);
        }
        facts.put("maxChunksPerMessage", maxChunksPerMessage);
        facts.put("netSwitchDelaySlots", netSwitchDelaySlots());
        facts.put("termination", termination.label());
        facts.put("scoring", scoring.label());
        facts.put("seed", seed);
        facts.put("maxSlots", maxSlots);
        return facts;
    }

    static void range(final String option, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(option + "=" + value + " is out of range [" + min + ", " + max + "]");
        }
    }

    static void range(
        final String option, final double value, final double min, final boolean minIncluded, final double max)
    {
        final boolean aboveMin = minIncluded ? value >= min : value > min;
        if (!(aboveMin && value <= max))
        {
            throw new IllegalArgumentException(option + "=" + plain(value) + " is out of range " +
                (minIncluded ? "[" : "(") + plain(min) + ", " + plain(max) + "]");
        }
    }

    /** A double without a needless ".0": 10 rather than 10.0, 0.5 stays 0.5. */
    static String plain(final double value)
    {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long)value) :
            Double.toString(value);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * Collects options as given on the command line (null: not given) and resolves defaults and the netsim preset.
     * Fluent, no get/set prefixes; not thread safe. {@link #check()} validates everything that does not depend on the
     * flows, so that option errors are reported before a large trace is read; {@link #build()} then needs the host
     * count, given by {@link #hosts(Integer)} or taken from the flows with {@link #hostsFor(FlowTable)}.
     */
    public static final class Builder
    {
        private Path trace;
        private boolean generate;
        private Path cdf;
        private Double load;
        private Double writeRatio;
        private Integer flows;
        private Double bandwidthGbps;
        private boolean shortFlows;
        private Path traceOut;
        private Path flowsOut;
        private Path summaryJson;
        private boolean netsimCompat;
        private LinkSpeed speed;
        private Double propagationNanos;
        private Integer chunkBytes;
        private Integer releaseBytes;
        private Integer blockBytes;
        private HostOrder hostOrder;
        private MatcherKind matcher;
        private Integer pimIterations;
        private Integer maxChunksPerMessage;
        private Double netSwitchDelayNanos;
        private Integer hosts;
        private Long seed;
        private Long maxSlots;
        private boolean progress;

        private Builder()
        {
        }

        /** {@code --trace FILE}. */
        public Builder trace(final Path value)
        {
            trace = value;
            return this;
        }

        /** {@code --generate}. */
        public Builder generate(final boolean value)
        {
            generate = value;
            return this;
        }

        /** {@code --cdf FILE}. */
        public Builder cdf(final Path value)
        {
            cdf = value;
            return this;
        }

        /** {@code --load L}. */
        public Builder load(final Double value)
        {
            load = value;
            return this;
        }

        /** {@code --write-ratio W}. */
        public Builder writeRatio(final Double value)
        {
            writeRatio = value;
            return this;
        }

        /** {@code --flows F}. */
        public Builder flows(final Integer value)
        {
            flows = value;
            return this;
        }

        /** {@code --bandwidth-gbps G}. */
        public Builder bandwidthGbps(final Double value)
        {
            bandwidthGbps = value;
            return this;
        }

        /** {@code --short}. */
        public Builder shortFlows(final boolean value)
        {
            shortFlows = value;
            return this;
        }

        /** {@code --trace-out FILE}. */
        public Builder traceOut(final Path value)
        {
            traceOut = value;
            return this;
        }

        /** {@code --flows-out FILE}. */
        public Builder flowsOut(final Path value)
        {
            flowsOut = value;
            return this;
        }

        /** {@code --summary-json FILE}. */
        public Builder summaryJson(final Path value)
        {
            summaryJson = value;
            return this;
        }

        /** {@code --netsim-compat}. */
        public Builder netsimCompat(final boolean value)
        {
            netsimCompat = value;
            return this;
        }

        /** {@code --speed}. */
        public Builder speed(final LinkSpeed value)
        {
            speed = value;
            return this;
        }

        /** {@code --propagation-ns}. */
        public Builder propagationNanos(final Double value)
        {
            propagationNanos = value;
            return this;
        }

        /** {@code --chunk-bytes}. */
        public Builder chunkBytes(final Integer value)
        {
            chunkBytes = value;
            return this;
        }

        /** {@code --release-bytes}. */
        public Builder releaseBytes(final Integer value)
        {
            releaseBytes = value;
            return this;
        }

        /** {@code --block-bytes} (7 or 8). */
        public Builder blockBytes(final Integer value)
        {
            blockBytes = value;
            return this;
        }

        /** {@code --host-order}. */
        public Builder hostOrder(final HostOrder value)
        {
            hostOrder = value;
            return this;
        }

        /** {@code --matcher}. */
        public Builder matcher(final MatcherKind value)
        {
            matcher = value;
            return this;
        }

        /** {@code --pim-iterations}. */
        public Builder pimIterations(final Integer value)
        {
            pimIterations = value;
            return this;
        }

        /** {@code --max-chunks-per-message}. */
        public Builder maxChunksPerMessage(final Integer value)
        {
            maxChunksPerMessage = value;
            return this;
        }

        /** {@code --net-switch-delay-ns}. */
        public Builder netSwitchDelayNanos(final Double value)
        {
            netSwitchDelayNanos = value;
            return this;
        }

        /** {@code --hosts}. */
        public Builder hosts(final Integer value)
        {
            hosts = value;
            return this;
        }

        /** {@code --seed}. */
        public Builder seed(final Long value)
        {
            seed = value;
            return this;
        }

        /** {@code --max-slots}. */
        public Builder maxSlots(final Long value)
        {
            maxSlots = value;
            return this;
        }

        /** {@code --progress} resolved (terminal or forced). */
        public Builder progress(final boolean value)
        {
            progress = value;
            return this;
        }

        /** Whether the workload is generated. */
        public boolean generates()
        {
            return generate;
        }

        /**
         * Takes the host count from {@code flows} when {@code --hosts} was not given (largest host id + 1, at least
         * 2); when it was, checks that every host id of {@code flows} is below it.
         */
        public Builder hostsFor(final FlowTable flows)
        {
            final int needed = Math.max(2, flows.maxHost() + 1);
            final Framing framing = netsimCompat ? Framing.netsim() : Framing.wire(DEFAULT_BLOCK_BYTES);
            if (hosts == null && needed > framing.maxNode() + 1)
            {
                throw new IllegalArgumentException("the flows use host " + flows.maxHost() + ", but the " +
                    framing.name() + " block format addresses at most " + (framing.maxNode() + 1) + " hosts");
            }
            if (hosts == null)
            {
                hosts = needed;
            }
            else if (hosts < needed)
            {
                throw new IllegalArgumentException("--hosts=" + hosts + " is too small: the flows use host " +
                    flows.maxHost());
            }
            return this;
        }

        /** Validates everything that does not depend on the flows. */
        public Builder check()
        {
            resolve(hosts == null ? 2 : hosts);
            return this;
        }

        /** The configuration; the host count must be known ({@link #hosts} or {@link #hostsFor}). */
        public SimConfig build()
        {
            if (hosts == null)
            {
                throw new IllegalArgumentException(generate ? "--generate needs --hosts N" :
                    "the host count is unknown: give --hosts or resolve it from the trace");
            }
            return resolve(hosts);
        }

        private SimConfig resolve(final int hostCount)
        {
            checkSource();
            if (netsimCompat)
            {
                checkPreset();
            }
            final MatcherKind matcherKind = matcher != null ? matcher : DEFAULT_MATCHER;
            if (pimIterations != null && !matcherKind.iterative())
            {
                throw new IllegalArgumentException("--pim-iterations applies only to --matcher pim or islip, not " +
                    matcherKind.label());
            }
            final int block = blockBytes != null ? blockBytes : netsimCompat ? NETSIM_BLOCK_BYTES : DEFAULT_BLOCK_BYTES;
            if (block != 7 && block != 8)
            {
                throw new IllegalArgumentException("--block-bytes=" + block + " is not one of 7, 8");
            }
            final LinkSpeed linkSpeed = speed != null ? speed : DEFAULT_SPEED;
            if (generate && cdf == null)
            {
                throw new IllegalArgumentException("--generate needs --cdf FILE");
            }
            final Generator generator = generate ? new Generator(cdf, required(load, "--load"),
                required(writeRatio, "--write-ratio"), flows == null ? requireFlows() : flows,
                bandwidthGbps != null ? bandwidthGbps : linkSpeed.gbps(), shortFlows) : null;
            return new SimConfig(
                generate ? null : trace,
                generator,
                traceOut,
                flowsOut,
                summaryJson,
                netsimCompat,
                linkSpeed,
                propagationNanos != null ? propagationNanos : DEFAULT_PROPAGATION_NS,
                chunkBytes != null ? chunkBytes : DEFAULT_CHUNK_BYTES,
                releaseBytes != null ? releaseBytes :
                    netsimCompat ? DEFAULT_RELEASE_BYTES : bandwidthDelayBytes(linkSpeed,
                        propagationNanos != null ? propagationNanos : DEFAULT_PROPAGATION_NS, block),
                netsimCompat ? Framing.netsim() : Framing.wire(block),
                hostOrder != null ? hostOrder : DEFAULT_HOST_ORDER,
                matcherKind,
                pimIterations != null ? pimIterations : DEFAULT_PIM_ITERATIONS,
                maxChunksPerMessage != null ? maxChunksPerMessage : DEFAULT_MAX_CHUNKS_PER_MESSAGE,
                netSwitchDelayNanos != null ? netSwitchDelayNanos : DEFAULT_NET_SWITCH_DELAY_NS,
                hostCount,
                seed != null ? seed : DEFAULT_SEED,
                maxSlots != null ? maxSlots : DEFAULT_MAX_SLOTS,
                netsimCompat ? Termination.ALL_STARTED : Termination.COMPLETION,
                netsimCompat ? ScoringMode.NETSIM : ScoringMode.END_TO_END,
                progress);
        }

        private void checkSource()
        {
            if (trace != null && generate)
            {
                throw new IllegalArgumentException("--trace and --generate exclude each other: give one");
            }
            if (trace == null && !generate)
            {
                throw new IllegalArgumentException("give --trace FILE, or --generate with its options");
            }
            if (!generate)
            {
                onlyWithGenerate("--cdf", cdf);
                onlyWithGenerate("--load", load);
                onlyWithGenerate("--write-ratio", writeRatio);
                onlyWithGenerate("--flows", flows);
                onlyWithGenerate("--bandwidth-gbps", bandwidthGbps);
                onlyWithGenerate("--short", shortFlows ? Boolean.TRUE : null);
                onlyWithGenerate("--trace-out", traceOut);
            }
            else if (hosts == null)
            {
                throw new IllegalArgumentException("--generate needs --hosts N");
            }
        }

        private void checkPreset()
        {
            final String preset = " contradicts --netsim-compat, which sets ";
            if (speed != null && speed != LinkSpeed.G100)
            {
                throw new IllegalArgumentException("--speed=" + speed.label() + preset + "--speed=100G");
            }
            presetValue("--propagation-ns", propagationNanos, DEFAULT_PROPAGATION_NS);
            presetValue("--chunk-bytes", chunkBytes, DEFAULT_CHUNK_BYTES);
            presetValue("--release-bytes", releaseBytes, DEFAULT_RELEASE_BYTES);
            presetValue("--block-bytes", blockBytes, NETSIM_BLOCK_BYTES);
            presetValue("--max-chunks-per-message", maxChunksPerMessage, DEFAULT_MAX_CHUNKS_PER_MESSAGE);
            presetValue("--net-switch-delay-ns", netSwitchDelayNanos, DEFAULT_NET_SWITCH_DELAY_NS);
            if (hostOrder != null && hostOrder != HostOrder.NETSIM)
            {
                throw new IllegalArgumentException("--host-order=" + hostOrder.label() + preset +
                    "--host-order=netsim");
            }
            if (matcher != null && matcher != MatcherKind.GREEDY)
            {
                throw new IllegalArgumentException("--matcher=" + matcher.label() + preset + "--matcher=greedy");
            }
        }

        private static void presetValue(final String option, final Number given, final double preset)
        {
            if (given != null && given.doubleValue() != preset)
            {
                throw new IllegalArgumentException(option + "=" + plain(given.doubleValue()) +
                    " contradicts --netsim-compat, which sets " + option + "=" + plain(preset));
            }
        }

        private static void onlyWithGenerate(final String option, final Object value)
        {
            if (value != null)
            {
                throw new IllegalArgumentException(option + " only applies with --generate");
            }
        }

        private static double required(final Double value, final String option)
        {
            if (value == null)
            {
                throw new IllegalArgumentException("--generate needs " + option);
            }
            return value;
        }

        private static int requireFlows()
        {
            throw new IllegalArgumentException("--generate needs --flows F");
        }
    }
}
