package org.edm.sim;

/**
 * The simulator core, as {@code edm sim} sees it: runs one simulation of {@code flows} under {@code config},
 * reporting every flow's events to {@code recorder} (see {@link FlowRecorder} for the contract) and its progress to
 * {@code progress}, and returns when {@link SimConfig#termination()} is met or {@link SimConfig#maxSlots()} slots
 * have run. Everything else (reading or generating the flows, statistics, output files) is done by the caller.
 */
@FunctionalInterface
public interface SimulationRunner
{
    /**
     * Runs the simulation.
     *
     * @param config   the validated configuration.
     * @param flows    the flows, sorted by start slot; every host id is below {@link SimConfig#hosts()}.
     * @param recorder a fresh recorder for {@code flows}.
     * @param progress where to report progress; never null.
     * @return how the run ended.
     */
    SimResult run(SimConfig config, FlowTable flows, FlowRecorder recorder, ProgressListener progress);
}
