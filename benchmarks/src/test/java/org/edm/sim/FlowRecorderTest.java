package org.edm.sim;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlowRecorderTest
{
    /** write 0->1, read 2->3 of 5840 B, network 4->5, read 6->7 of 64 B; ids 10..13. */
    static FlowTable mixedTable()
    {
        final FlowTable.Builder builder = FlowTable.builder(4);
        builder.add(10, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(11, FlowType.RREQ, 2, 3, 16, 5840, 5);
        builder.add(12, FlowType.NET, 4, 5, 1500, -1, 5);
        builder.add(13, FlowType.RREQ, 6, 7, 16, 64, 9);
        return builder.build();
    }

    @Test
    void shouldReserveOneResponseRowPerReadDerivedFromIt()
    {
        final FlowRecorder recorder = new FlowRecorder(mixedTable());

        assertThat(recorder.flowCount()).isEqualTo(4);
        assertThat(recorder.rowCount()).isEqualTo(6);
        assertThat(recorder.responseRow(0)).isEqualTo(-1);
        assertThat(recorder.responseRow(1)).isEqualTo(4);
        assertThat(recorder.responseRow(3)).isEqualTo(5);
        assertThat(recorder.isResponseRow(3)).isFalse();
        assertThat(recorder.isResponseRow(4)).isTrue();
        assertThat(recorder.readOf(4)).isEqualTo(1);
        assertThat(recorder.readOf(5)).isEqualTo(3);
        assertThat(recorder.readOf(2)).isEqualTo(-1);
        // A response goes from the memory node back to the requester, with the size read back.
        assertThat(recorder.type(4)).isEqualTo(FlowType.RRESP);
        assertThat(recorder.src(4)).isEqualTo(3);
        assertThat(recorder.dst(4)).isEqualTo(2);
        assertThat(recorder.sizeBytes(4)).isEqualTo(5840);
        assertThat(recorder.type(1)).isEqualTo(FlowType.RREQ);
        assertThat(recorder.sizeBytes(1)).isEqualTo(16);
    }

    @Test
    void shouldNumberResponsesAfterTheTraceIdsInCreationOrder()
    {
        final FlowRecorder recorder = new FlowRecorder(mixedTable());
        recorder.created(3, 9);
        recorder.created(1, 5);

        assertThat(recorder.flowId(5)).isEqualTo(-1);
        assertThat(recorder.responseCreated(3, 45)).isEqualTo(5);
        assertThat(recorder.responseCreated(1, 50)).isEqualTo(4);
        assertThat(recorder.flowId(5)).isEqualTo(14);
        assertThat(recorder.flowId(4)).isEqualTo(15);
        assertThat(recorder.flowId(2)).isEqualTo(12);
        assertThat(recorder.responsesCreated()).isEqualTo(2);
        assertThat(recorder.createSlot(4)).isEqualTo(50);
    }

    @Test
    void shouldKeepOnlyTheFirstNotifyGrantAndStart()
    {
        final FlowRecorder recorder = new FlowRecorder(mixedTable());
        recorder.created(0, 0);
        recorder.notified(0, 0);
        recorder.notified(0, 3);
        recorder.granted(0, 33);
        recorder.granted(0, 70);
        recorder.started(0, 34);
        recorder.started(0, 71);
        recorder.finished(0, 74);

        assertThat(recorder.notifySlot(0)).isZero();
        assertThat(recorder.grantSlot(0)).isEqualTo(33);
        assertThat(recorder.startSlot(0)).isEqualTo(34);
        assertThat(recorder.finishSlot(0)).isEqualTo(74);
        assertThat(recorder.isFinished(0)).isTrue();
        assertThat(recorder.isFinished(1)).isFalse();
        assertThat(recorder.finishSlot(1)).isEqualTo(FlowRecorder.NOT_YET);
        assertThat(recorder.createdRows()).isEqualTo(1);
        assertThat(recorder.finishedRows()).isEqualTo(1);
    }

    @Test
    void shouldRejectBrokenEventOrdersAsCoreBugs()
    {
        final FlowRecorder recorder = new FlowRecorder(mixedTable());

        assertThatThrownBy(() -> recorder.finished(0, 10)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("before it was created");
        recorder.created(0, 5);
        assertThatThrownBy(() -> recorder.created(0, 6)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("created twice");
        assertThatThrownBy(() -> recorder.finished(0, 4)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("before its creation slot 5");
        recorder.finished(0, 80);
        assertThatThrownBy(() -> recorder.finished(0, 81)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("again (first at 80)");
        assertThatThrownBy(() -> recorder.responseCreated(0, 9)).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("not an RREQ");
        recorder.created(1, 5);
        recorder.responseCreated(1, 40);
        assertThatThrownBy(() -> recorder.responseCreated(1, 41)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> recorder.created(2, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRecordWithoutAllocating()
    {
        final int n = 100_000;
        final FlowTable.Builder builder = FlowTable.builder(n);
        for (int i = 0; i < n; i++)
        {
            builder.add(i, i % 2 == 0 ? FlowType.WREQ : FlowType.RREQ, 0, 1, i % 2 == 0 ? 64 : 16,
                i % 2 == 0 ? -1 : 64, i);
        }
        final FlowTable table = builder.build();
        final FlowRecorder warmUp = new FlowRecorder(table);
        Timelines.recordAll(warmUp);
        final FlowRecorder recorder = new FlowRecorder(table);
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().threadId();

        final long before = threads.getThreadAllocatedBytes(thread);
        Timelines.recordAll(recorder);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(recorder.finishedRows()).isEqualTo(n + n / 2);
        // 750 000 events; a single object per event would be megabytes.
        assertThat(allocated).isLessThan(64 * 1024);
    }
}
