package org.edm.sim;

import java.util.Map;

/**
 * What a {@link SimulationRunner} returns besides the {@link FlowRecorder}'s per-flow events.
 *
 * @param slotsSimulated number of slots simulated (the last slot run plus one).
 * @param stopReason     why the run stopped.
 * @param wallClockNanos wall-clock time the run took.
 * @param counters       named counters the core wants reported (e.g. grants issued, largest queue occupancy), in
 *                       report order; copied, may be empty.
 */
public record SimResult(long slotsSimulated, StopReason stopReason, long wallClockNanos, Map<String, Long> counters)
{
    /** Checks the values and copies the counters. */
    public SimResult
    {
        if (slotsSimulated < 0 || wallClockNanos < 0)
        {
            throw new IllegalArgumentException(
                "slotsSimulated=" + slotsSimulated + " and wallClockNanos=" + wallClockNanos + " must be >= 0");
        }
        if (stopReason == null)
        {
            throw new IllegalArgumentException("stopReason is required");
        }
        counters = counters == null ? Map.of() :
            java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }
}
