package org.edm.cli.agents;

import org.edm.agent.AgentRuntime;
import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricProcess;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the agents of a process until Ctrl-C, SIGTERM or a time limit, printing a status line every few seconds
 * while traffic moves (an idle fabric prints nothing) and the totals at the end. In INVOKER mode the calling thread
 * runs the agents itself between status lines. Stopping is orderly: the shutdown hook only asks the loop to end and
 * waits for it, so agents stop, ports close and the totals are printed before the JVM exits.
 */
public final class AgentDaemon
{
    private static final long STOP_GRACE_MS = 5_000;

    private final Reporter reporter;
    private volatile boolean stopRequested;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    public AgentDaemon(final Reporter reporter)
    {
        this.reporter = reporter;
    }

    /**
     * Starts {@code process}, runs it and closes it.
     *
     * @param seconds       stop after this long; 0 runs until a signal.
     * @param statusSeconds seconds between status lines; 0 for none.
     */
    public void run(final FabricProcess process, final double seconds, final double statusSeconds)
    {
        final Thread hook = Thread.ofPlatform().unstarted(this::onSignal);
        Runtime.getRuntime().addShutdownHook(hook);
        final long start = System.nanoTime();
        try
        {
            final AgentRuntime runtime = process.start(reporter);
            reporter.info("threads " + runtime.describe());
            reporter.info("running at " + FabricConfiguration.rate(process.settings().lineRateGbps()) +
                " Gb/s per port" + (seconds > 0 ? " for " + seconds + " s" : "") + "; Ctrl-C or SIGTERM stops it");
            final FabricStatus status = new FabricStatus(process);
            final long end = seconds > 0 ? start + (long)(seconds * 1e9) : Long.MAX_VALUE;
            final long statusNanos = statusSeconds > 0 ? (long)(statusSeconds * 1e9) : Long.MAX_VALUE;
            long nextStatus = statusSeconds > 0 ? start + statusNanos : Long.MAX_VALUE;
            while (!stopRequested)
            {
                final long now = System.nanoTime();
                if (now - end >= 0)
                {
                    break;
                }
                if (now - nextStatus >= 0)
                {
                    final String line = status.next();
                    if (line != null)
                    {
                        reporter.info(line);
                    }
                    nextStatus = now + statusNanos;
                }
                if (runtime.callerRuns())
                {
                    runtime.waitOnce();
                }
                else
                {
                    awaitSignal(Math.min(Math.min(end, nextStatus) - now, 100_000_000L));
                }
            }
            final double elapsed = (System.nanoTime() - start) / 1e9;
            reporter.info(stopRequested ? "stopping on signal" : "stopping after " + seconds + " s");
            runtime.close();
            reporter.info("totals: " + status.totals(elapsed));
            for (final String error : runtime.errorSummary())
            {
                reporter.warn("ERROR " + error);
            }
        }
        finally
        {
            process.close();
            stopped.countDown();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException shuttingDown)
            {
                // the hook is running: it waits for 'stopped', counted down above
            }
        }
    }

    private void awaitSignal(final long nanos)
    {
        try
        {
            stopSignal.await(Math.max(1, nanos), TimeUnit.NANOSECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
            stopRequested = true;
        }
    }

    private void onSignal()
    {
        stopRequested = true;
        stopSignal.countDown();
        try
        {
            stopped.await(STOP_GRACE_MS, TimeUnit.MILLISECONDS);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
