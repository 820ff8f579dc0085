package org.edm.bench.perftest;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.PerftestReport.BandwidthRow;
import org.edm.bench.perftest.PerftestReport.DurationLatencyRow;
import org.edm.bench.perftest.PerftestReport.LatencyRow;
import org.edm.bench.perftest.PerftestReport.Row;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code edm bench --baseline perftest}: real RDMA, measured by perftest itself. Where an RDMA device exists and
 * perftest is installed, it runs the matching program (ib_read_lat for read_lat, ...) with the run's flags, the server
 * side here and the client over loopback, or the client only against a server host where the user started the server
 * side; it parses the client's output into the bench's {@link RunResult}s. Elsewhere it says why it cannot
 * ({@link RdmaAvailability}).
 * <pre>
 *   here:    ib_read_lat FLAGS &amp;   (until it prints "Waiting for client to connect")   ib_read_lat FLAGS 127.0.0.1
 *   remote:  (user, on SERVER)  ib_read_lat FLAGS                                    ib_read_lat FLAGS SERVER
 * </pre>
 * perftest's ib_write_lat prints half a ping-pong round trip; the results double it, so that a WRITE's latency is a
 * whole round trip like EDM's and the RoCE baseline's (submission to acknowledgement), and say so in the transport.
 * Control plane only: processes, threads and allocation are fine here.
 */
public final class PerftestBaseline
{
    public static final String NAME = "perftest";

    private static final long SERVER_START_MILLIS = 10_000;
    private static final String SERVER_READY = "Waiting for client";

    /**
     * What a run produced.
     *
     * @param results one per message size (empty on failure).
     * @param failure why there are none ("" when there are).
     * @param output  the client's output, for the log.
     */
    public record Outcome(List<RunResult> results, String failure, String output)
    {
        public Outcome
        {
            results = List.copyOf(results);
        }

        public boolean succeeded()
        {
            return failure.isEmpty();
        }

        static Outcome failed(final String failure, final String output)
        {
            return new Outcome(List.of(), failure, output);
        }
    }

    private PerftestBaseline()
    {
    }

    /** Runs {@code invocation} on this machine, or says why it cannot. */
    public static Outcome run(final PerftestInvocation invocation, final Duration timeout)
    {
        final RdmaAvailability availability = RdmaAvailability.probe(invocation.program(), invocation.device());
        if (!availability.available())
        {
            return Outcome.failed(availability.reason(), "");
        }
        return run(invocation, availability.program(), timeout);
    }

    /** Runs {@code invocation} with the program at {@code program} (availability already checked). */
    static Outcome run(final PerftestInvocation invocation, final Path program, final Duration timeout)
    {
        final long deadline = System.nanoTime() + timeout.toNanos();
        Process server = null;
        final OutputCollector serverOutput = new OutputCollector();
        try
        {
            final String serverAddress;
            if (invocation.server() == null)
            {
                server = new ProcessBuilder(invocation.serverCommand(program.toString())).redirectErrorStream(true)
                    .start();
                serverOutput.start(server);
                if (!awaitListening(server, serverOutput, invocation.port(),
                    Math.min(SERVER_START_MILLIS, remainingMillis(deadline))))
                {
                    serverOutput.awaitEnd(1_000);
                    return Outcome.failed("the perftest server did not start: " +
                        excerpt(serverOutput.text()), serverOutput.text());
                }
                serverAddress = "127.0.0.1";
            }
            else
            {
                serverAddress = invocation.server();
            }
            final Process client = new ProcessBuilder(invocation.clientCommand(program.toString(), serverAddress))
                .redirectErrorStream(true).start();
            final OutputCollector clientOutput = new OutputCollector();
            clientOutput.start(client);
            if (!client.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS))
            {
                client.destroyForcibly();
                return Outcome.failed("perftest did not finish within " + timeout.toSeconds() + " s",
                    clientOutput.text());
            }
            clientOutput.awaitEnd(1_000);
            final String output = clientOutput.text();
            if (client.exitValue() != 0)
            {
                return Outcome.failed(invocation.program() + " failed (exit " + client.exitValue() + "): " +
                    excerpt(output), output);
            }
            final PerftestReport report;
            try
            {
                report = PerftestOutputParser.parseText(output);
            }
            catch (final IllegalArgumentException e)
            {
                return Outcome.failed("could not read " + invocation.program() + "'s output: " + e.getMessage(),
                    output);
            }
            return new Outcome(toRunResults(invocation, report), "", output);
        }
        catch (final IOException e)
        {
            return Outcome.failed("could not start " + program + ": " + e.getMessage(), serverOutput.text());
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted", serverOutput.text());
        }
        finally
        {
            if (server != null && server.isAlive())
            {
                server.destroy();
            }
        }
    }

    /** The bench's results for a parsed report: one per row (message size). */
    public static List<RunResult> toRunResults(final PerftestInvocation invocation, final PerftestReport report)
    {
        final boolean doubled = invocation.latency() && report.halvesRoundTrips();
        final String device = report.settings().getOrDefault("Device",
            invocation.device() == null ? "?" : invocation.device());
        final String transport = "RDMA device " + device + " (" +
            report.settings().getOrDefault("Link type", report.settings().getOrDefault("Link_type", "?")) +
            ", perftest" + (doubled ? "; latency doubled from its half round trip" : "") + ")";
        final List<RunResult> results = new ArrayList<>();
        for (final Row row : report.rows())
        {
            results.add(new RunResult(NAME, invocation.test(), "unloaded", 0, (int)row.bytes(), 0, transport,
                List.of(classResult(invocation.operation(), row, doubled ? 2 : 1))));
        }
        return results;
    }

    private static ClassResult classResult(final String operation, final Row row, final double factor)
    {
        final long bytes = row.bytes() * row.iterations();
        return switch (row)
        {
            case LatencyRow latency -> new ClassResult(operation, LatencyHistograms.of(latency, factor),
                latency.iterations(), 0, bytes, latency.iterations() * latency.averageMicros() * factor / 1e6, 0);
            case DurationLatencyRow duration -> new ClassResult(operation,
                LatencyHistograms.constant(duration.averageMicros() * factor, duration.iterations()),
                duration.iterations(), 0, bytes, duration.iterations() / duration.transactionsPerSecond(), 0);
            case BandwidthRow bandwidth -> new ClassResult(operation, new Histogram(3), bandwidth.iterations(), 0,
                bytes, bytes / bandwidth.averageBytesPerSecond(), 0);
        };
    }

    /**
     * Waits until the server listens: it says so ("Waiting for client to connect"; stdout to a pipe may hold that
     * line back) or the kernel lists its control port as listening. False when it ended first or took too long.
     */
    private static boolean awaitListening(
        final Process server, final OutputCollector output, final int port, final long millis)
        throws InterruptedException
    {
        final long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end)
        {
            if (!server.isAlive())
            {
                return false;
            }
            if (output.awaitReady(20) || ListeningPorts.isListening(port))
            {
                return server.isAlive();
            }
        }
        return false;
    }

    private static long remainingMillis(final long deadline)
    {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static String excerpt(final String output)
    {
        final String text = output.strip().replaceAll("\\s*\\n\\s*", " / ");
        return text.isEmpty() ? "(no output)" : text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Reads a process's output on a thread of its own, noticing perftest's "Waiting for client" line. */
    private static final class OutputCollector
    {
        private final StringBuffer text = new StringBuffer();
        private final CountDownLatch ready = new CountDownLatch(1);
        private final CountDownLatch ended = new CountDownLatch(1);

        void start(final Process process)
        {
            Thread.ofPlatform().daemon().name("perftest-output").start(() ->
            {
                try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
                {
                    String line;
                    while ((line = reader.readLine()) != null)
                    {
                        text.append(line).append('\n');
                        if (line.contains(SERVER_READY))
                        {
                            ready.countDown();
                        }
                    }
                }
                catch (final IOException e)
                {
                    text.append("(output unreadable: ").append(e.getMessage()).append(")\n");
                }
                finally
                {
                    ended.countDown();
                    ready.countDown();
                }
            });
        }

        /** True when the server is waiting for its client; false when it ended first or did not say so in time. */
        boolean awaitReady(final long millis) throws InterruptedException
        {
            return ready.await(millis, TimeUnit.MILLISECONDS) && ended.getCount() > 0;
        }

        void awaitEnd(final long millis) throws InterruptedException
        {
            ended.await(millis, TimeUnit.MILLISECONDS);
        }

        String text()
        {
            return text.toString();
        }
    }
}
