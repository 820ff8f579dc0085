package org.edm.sim;

import java.util.Map;

/**
 * Records the reference's unloaded timelines (edm-protocol §4.6, slots of 0.64 ns) into a recorder, standing in for
 * the simulator core in tests: a 64 B write completes 74 slots after its creation, a 64 B read 75 slots after it
 * (RREQ delivered when its GRANT reaches the memory node at +34, response created at +35). Larger flows add one slot
 * per 8 bytes beyond 64, network flows take their ideal.
 */
final class Timelines
{
    private Timelines()
    {
    }

    static void recordWrite(final FlowRecorder recorder, final int row, final long t0)
    {
        final long extra = Math.max(0, recorder.sizeBytes(row) - 64) / 8;
        recorder.created(row, t0);
        recorder.notified(row, t0);
        recorder.granted(row, t0 + 33);
        recorder.started(row, t0 + 34);
        recorder.finished(row, t0 + 74 + extra);
    }

    static void recordRead(final FlowRecorder recorder, final int row, final long t0)
    {
        final long extra = Math.max(0, recorder.flows().rreqBytes(row) - 64) / 8;
        recorder.created(row, t0);
        recorder.notified(row, t0);
        recorder.started(row, t0);
        recorder.granted(row, t0 + 34);
        recorder.finished(row, t0 + 34);
        final int response = recorder.responseCreated(row, t0 + 35);
        recorder.granted(response, t0 + 34);
        recorder.started(response, t0 + 35);
        recorder.finished(response, t0 + 75 + extra);
    }

    static void recordNetwork(final FlowRecorder recorder, final int row, final long t0)
    {
        recorder.created(row, t0);
        recorder.started(row, t0);
        recorder.finished(row, t0 + IdealFct.NETSIM.network(recorder.sizeBytes(row)));
    }

    /** Records every flow of the recorder's table at its start slot; returns the last finish slot. */
    static long recordAll(final FlowRecorder recorder)
    {
        final FlowTable flows = recorder.flows();
        long last = 0;
        for (int i = 0; i < flows.size(); i++)
        {
            switch (flows.type(i))
            {
                case FlowType.RREQ -> recordRead(recorder, i, flows.startSlot(i));
                case FlowType.WREQ -> recordWrite(recorder, i, flows.startSlot(i));
                default -> recordNetwork(recorder, i, flows.startSlot(i));
            }
            final int row = flows.type(i) == FlowType.RREQ ? recorder.responseRow(i) : i;
            last = Math.max(last, recorder.finishSlot(row));
        }
        return last;
    }

    /** A runner that records the timelines above, reports progress and says every flow completed. */
    static SimulationRunner runner()
    {
        return (config, flows, recorder, progress) ->
        {
            progress.progress(0, 0, recorder.rowCount());
            final long last = recordAll(recorder);
            progress.done(last, recorder.finishedRows(), recorder.rowCount());
            return new SimResult(last + 1, StopReason.ALL_COMPLETED, 1_000_000, Map.of("grantsIssued", 42L));
        };
    }
}
