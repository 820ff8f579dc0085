package org.edm.bench.floor;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.edm.nativeio.FrameHandler;
import org.edm.nativeio.FramePort;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code edm floor pingpong}: the raw-frame round trip every EDM latency is judged against. Host 0 sends one frame,
 * waits for its echo, records the round trip in an HdrHistogram, and starts the next. Switched: through a forwarder in
 * the switch namespace to host 1 and back, the forwarder and the echo sharing one thread; direct: the echo sits on the
 * switch port. Two busy threads in all, as this two-core machine allows.
 */
@Command(name = "pingpong", mixinStandardHelpOptions = true,
    description = "Raw-frame ping-pong: host 0 -> switch forwarder -> host 1 and back (or direct host 0 <-> switch " +
        "port), HdrHistogram percentiles of the round trip.")
public final class PingPongCommand implements Runnable
{
    @CommandLine.Mixin
    FloorOptions floor = new FloorOptions();

    @Option(names = "--direct", description = "Echo on the switch port instead of through the forwarder to host 1.")
    boolean direct;

    @Option(names = "--count", defaultValue = "200000", description = "Measured round trips; default ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--warmup", defaultValue = "20000", description = "Round trips before measuring; default ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--loss-timeout-ms", defaultValue = "100",
        description = "A round trip without an answer after this long counts as lost; default ${DEFAULT-VALUE}.")
    long lossTimeoutMs;

    @Option(names = "--max-seconds", defaultValue = "120", description = "Stop after this long whatever the count; default ${DEFAULT-VALUE}.")
    long maxSeconds;

    @Option(names = "--hgrm", description = "Also write the percentile distribution to this file.")
    Path hgrm;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        final PrintStream out = System.out;
        final Result result = measure(out::println);
        out.println(result.describe());
        result.histogram.outputPercentileDistribution(out, 1000.0);
        if (hgrm != null)
        {
            try (PrintStream file = new PrintStream(new FileOutputStream(hgrm.toFile())))
            {
                result.histogram.outputPercentileDistribution(file, 1000.0);
            }
            catch (final IOException e)
            {
                throw new IllegalArgumentException("cannot write " + hgrm + ": " + e.getMessage(), e);
            }
        }
    }

    /** What one run measured. */
    record Result(String conditions, Histogram histogram, long lost, long measured, long elapsedNs)
    {
        String describe()
        {
            return String.format("%s%nround trips: %d measured, %d lost (> timeout), %.1f s%n" +
                "RTT us: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.1f  (mean %.2f)",
                conditions, measured, lost, elapsedNs / 1e9,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(90) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getValueAtPercentile(99.9) / 1000.0,
                histogram.getMaxValue() / 1000.0, histogram.getMean() / 1000.0);
        }
    }

    Result measure(final java.util.function.Consumer<String> report)
    {
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        final IdleStrategy pingerIdle = floor.idleStrategy();
        final int size = floor.size;
        try (FloorPorts ports = FloorPorts.open(floor.transport(), !direct, floor.rackFile(), floor.portOptions()))
        {
            floor.pinMeasuringThread(report);
            final Responder responder = new Responder(ports, floor.idleStrategy());
            final Thread other = floor.otherThreadFactory("edm-floor-responder", report).newThread(responder);
            other.start();
            final FramePort pinger = ports.pinger;
            final long destination = direct ? ports.echoMac : ports.macs[1];
            final Catcher catcher = new Catcher();
            final long lossTimeoutNs = TimeUnit.MILLISECONDS.toNanos(lossTimeoutMs);
            final long start = System.nanoTime();
            final long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
            long lost = 0;
            long measured = 0;
            try
            {
                for (long sequence = 0; sequence < warmup + count; sequence++)
                {
                    final long sent = System.nanoTime();
                    if (sent > deadline)
                    {
                        report.accept("stopped at --max-seconds " + maxSeconds + " after " + measured + " round trips");
                        break;
                    }
                    final int at = pinger.tryClaim(size);
                    if (at < 0)
                    {
                        throw new IllegalStateException("pinger claim failed: " + at);
                    }
                    final MutableDirectBuffer frame = pinger.txBuffer();
                    frame.setMemory(at, size, (byte)0);
                    Macs.write(frame, at, destination);
                    Macs.write(frame, at + 6, ports.pingerMac);
                    frame.putShort(at + FramePort.ETHER_TYPE_OFFSET, (short)FramePort.EDM_ETHER_TYPE, java.nio.ByteOrder.BIG_ENDIAN);
                    frame.putLong(at + 16, sequence);
                    pinger.commit(size);
                    pinger.flush();
                    catcher.expected = sequence;
                    catcher.caught = false;
                    pingerIdle.reset();
                    while (!catcher.caught)
                    {
                        final int work = pinger.poll(catcher, 8);
                        if (work <= 0)
                        {
                            if (System.nanoTime() - sent > lossTimeoutNs)
                            {
                                break;
                            }
                            pingerIdle.idle();
                        }
                    }
                    final long rtt = System.nanoTime() - sent;
                    if (!catcher.caught)
                    {
                        lost++;
                    }
                    else if (sequence >= warmup)
                    {
                        histogram.recordValue(Math.min(rtt, histogram.getHighestTrackableValue()));
                        measured++;
                    }
                }
            }
            finally
            {
                responder.stop();
                joinOrFail(other);
            }
            final String conditions = "pingpong " + (direct ? "direct" : "switched") + " " + floor.describe() +
                " warmup=" + warmup + " count=" + count + " (forwarded " + responder.forwarded + ", echoed " +
                responder.echoed + ", tx failures " + responder.txFailures + ")";
            return new Result(conditions, histogram, lost, measured, System.nanoTime() - start);
        }
    }

    private static void joinOrFail(final Thread thread)
    {
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive())
        {
            throw new IllegalStateException(thread.getName() + " did not stop within 10 s");
        }
    }

    /** Notes whether the answer to the expected sequence number arrived; older answers (after a loss) are skipped. */
    private static final class Catcher implements FrameHandler
    {
        long expected;
        boolean caught;

        public void onFrame(final DirectBuffer buffer, final int offset, final int length)
        {
            if (buffer.getLong(offset + 16) == expected)
            {
                caught = true;
            }
        }
    }
}
