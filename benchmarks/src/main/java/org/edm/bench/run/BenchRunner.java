package org.edm.bench.run;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.frames.CompositeFrameEndpoint;
import org.edm.bench.frames.FrameLoadEndpoint;
import org.edm.bench.frames.FrameSink;
import org.edm.bench.harness.BenchTransport;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.Banner;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricOptions;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link BenchPlan}: for each baseline, builds the fabric with the endpoints the baseline and the load need,
 * opens a client transport per issuing host, then for each size warms up, measures and drains, and returns one
 * {@link RunResult} per baseline and size. Everything runs on the caller's thread: each pass of the loop submits what
 * is due, runs every agent's duty cycle once ({@link BenchFabric#runOnce()}) and collects completions; after a
 * thousand passes in a row that did nothing, each idle pass yields the CPU (the machine is shared; spinning first keeps
 * the wake-up fast). This is the programmatic API behind {@code edm bench} (the CLI only parses and prints).
 * <pre>
 *   per baseline:  fabric up -> transports -> banner
 *     per size:    background writers start (closed loop, recorded by completion time)
 *                  warm-up:  each client's warm-up operations (and the warm-up time), not recorded; drain
 *                  measure:  each client's n operations (or -D seconds), recorded; t0 = first post, t1 = last completion
 *                  drain:    background writers stop; wait until nothing is in flight
 *   bounded:       a phase longer than max seconds, or no completion for twice the timeout plus 2 s, is an error
 * </pre>
 */
public final class BenchRunner
{
    private static final long PROGRESS_NANOS = 100_000_000L;
    private static final long STALL_GRACE_NANOS = 2_000_000_000L;
    /** Idle passes spent spinning before the loop starts yielding the CPU on idle passes. */
    private static final int IDLE_SPINS = 1000;

    private final BaselineRegistry registry;

    public BenchRunner(final BaselineRegistry registry)
    {
        this.registry = registry;
    }

    /**
     * Checks that {@code plan} can run on its rack (hosts enough for the load, sizes the region can hold) without
     * running it; throws naming the option that cannot be met.
     */
    public static void validate(final BenchPlan plan)
    {
        RunLayout.of(plan, line -> { });
    }

    /** Runs the plan; returns the results in order (baselines that cannot run here are skipped, and said so). */
    public List<RunResult> run(final BenchPlan plan, final BenchListener listener)
    {
        final RunLayout layout = RunLayout.of(plan, listener::note);
        for (final String name : plan.baselines())
        {
            registry.create(name);
        }
        final List<RunResult> results = new ArrayList<>();
        final Progress progress = new Progress(listener, plan.baselines().size() * layout.sizes().size());
        for (final String name : plan.baselines())
        {
            final Baseline baseline = registry.create(name);
            final boolean writers = !layout.roles().bulkWriters().isEmpty();
            final BaselineSetup setup = new BaselineSetup(layout.rack(), layout.roles(), plan.settings(),
                layout.wholeRack(), layout.inMemory(), plan.options().ports().mtu(),
                Math.max(plan.txDepth(), writers ? plan.load().bulkDepth() : 1),
                Math.max(layout.sizes().getLast(), writers ? plan.load().bulkSize() : 1));
            final String reason = baseline instanceof ExternalBaseline external ? external.unavailable(plan) :
                baseline.unavailable(setup);
            if (reason != null)
            {
                listener.baselineSkipped(name, reason);
                progress.skip(layout.sizes().size());
                continue;
            }
            if (baseline instanceof ExternalBaseline external)
            {
                listener.note(name + ": running " + external.transportType() + "; its own output follows its results");
                final List<RunResult> externalResults = external.run(plan, layout.sizes(), listener);
                externalResults.forEach(listener::result);
                results.addAll(externalResults);
                progress.skip(layout.sizes().size());
                continue;
            }
            results.addAll(new BaselineRun(plan, layout, baseline, setup, listener, progress).run());
        }
        return results;
    }

    /** The runs of one baseline on its own fabric. */
    private static final class BaselineRun
    {
        private final BenchPlan plan;
        private final RunLayout layout;
        private final Baseline baseline;
        private final BaselineSetup setup;
        private final BenchListener listener;
        private final Progress progress;
        private final ClassRecorder readClass = new ClassRecorder("read");
        private final ClassRecorder writeClass = new ClassRecorder("write");
        private final ClassRecorder bulkClass = new ClassRecorder("background-write");
        private final ClassRecorder frameClass = new ClassRecorder("frames");
        private final long timeoutNanos;
        private ClientLoop[] clients = new ClientLoop[0];
        private ClientLoop[] writers = new ClientLoop[0];
        private ClientLoop[] all = new ClientLoop[0];
        private BenchFabric fabric;
        private String what = "";
        private long collections;

        BaselineRun(
            final BenchPlan plan, final RunLayout layout, final Baseline baseline, final BaselineSetup setup,
            final BenchListener listener, final Progress progress)
        {
            this.plan = plan;
            this.layout = layout;
            this.baseline = baseline;
            this.setup = setup;
            this.listener = listener;
            this.progress = progress;
            this.timeoutNanos = plan.settings().timeoutMicros() * 1000;
        }

        List<RunResult> run()
        {
            final Map<String, FrameEndpoint> endpoints = endpoints();
            final FabricOptions options = baseline.options(plan.options().withEndpoints(host ->
                endpoints.getOrDefault(host, FrameEndpoint.NONE)), setup);
            final RackChoice choice = plan.rack();
            try
            {
                fabric = layout.wholeRack() ?
                    BenchFabric.embedded(layout.rack(), layout.inMemory(), plan.settings(), options, listener::note) :
                    BenchFabric.labHost(layout.rack(), choice.labHost(), plan.settings(), options,
                        endpoints.getOrDefault(choice.labHost(), FrameEndpoint.NONE));
            }
            catch (final RuntimeException e)
            {
                endpoints.values().forEach(FrameEndpoint::close);
                throw e;
            }
            final List<BenchTransport> transports = new ArrayList<>();
            try
            {
                openLoops(transports);
                listener.baselineStarted(baseline.name(), banner());
                final List<RunResult> results = new ArrayList<>();
                for (final int size : layout.sizes())
                {
                    final RunResult result = measure(size);
                    results.add(result);
                    listener.result(result);
                    progress.runDone();
                }
                listener.baselineFinished(baseline.name());
                listener.note(baseline.name() + ": " + collections + " garbage collection(s) during the measured " +
                    "intervals");
                return results;
            }
            finally
            {
                transports.forEach(BenchTransport::close);
                fabric.close();
            }
        }

        /** Each host's frame endpoint: the baseline's, plus the background frames' source or sinks. */
        private Map<String, FrameEndpoint> endpoints()
        {
            final Map<String, FrameEndpoint> endpoints = new HashMap<>();
            try
            {
                addEndpoints(endpoints);
            }
            catch (final RuntimeException e)
            {
                // a baseline may hold devices already (TAP interfaces): release them before saying why
                endpoints.values().forEach(FrameEndpoint::close);
                throw e;
            }
            return endpoints;
        }

        private void addEndpoints(final Map<String, FrameEndpoint> endpoints)
        {
            final HostRoles roles = layout.roles();
            for (final var host : layout.rack().hosts())
            {
                final String name = host.name();
                if (!layout.wholeRack() && !name.equals(plan.rack().labHost()))
                {
                    continue;
                }
                FrameEndpoint load = FrameEndpoint.NONE;
                if (plan.load().frames())
                {
                    if (name.equals(roles.frameHost()))
                    {
                        load = new FrameLoadEndpoint(setup.mac(name), new long[] { setup.mac(roles.memory()),
                            setup.mac(roles.clients().getFirst()) }, plan.load().frameSize(), plan.load().frameShare(),
                            plan.settings().lineRateGbps());
                    }
                    else if (name.equals(roles.memory()) || name.equals(roles.clients().getFirst()))
                    {
                        load = new FrameSink(setup.mac(name), (length, latency, now) ->
                        {
                            if (frameClass.recording())
                            {
                                frameClass.record(latency, length, true, now);
                            }
                        });
                    }
                }
                endpoints.put(name, CompositeFrameEndpoint.of(baseline.endpoint(name, setup), load));
            }
        }

        private void openLoops(final List<BenchTransport> transports)
        {
            final BaselineContext context = new BaselineContext(fabric, setup, BaselineContext.RUNNER_DRIVES,
                timeoutNanos);
            final int largest = layout.sizes().getLast();
            final List<String> clientHosts = layout.roles().clients();
            clients = new ClientLoop[clientHosts.size()];
            for (int i = 0; i < clients.length; i++)
            {
                final BenchTransport transport = baseline.open(context, clientHosts.get(i), plan.txDepth(), largest);
                transports.add(transport);
                clients[i] = new ClientLoop(transport, clientHosts.get(i), plan.txDepth(), plan.seed() + i);
            }
            final List<String> writerHosts = layout.roles().bulkWriters();
            writers = new ClientLoop[writerHosts.size()];
            for (int i = 0; i < writers.length; i++)
            {
                final BenchTransport transport = baseline.open(context, writerHosts.get(i), plan.load().bulkDepth(),
                    plan.load().bulkSize());
                transports.add(transport);
                writers[i] = new ClientLoop(transport, writerHosts.get(i), plan.load().bulkDepth(), plan.seed() + 1000 + i);
            }
            all = new ClientLoop[clients.length + writers.length];
            System.arraycopy(clients, 0, all, 0, clients.length);
            System.arraycopy(writers, 0, all, clients.length, writers.length);
        }

        private RunResult measure(final int size)
        {
            final BenchTest test = plan.test();
            final LoadSpec load = plan.load();
            what = baseline.name() + " " + test.label() + " " + size + " B";
            // the peak's window: two depths of completions (64 at least), a quarter of a short run at most
            final int window = (int)Math.max(1, Math.min(Math.max(64, 2L * plan.txDepth()),
                plan.durationMode() ? Integer.MAX_VALUE : plan.iterations() * clients.length / 4));
            for (final ClassRecorder recorder : new ClassRecorder[] { readClass, writeClass, bulkClass, frameClass })
            {
                recorder.reset(window);
            }
            for (int i = 0; i < clients.length; i++)
            {
                clients[i].configure(size, plan.txDepth(), test.operation(), readClass, writeClass, load.readRatio(),
                    layout.base(i), layout.span(), plan.rate(), false);
                clients[i].stagger(i, clients.length);
            }
            for (int i = 0; i < writers.length; i++)
            {
                writers[i].configure(load.bulkSize(), load.bulkDepth(), BenchTransport.WRITE, bulkClass, bulkClass,
                    LoadSpec.PURE, layout.base(clients.length + i), layout.span(), 0, true);
            }
            final long begin = System.nanoTime();
            for (final ClientLoop writer : writers)
            {
                writer.start(begin, Long.MAX_VALUE, false);
            }
            final boolean timed = plan.warmupSeconds() > 0;
            for (final ClientLoop client : clients)
            {
                client.start(begin, timed ? Long.MAX_VALUE : plan.warmupIterations(), false);
            }
            if (timed)
            {
                final long warmEnd = begin + (long)(plan.warmupSeconds() * 1e9);
                pumpUntil(() -> System.nanoTime() - warmEnd >= 0 && clientsCompleted(plan.warmupIterations()),
                    "warm-up", 0);
                for (final ClientLoop client : clients)
                {
                    client.stopSubmitting();
                }
            }
            pumpUntil(this::clientsDone, "warm-up", 0);

            bulkClass.recording(true);
            frameClass.recording(true);
            final long[] wireBefore = wireBytes();
            final long collectionsBefore = collectionCount();
            final long t0 = System.nanoTime();
            for (final ClientLoop client : clients)
            {
                client.start(t0, plan.durationMode() ? Long.MAX_VALUE : plan.iterations(), true);
            }
            final long end = t0 + (long)(plan.durationSeconds() * 1e9);
            if (plan.durationMode())
            {
                pumpUntil(() -> System.nanoTime() - end >= 0, "measurement", t0);
                for (final ClientLoop client : clients)
                {
                    client.stopSubmitting();
                }
            }
            pumpUntil(this::clientsDone, "measurement", t0);
            // -D: the clients offered load for the whole duration, even when the last completion's timestamp (taken by
            // the transport before the clock passed the end) falls a few nanoseconds short of it
            long t1 = plan.durationMode() ? end : t0;
            for (final ClientLoop client : clients)
            {
                t1 = Math.max(t1, client.lastCompletion());
            }
            final long tEnd = System.nanoTime();
            collections += collectionCount() - collectionsBefore;
            bulkClass.recording(false);
            frameClass.recording(false);
            final long[] wireAfter = wireBytes();
            for (final ClientLoop writer : writers)
            {
                writer.stopSubmitting();
            }
            pumpUntil(this::allDone, "drain", 0);

            long clientWire = 0;
            long writerWire = 0;
            for (int i = 0; i < all.length; i++)
            {
                if (i < clients.length)
                {
                    clientWire += wireAfter[i] - wireBefore[i];
                }
                else
                {
                    writerWire += wireAfter[i] - wireBefore[i];
                }
            }
            final double measuredSeconds = (t1 - t0) / 1e9;
            final double windowSeconds = (tEnd - t0) / 1e9;
            final ClassRecorder measured = test.operation() == BenchTransport.READ ? readClass : writeClass;
            final ClassRecorder other = measured == readClass ? writeClass : readClass;
            measured.addWireBytes(clientWire);
            final List<ClassResult> classes = new ArrayList<>();
            classes.add(measured.result(measuredSeconds));
            if (load.mixed())
            {
                classes.add(other.result(measuredSeconds));
            }
            if (writers.length > 0)
            {
                bulkClass.addWireBytes(writerWire);
                classes.add(bulkClass.result(windowSeconds));
            }
            if (load.frames())
            {
                classes.add(frameClass.result(windowSeconds));
            }
            return new RunResult(baseline.name(), test.label(), loadLabel(), plan.rate() * clients.length, size,
                plan.settings().lineRateGbps(), fabric.cables(), classes);
        }

        /** Garbage collections of every collector so far (a control-plane call: it allocates). */
        private static long collectionCount()
        {
            long count = 0;
            for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
            {
                count += Math.max(0, collector.getCollectionCount());
            }
            return count;
        }

        private long[] wireBytes()
        {
            final long[] bytes = new long[all.length];
            for (int i = 0; i < all.length; i++)
            {
                bytes[i] = all[i].transport().wireBytes();
            }
            return bytes;
        }

        private boolean clientsDone()
        {
            for (final ClientLoop client : clients)
            {
                if (!client.phaseDone())
                {
                    return false;
                }
            }
            return true;
        }

        private boolean clientsCompleted(final long operations)
        {
            for (final ClientLoop client : clients)
            {
                if (client.completed() < operations)
                {
                    return false;
                }
            }
            return true;
        }

        private boolean allDone()
        {
            for (final ClientLoop loop : all)
            {
                if (!loop.phaseDone())
                {
                    return false;
                }
            }
            return true;
        }

        /**
         * Runs loop passes until {@code done}; throws when the phase outlasts the plan's bound or nothing completes
         * for twice the timeout plus a grace period while operations are in flight.
         *
         * @param measureStart the measurement's start (for progress), or 0 outside the measurement.
         */
        private void pumpUntil(final BooleanSupplier done, final String phase, final long measureStart)
        {
            final long start = System.nanoTime();
            final long deadline = start + (long)(plan.maxSeconds() * 1e9);
            final long stallNanos = 2 * timeoutNanos + STALL_GRACE_NANOS;
            long lastCompleted = completedSoFar();
            long lastChange = start;
            long nextProgress = start;
            int idle = 0;
            while (!done.getAsBoolean())
            {
                final long now = System.nanoTime();
                int work = 0;
                for (final ClientLoop loop : all)
                {
                    work += loop.submitDue(now);
                }
                work += fabric.runOnce();
                for (final ClientLoop loop : all)
                {
                    work += loop.poll();
                    if (loop.refusedAsUnsupported())
                    {
                        throw new IllegalStateException(what + ": " + baseline.name() + " refused an operation of " +
                            "host " + loop.host() + " as one it cannot carry");
                    }
                }
                if (now - nextProgress >= 0)
                {
                    final long completed = completedSoFar();
                    if (completed != lastCompleted || inFlight() == 0)
                    {
                        lastCompleted = completed;
                        lastChange = now;
                    }
                    else if (now - lastChange > stallNanos)
                    {
                        throw new IllegalStateException(what + ", " + phase + ": no operation completed for " +
                            (now - lastChange) / 1_000_000 + " ms with " + inFlight() + " in flight; the fabric " +
                            "seems stuck");
                    }
                    if (now - deadline > 0)
                    {
                        throw new IllegalStateException(what + ", " + phase + ": longer than " + plan.maxSeconds() +
                            " s (--max-seconds)");
                    }
                    progress.report(measureStart == 0 ? 0 : measuredFraction(now, measureStart), now, what);
                    nextProgress = now + PROGRESS_NANOS;
                }
                if (work > 0)
                {
                    idle = 0;
                }
                else if (++idle > IDLE_SPINS)
                {
                    Thread.yield();
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
        }

        private double measuredFraction(final long now, final long measureStart)
        {
            if (plan.durationMode())
            {
                return Math.min(1, (now - measureStart) / (plan.durationSeconds() * 1e9));
            }
            long completed = 0;
            for (final ClientLoop client : clients)
            {
                completed += client.completed();
            }
            return Math.min(1, completed / (double)(plan.iterations() * clients.length));
        }

        private long completedSoFar()
        {
            long completed = 0;
            for (final ClientLoop loop : all)
            {
                completed += loop.completed();
            }
            return completed;
        }

        private int inFlight()
        {
            int count = 0;
            for (final ClientLoop loop : all)
            {
                count += loop.inFlight();
            }
            return count;
        }

        private String loadLabel()
        {
            if (!plan.openLoop())
            {
                return plan.load().label();
            }
            final String rate = String.format(Locale.ROOT, "open-loop %.0f/s", plan.rate() * clients.length);
            return plan.load().isUnloaded() ? rate : plan.load().label() + "+" + rate;
        }

        private Banner banner()
        {
            final BenchTest test = plan.test();
            final HostRoles roles = layout.roles();
            final String clientList = roles.clients().size() == 1 ? roles.clients().getFirst() :
                roles.clients().size() + " clients " + roles.clients().getFirst() + ".." + roles.clients().getLast();
            Banner banner = Banner.titled(baseline.name().toUpperCase(Locale.ROOT) + "_" + test.title())
                .with("Device", fabric.device())
                .with("Transport type", baseline.transportType())
                .with("Clients", clientList + " -> memory node " + roles.memory() + " (node " +
                    setup.nodeId(roles.memory()) + ", region key " + plan.settings().regionKey() + ")")
                .with("TX depth", Integer.toString(plan.txDepth()))
                .with("Mtu", plan.options().ports().mtu() + "[B]")
                .with("Link type", "Ethernet")
                .with("Line rate", FabricConfiguration.rate(plan.settings().lineRateGbps()) + "[Gb/s] emulated PHY, " +
                    "framing " + plan.settings().framing().name())
                .with("Latency", "full round trip, not halved (" + (test.operation() == BenchTransport.READ ?
                    "read: request out, data back" : "write: data out, acknowledgement back") + ")")
                .with("Mode", plan.openLoop() ? String.format(Locale.ROOT, "open loop, %.0f ops/s per client, " +
                    "latency from the intended send time", plan.rate()) : "closed loop")
                .with("Load", loadLabel())
                .with("Warm-up", plan.warmupIterations() + " iterations per client" + (plan.warmupSeconds() > 0 ?
                    String.format(Locale.ROOT, " and at least %.1f s", plan.warmupSeconds()) : "") + ", not recorded");
            if (plan.load().bulkWriters() > 0)
            {
                banner = banner.with("Bulk writers", String.join(",", roles.bulkWriters()) + ": " +
                    plan.load().bulkSize() + " B writes, " + plan.load().bulkDepth() + " in flight each");
            }
            if (plan.load().frames())
            {
                banner = banner.with("Frames", roles.frameHost() + " -> " + roles.memory() + "," +
                    roles.clients().getFirst() + String.format(Locale.ROOT, ": %d B frames at %.0f%% of the line " +
                    "rate", plan.load().frameSize(), plan.load().frameShare() * 100));
            }
            banner = banner.with("Agents", "all in this thread (INVOKER), over " + fabric.cables())
                .with("Data ex. method", fabric.wholeRack() ? "in-process" : "lab rack daemons");
            final int shown = Math.min(4, roles.clients().size());
            for (int i = 0; i < shown; i++)
            {
                banner = banner.withAddress("local", address(roles.clients().get(i)));
            }
            if (shown < roles.clients().size())
            {
                banner = banner.withAddress("local", "... " + (roles.clients().size() - shown) + " more clients");
            }
            return banner.withAddress("remote", address(roles.memory()) + " region key " +
                plan.settings().regionKey());
        }

        private String address(final String host)
        {
            return "node " + setup.nodeId(host) + " (" + host + ") MAC " + layout.rack().host(host).mac();
        }
    }

    /** The plan's progress: runs done plus the fraction of the current one, reported at most ten times a second. */
    private static final class Progress
    {
        private final BenchListener listener;
        private final long start = System.nanoTime();
        private final int total;
        private int done;

        Progress(final BenchListener listener, final int total)
        {
            this.listener = listener;
            this.total = Math.max(1, total);
        }

        void skip(final int runs)
        {
            done += runs;
        }

        void runDone()
        {
            done++;
        }

        void report(final double currentFraction, final long now, final String what)
        {
            listener.progress(Math.min(1, (done + currentFraction) / total), now - start, what);
        }
    }
}
