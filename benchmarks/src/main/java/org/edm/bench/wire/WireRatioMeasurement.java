package org.edm.bench.wire;

import org.edm.bench.harness.BenchTransport;
import org.edm.bench.roce.fabric.RoceBaseline;
import org.edm.bench.roce.fabric.RoceBaselineOptions;
import org.edm.bench.roce.fabric.RoceTransport;
import org.edm.bench.wire.WireBytePrediction.Comparison;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Measures the EDM/RoCE throughput ratio of issue 6 item 10: one client keeps many 8- or 64-byte READs (or WRITEs)
 * outstanding to one memory host, first over EDM, then over the software RoCE baseline, on the same in-memory fabric
 * at an emulated line rate low enough that the links, not the software, limit the rate. Each run reports operations
 * per second and the wire bytes per operation the four link directions really carried, so a run shows both whether
 * it was link-bound (the busiest direction near 100 %) and how the framing prediction held.
 * <pre>
 *   client h0 --up--> switch --down--> memory h1      one thread runs every agent (INVOKER), closed loop of
 *            <-down--        <--up---                depth outstanding operations, warm-up, then a timed window
 * </pre>
 * A bench tool, not a test: it takes seconds per row. The loop is bounded in time.
 */
public final class WireRatioMeasurement
{
    /** The client and the memory host of the measurement's rack. */
    public static final String CLIENT = "h0";
    public static final String SERVER = "h1";

    /** The round trip the EDM scheduler's release threshold is sized for (see {@link #settings}). */
    public static final double ASSUMED_ROUND_TRIP_SECONDS = 10e-3;

    /** A run at or above this share of the line rate on its busiest direction was limited by the link. */
    public static final double LINK_BOUND = 0.9;

    private static final double WARM_UP_SECONDS = 0.3;
    /** Before each window: the pipeline fills, so that as much is in flight when the window opens as when it closes. */
    private static final double REFILL_SECONDS = 0.2;
    private static final int ROUNDS = 4;

    private static final long REGION_BYTES = 1 << 20;

    /**
     * One system's run.
     *
     * @param system             "edm" or "roce".
     * @param operations         operations completed in the window.
     * @param errors             of which failed.
     * @param seconds            the window.
     * @param wirePerOperation   wire bytes per completed operation on each link direction, as counted.
     */
    public record Measured(String system, long operations, long errors, double seconds, LinkBytes wirePerOperation)
    {
        public double operationsPerSecond()
        {
            return seconds <= 0 ? 0 : operations / seconds;
        }

        /** The busiest direction's share of the line rate: near 1 when the run was link-bound. */
        public double utilization(final double lineRateGbps)
        {
            return operationsPerSecond() * wirePerOperation.bottleneck() / (lineRateGbps * 1e9 / 8);
        }
    }

    /** One operation and size: the prediction and both systems' runs. */
    public record Row(Comparison predicted, Measured edm, Measured roce)
    {
        public double measuredRatio()
        {
            return roce.operationsPerSecond() == 0 ? 0 : edm.operationsPerSecond() / roce.operationsPerSecond();
        }

        /**
         * Whether both systems kept their busiest link direction at least 90 % busy: only then does the ratio measure
         * framing rather than the software (a busy machine starves the agents' thread and the links idle).
         */
        public boolean linkBound(final double lineRateGbps)
        {
            return edm.utilization(lineRateGbps) >= LINK_BOUND && roce.utilization(lineRateGbps) >= LINK_BOUND;
        }

        /** Measured over predicted, minus one: within +-0.10 is the target. */
        public double deviation()
        {
            return measuredRatio() / predicted.ratio() - 1;
        }
    }

    /** The four link directions of a client and its server. */
    public record Links(LinkWireCounter client, LinkWireCounter server)
    {
        public static Links of(final LocalFabric fabric, final String client, final String server)
        {
            return new Links(LinkWireCounter.of(fabric, client), LinkWireCounter.of(fabric, server));
        }

        long[] snapshot()
        {
            return new long[] { client.uplink(), client.downlink(), server.downlink(), server.uplink() };
        }
    }

    private WireRatioMeasurement()
    {
    }

    /**
     * The whole measurement: a two-host in-memory fabric at {@code lineRateGbps}, 8- and 64-byte READs and WRITEs,
     * each compared over EDM and RoCE ({@link #compare}) for about {@code seconds} per system.
     *
     * @param progress receives a line per finished run.
     */
    public static List<Row> measureInMemory(
        final double lineRateGbps,
        final double seconds,
        final int depth,
        final Consumer<String> progress)
    {
        final RackDescription rack = rack();
        final FabricSettings settings = settings(lineRateGbps);
        final RoceBaselineOptions roceOptions = roceOptions(depth);
        final List<Row> rows = new ArrayList<>();
        try (LocalFabric fabric = LocalFabric.inMemory(rack, settings, FabricOptions.defaults()
            .withEndpoints(RoceBaseline.endpoints(rack, roceOptions)), line -> { }))
        {
            final Links links = Links.of(fabric, CLIENT, SERVER);
            try (BenchTransport edm = new EdmSessionTransport(fabric, CLIENT, SERVER, depth, 4096, fabric::runOnce);
                RoceTransport roce = RoceBaseline.transport(fabric, CLIENT, SERVER, fabric::runOnce))
            {
                for (final Comparison predicted : WireBytePrediction.standardRows(settings.framing(),
                    settings.chunkBytes(), roceOptions.mtu(), roceOptions.ackCoalesce()))
                {
                    final Row row = compare(predicted, edm, roce, links, depth, seconds, ROUNDS);
                    rows.add(row);
                    progress.accept(String.format(Locale.ROOT, "%s %d: edm %.0f/s (%.0f%% of the line), roce " +
                        "%.0f/s (%.0f%%), ratio %.2f, predicted %.2f", WireBytePrediction.operationName(
                        predicted.operation()), predicted.size(), row.edm().operationsPerSecond(),
                        100 * row.edm().utilization(lineRateGbps), row.roce().operationsPerSecond(),
                        100 * row.roce().utilization(lineRateGbps), row.measuredRatio(), predicted.ratio()));
                }
                long carrierDrops = 0;
                for (int port = 0; port < rack.hosts().size(); port++)
                {
                    carrierDrops += fabric.switchAgent().link(port).blocksDropped();
                }
                for (final var host : fabric.hosts().values())
                {
                    carrierDrops += host.link().blocksDropped();
                }
                progress.accept("frames the switch dropped (egress queue full): " +
                    fabric.switchAgent().ports().l2().dropsFull() + "; blocks the cables dropped (no TX room after " +
                    "the thread was away): " + carrierDrops + "; RoCE packets retransmitted: " +
                    RoceBaseline.endpointOf(fabric, CLIENT).packetsRetransmitted() + " (" +
                    RoceBaseline.endpointOf(fabric, CLIENT).timeouts() + " timeouts)");
            }
        }
        return rows;
    }

    /**
     * The fabric of the measurement: EDM's release threshold (in-flight granted bytes below which a receiver's circuit
     * is handed on) is one bandwidth-delay product of {@link #ASSUMED_ROUND_TRIP_SECONDS}, the software round trip of
     * a whole rack run by one thread on a shared CPU, so that the scheduler keeps the link busy across it, as the
     * hardware's threshold covers its own round trip.
     */
    static FabricSettings settings(final double lineRateGbps)
    {
        final FabricSettings base = FabricSettings.defaults().withRegionBytes(REGION_BYTES).withLineRate(lineRateGbps);
        final int release = (int)Math.min(1 << 20, lineRateGbps * 1e9 / 8 * ASSUMED_ROUND_TRIP_SECONDS);
        return new FabricSettings(base.framing(), base.lineRateGbps(), base.chunkBytes(), release,
            base.maxChunksPerMessage(), base.matcher(), base.hostOrder(), base.timeoutMicros(), base.regionKey(),
            base.regionBytes(), false, base.carrierHoldMicros());
    }

    /**
     * RoCE with enough queue pairs that {@code depth} READs can be on the wire at once (16 per queue pair), 24 frames
     * in the host's MAC queue to keep the link busy while the thread is away (not more: a burst the host sends when it
     * catches up must fit the switch's 64-frame egress queue, or frames are dropped and go-back-N resends), and a
     * timeout far above the queueing delay of {@code depth} operations on a slow link (a NIC's is tens of milliseconds
     * and more).
     */
    static RoceBaselineOptions roceOptions(final int depth)
    {
        final RoceBaselineOptions defaults = RoceBaselineOptions.defaults();
        return defaults.withOutstanding(depth).withMaxMessageBytes(4096)
            .withQueuePairs(Math.max(1, Math.min(64, depth / defaults.maxOutstandingReads())))
            .withTxQueueFrames(24)
            .withTimeoutNanos(500_000_000L);
    }

    /**
     * Compares EDM and RoCE on one operation and size: a warm-up of each, then {@code rounds} windows of each taken
     * in turn, so that whatever else the machine runs meanwhile slows both alike; the windows' operations and wire
     * bytes are summed per system.
     */
    public static Row compare(
        final Comparison predicted,
        final BenchTransport edm,
        final BenchTransport roce,
        final Links links,
        final int depth,
        final double seconds,
        final int rounds)
    {
        final double window = seconds / rounds;
        run("edm", edm, links, predicted.operation(), predicted.size(), depth, WARM_UP_SECONDS, 0);
        run("roce", roce, links, predicted.operation(), predicted.size(), depth, WARM_UP_SECONDS, 0);
        Measured edmSum = null;
        Measured roceSum = null;
        for (int round = 0; round < rounds; round++)
        {
            edmSum = sum(edmSum, run("edm", edm, links, predicted.operation(), predicted.size(), depth,
                REFILL_SECONDS, window));
            roceSum = sum(roceSum, run("roce", roce, links, predicted.operation(), predicted.size(), depth,
                REFILL_SECONDS, window));
        }
        return new Row(predicted, edmSum, roceSum);
    }

    private static Measured sum(final Measured total, final Measured run)
    {
        if (total == null)
        {
            return run;
        }
        final long operations = total.operations() + run.operations();
        final double per = Math.max(1, operations);
        final LinkBytes a = total.wirePerOperation();
        final LinkBytes b = run.wirePerOperation();
        final long n = total.operations();
        final long m = run.operations();
        return new Measured(total.system(), operations, total.errors() + run.errors(), total.seconds() + run.seconds(),
            new LinkBytes((a.clientUp() * n + b.clientUp() * m) / per, (a.clientDown() * n + b.clientDown() * m) / per,
                (a.serverDown() * n + b.serverDown() * m) / per, (a.serverUp() * n + b.serverUp() * m) / per));
    }

    /**
     * Runs one closed loop: {@code depth} operations of {@code size} bytes outstanding (at most the transport's),
     * addresses walking the region, a warm-up, then a timed window. {@link BenchTransport#poll} must run the agents.
     */
    public static Measured run(
        final String system,
        final BenchTransport transport,
        final Links links,
        final int operation,
        final int size,
        final int depth,
        final double warmUpSeconds,
        final double seconds)
    {
        final ClosedLoop loop = new ClosedLoop(transport, operation, size, Math.min(depth, transport.maxOutstanding()));
        loop.runFor(warmUpSeconds);
        final long[] before = links.snapshot();
        final long completedBefore = loop.completed;
        final long errorsBefore = loop.errors;
        final long start = System.nanoTime();
        loop.runFor(seconds);
        final double elapsed = (System.nanoTime() - start) / 1e9;
        final long[] after = links.snapshot();
        final long operations = loop.completed - completedBefore;
        loop.drain(2);
        final double per = Math.max(1, operations);
        return new Measured(system, operations, loop.errors - errorsBefore, elapsed, new LinkBytes(
            (after[0] - before[0]) / per, (after[1] - before[1]) / per, (after[2] - before[2]) / per,
            (after[3] - before[3]) / per));
    }

    /** The measurement's results as a text table. */
    public static String table(final List<Row> rows, final double lineRateGbps)
    {
        final StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-6s %5s %-5s %10s %6s %9s %9s %9s %11s %8s %9s %10s%n", "op",
            "bytes", "sys", "ops/s", "errors", "wire B/op", "predicted", "busiest", "utilization", "ratio", "predicted",
            "deviation"));
        for (final Row row : rows)
        {
            line(out, row, row.edm(), row.predicted().edm(), lineRateGbps, "", "", "");
            line(out, row, row.roce(), row.predicted().roce(), lineRateGbps,
                String.format(Locale.ROOT, "%.2fx", row.measuredRatio()),
                String.format(Locale.ROOT, "%.2fx", row.predicted().ratio()),
                String.format(Locale.ROOT, "%+.1f%%", 100 * row.deviation()) +
                    (row.linkBound(lineRateGbps) ? "" : " (not link-bound)"));
        }
        out.append(String.format(Locale.ROOT, "line rate %s Gb/s; wire B/op: the busiest link direction's bytes per " +
            "operation, counted / predicted; ratio: EDM ops/s over RoCE ops/s.%nA row below %.0f%% utilization was " +
            "limited by the software, not the link (a busy machine): lower --line-rate or rerun when it is idle.%n",
            lineRateGbps, 100 * LINK_BOUND));
        return out.toString();
    }

    private static void line(final StringBuilder out, final Row row, final Measured measured, final LinkBytes predicted,
        final double lineRateGbps, final String ratio, final String predictedRatio, final String deviation)
    {
        out.append(String.format(Locale.ROOT, "%-6s %5d %-5s %10.0f %6d %9.1f %9.0f %9s %10.1f%% %8s %9s %10s%n",
            WireBytePrediction.operationName(row.predicted().operation()), row.predicted().size(), measured.system(),
            measured.operationsPerSecond(), measured.errors(), measured.wirePerOperation().bottleneck(),
            predicted.bottleneck(),
            busiest(measured.wirePerOperation()), 100 * measured.utilization(lineRateGbps), ratio, predictedRatio,
            deviation));
    }

    private static String busiest(final LinkBytes bytes)
    {
        final double max = bytes.bottleneck();
        return max == bytes.clientUp() ? "client-up" : max == bytes.clientDown() ? "client-dn" :
            max == bytes.serverDown() ? "server-dn" : "server-up";
    }

    /** Two hosts: h0 computes, h1 serves memory. */
    static RackDescription rack()
    {
        return new RackDescription("wire", RackDescription.Kind.LOCAL, RackDescription.State.UP, List.of(
            new RackDescription.Host(CLIENT, 0, RackDescription.Role.COMPUTE, null, null, "eth0", "02:ed:00:00:00:00"),
            new RackDescription.Host(SERVER, 1, RackDescription.Role.MEMORY, null, null, "eth0", "02:ed:00:00:00:01")),
            new RackDescription.Switch("sw", null, null, List.of(
                new RackDescription.SwitchPort("p0", "02:ed:00:01:00:00", CLIENT),
                new RackDescription.SwitchPort("p1", "02:ed:00:01:00:01", SERVER))));
    }

    /** Keeps {@code depth} operations outstanding, resubmitting as they complete. */
    private static final class ClosedLoop
    {
        private final BenchTransport transport;
        private final int operation;
        private final int size;
        private final int depth;
        private final long addresses;
        private final BenchTransport.Completions onComplete = this::onComplete;
        private long next;
        private long completed;
        private long errors;

        ClosedLoop(final BenchTransport transport, final int operation, final int size, final int depth)
        {
            this.transport = transport;
            this.operation = operation;
            this.size = size;
            this.depth = depth;
            this.addresses = Math.max(1, transport.regionBytes() / 64 - size / 64 - 1);
        }

        void runFor(final double seconds)
        {
            final long end = System.nanoTime() + (long)(seconds * 1e9);
            while (System.nanoTime() < end)
            {
                while (transport.outstanding() < depth &&
                    transport.submit(operation, (next % addresses) * 64, size, next) == 0)
                {
                    next++;
                }
                transport.poll(onComplete);
            }
        }

        void drain(final double seconds)
        {
            final long end = System.nanoTime() + (long)(seconds * 1e9);
            while (transport.outstanding() > 0 && System.nanoTime() < end)
            {
                transport.poll(onComplete);
            }
        }

        private void onComplete(final long token, final int status, final long nowNanos)
        {
            completed++;
            errors += status == 0 ? 0 : 1;
        }
    }
}
