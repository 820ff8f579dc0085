package org.edm.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator core runs traces with network flows (type 100) beside memory flows. */
class RackSimulationRunnerNetTest
{
    @ParameterizedTest
    @ValueSource(booleans = { true, false })
    void shouldRunNetworkFlowsAndRecordTheirMoments(final boolean netsimCompat)
    {
        final FlowTable.Builder builder = FlowTable.builder(4);
        builder.add(0, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(1, FlowType.NET, 2, 1, 30_000, -1, 0);
        builder.add(2, FlowType.RREQ, 3, 2, 16, 64, 5);
        builder.add(3, FlowType.NET, 0, 3, 4_000, -1, 10);
        final FlowTable flows = builder.build();
        final SimConfig config = SimConfig.builder().trace(Path.of("unused.csv")).netsimCompat(netsimCompat)
            .hosts(4).build();
        final FlowRecorder recorder = new FlowRecorder(flows);

        final SimResult result = new RackSimulationRunner().run(config, flows, recorder, ProgressListener.NONE);

        for (final int row : new int[] { 1, 3 })
        {
            assertThat(recorder.startSlot(row)).as("its first frame leaves at once").isEqualTo(recorder.createSlot(row));
        }
        if (netsimCompat)
        {
            assertThat(result.stopReason()).as("the reference stops once every flow has started")
                .isEqualTo(StopReason.ALL_STARTED);
            return;
        }
        assertThat(result.stopReason()).isEqualTo(StopReason.ALL_COMPLETED);
        assertThat(recorder.finishedRows()).isEqualTo(recorder.rowCount());
        for (final int row : new int[] { 1, 3 })
        {
            assertThat(recorder.notifySlot(row)).isEqualTo(FlowRecorder.NOT_YET);
            assertThat(recorder.grantSlot(row)).isEqualTo(FlowRecorder.NOT_YET);
            assertThat(recorder.finishSlot(row)).isGreaterThan(recorder.startSlot(row) + 781);
        }
        assertThat(result.counters()).containsEntry("netFramesDelivered", 20L + 3L)
            .containsEntry("netFramesDropped", 0L).containsEntry("netStrayFrames", 0L);
    }
}
