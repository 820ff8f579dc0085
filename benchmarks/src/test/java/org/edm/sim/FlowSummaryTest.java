package org.edm.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FlowSummaryTest
{
    /** One 64 B write and one 64 B read on the reference's unloaded timelines. */
    private static FlowRecorder unloadedWriteAndRead()
    {
        final FlowTable.Builder builder = FlowTable.builder(2);
        builder.add(0, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(1, FlowType.RREQ, 2, 3, 16, 64, 0);
        final FlowRecorder recorder = new FlowRecorder(builder.build());
        Timelines.recordAll(recorder);
        return recorder;
    }

    @Test
    void shouldScoreAReadEndToEndByDefault()
    {
        final FlowSummary summary = FlowSummary.of(unloadedWriteAndRead(), IdealFct.NETSIM, ScoringMode.END_TO_END,
            0.64);

        final FlowSummary.ClassStats read = summary.stats(MessageClass.READ);
        assertThat(read.completed()).isEqualTo(1);
        assertThat(read.latencySlots().mean()).isEqualTo(75);
        assertThat(read.latencyNanos().mean()).isCloseTo(48.0, within(1e-9));
        assertThat(read.slowdown().mean()).isEqualTo(75.0 / 40);
        final FlowSummary.ClassStats write = summary.stats(MessageClass.WRITE);
        assertThat(write.latencySlots().p50()).isEqualTo(74);
        assertThat(write.slowdown().p50()).isEqualTo(1.0);
        final FlowSummary.ClassStats all = summary.stats(MessageClass.ALL);
        assertThat(all.completed()).isEqualTo(2);
        assertThat(all.latencySlots().mean()).isEqualTo(74.5);
        assertThat(all.latencySlots().p99()).isEqualTo(75);
        assertThat(summary.stats(MessageClass.NETWORK).completed()).isZero();
        assertThat(summary.stats(MessageClass.NETWORK).latencySlots()).isSameAs(Distribution.EMPTY);
    }

    @Test
    void shouldScoreAReadAsTwoFlowsInNetsimMode()
    {
        final FlowSummary summary = FlowSummary.of(unloadedWriteAndRead(), IdealFct.NETSIM, ScoringMode.NETSIM, 0.64);

        final FlowSummary.ClassStats read = summary.stats(MessageClass.READ);
        // RREQ: issue (0) until the GRANT reaches the memory node (34); RRESP: creation (35) until delivery (75).
        assertThat(read.completed()).isEqualTo(2);
        assertThat(read.latencySlots().p50()).isEqualTo(34);
        assertThat(read.latencySlots().p99()).isEqualTo(40);
        assertThat(read.slowdown().mean()).isEqualTo(1.0);
        assertThat(summary.stats(MessageClass.ALL).completed()).isEqualTo(3);
        assertThat(summary.stats(MessageClass.ALL).slowdown().p999()).isEqualTo(1.0);
    }

    @Test
    void shouldCountUnfinishedFlowsAsIncompleteAndLeaveThemOutOfTheStatistics()
    {
        final FlowRecorder recorder = new FlowRecorder(FlowRecorderTest.mixedTable());
        // Write done; 5840 B read: RREQ done, response created but not finished; network not started; 64 B read:
        // created, RREQ not finished.
        Timelines.recordWrite(recorder, 0, 0);
        recorder.created(1, 5);
        recorder.finished(1, 39);
        recorder.responseCreated(1, 40);
        recorder.created(3, 9);

        final FlowSummary endToEnd = FlowSummary.of(recorder, IdealFct.NETSIM, ScoringMode.END_TO_END, 0.64);
        assertThat(endToEnd.stats(MessageClass.READ).completed()).isZero();
        assertThat(endToEnd.stats(MessageClass.READ).incomplete()).isEqualTo(2);
        assertThat(endToEnd.stats(MessageClass.NETWORK).incomplete()).isEqualTo(1);
        assertThat(endToEnd.stats(MessageClass.ALL).completed()).isEqualTo(1);
        assertThat(endToEnd.stats(MessageClass.ALL).incomplete()).isEqualTo(3);

        final FlowSummary netsim = FlowSummary.of(recorder, IdealFct.NETSIM, ScoringMode.NETSIM, 0.64);
        // The finished RREQ counts; its created response and the other RREQ are incomplete; the 64 B read's
        // response was never created and is not counted, as in the reference.
        assertThat(netsim.stats(MessageClass.READ).completed()).isEqualTo(1);
        assertThat(netsim.stats(MessageClass.READ).latencySlots().mean()).isEqualTo(34);
        assertThat(netsim.stats(MessageClass.READ).incomplete()).isEqualTo(2);
        assertThat(netsim.stats(MessageClass.ALL).incomplete()).isEqualTo(3);
    }

    @Test
    void shouldClampSlowdownToOneAndGuardAZeroIdeal()
    {
        assertThat(FlowSummary.slowdown(10, 100)).isEqualTo(1.0);
        assertThat(FlowSummary.slowdown(300, 100)).isEqualTo(3.0);
        assertThat(FlowSummary.slowdown(5, 0)).isEqualTo(5.0);
    }

    @Test
    void shouldReportLatencyInNanosecondsAtTheGivenSlotLength()
    {
        final FlowSummary at25g = FlowSummary.of(unloadedWriteAndRead(), IdealFct.NETSIM, ScoringMode.END_TO_END,
            2.56);

        assertThat(at25g.slotNanos()).isEqualTo(2.56);
        assertThat(at25g.stats(MessageClass.WRITE).latencyNanos().p50()).isCloseTo(74 * 2.56, within(1e-9));
    }
}
