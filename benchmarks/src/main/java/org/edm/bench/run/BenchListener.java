package org.edm.bench.run;

import org.edm.bench.harness.RunResult;
import org.edm.bench.perftest.Banner;

/**
 * Hears what a {@link BenchRunner} does, in order: per baseline, skipped (with the reason) or started (with its
 * banner), then one result per size, then finished; notes (sizes skipped, caps) and progress in between. Called on
 * the runner's thread; progress at most ten times a second.
 */
public interface BenchListener
{
    /** A listener that hears nothing. */
    BenchListener NONE = new BenchListener()
    {
    };

    /** The baseline cannot run here; {@code reason} says why. */
    default void baselineSkipped(final String baseline, final String reason)
    {
    }

    /** The baseline's fabric is up; its runs follow. */
    default void baselineStarted(final String baseline, final Banner banner)
    {
    }

    /** One run finished. */
    default void result(final RunResult result)
    {
    }

    /** Every run of the baseline finished. */
    default void baselineFinished(final String baseline)
    {
    }

    /** Something the user should know (a size skipped, a limit applied). */
    default void note(final String line)
    {
    }

    /**
     * How far the whole plan is.
     *
     * @param fraction  0..1 of the plan's runs.
     * @param elapsedNanos since the plan started.
     * @param what      the run in progress ("edm read_lat 64 B").
     */
    default void progress(final double fraction, final long elapsedNanos, final String what)
    {
    }
}
