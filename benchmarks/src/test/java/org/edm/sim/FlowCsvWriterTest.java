package org.edm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlowCsvWriterTest
{
    @Test
    void shouldWriteFinishedRowsInTheReferenceFormatOrderedByFinish() throws IOException
    {
        final FlowTable.Builder builder = FlowTable.builder(3);
        builder.add(0, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(1, FlowType.RREQ, 2, 3, 16, 64, 0);
        builder.add(2, FlowType.WREQ, 4, 5, 1024, -1, 100);
        final FlowRecorder recorder = new FlowRecorder(builder.build());
        Timelines.recordWrite(recorder, 0, 0);
        Timelines.recordRead(recorder, 1, 0);
        recorder.created(2, 100); // never finishes

        final StringWriter out = new StringWriter();
        FlowCsvWriter.write(recorder, IdealFct.NETSIM, out);

        assertThat(out.toString().lines().toList()).containsExactly(
            "FlowID,FlowType,Src,Dst,FlowSize,Create,NotifTime,GrantTime,Start,Finish,FCT,Slowdown",
            "1,1,2,3,16,0,0,34,0,34,34,1.00",
            "0,3,0,1,64,0,0,33,34,74,74,1.00",
            // The response: id after the trace's, from the memory node, NotifTime = the read's creation, FCT from
            // the read's issue: 75 / 40 = 1.88, as the reference's .out file scores it (edm-protocol §4.9).
            "3,2,3,2,64,35,0,34,35,75,75,1.88");
    }

    @Test
    void shouldWriteAFileWithOnlyTheHeaderWhenNothingFinished(@TempDir final Path dir) throws IOException
    {
        final FlowRecorder recorder = new FlowRecorder(FlowRecorderTest.mixedTable());
        final Path file = dir.resolve("flows.csv");
        FlowCsvWriter.write(recorder, IdealFct.NETSIM, file);

        assertThat(Files.readAllLines(file)).isEqualTo(List.of(FlowCsvWriter.HEADER));
    }

    @Test
    void shouldFormatTwoDecimalsRoundingHalfUp()
    {
        assertThat(twoDecimals(1.0)).isEqualTo("1.00");
        assertThat(twoDecimals(1.875)).isEqualTo("1.88");
        assertThat(twoDecimals(1.004)).isEqualTo("1.00");
        assertThat(twoDecimals(12.3456)).isEqualTo("12.35");
        assertThat(twoDecimals(1.05)).isEqualTo("1.05");
        assertThat(twoDecimals(99.999)).isEqualTo("100.00");
    }

    private static String twoDecimals(final double value)
    {
        final StringBuilder out = new StringBuilder();
        FlowCsvWriter.appendTwoDecimals(out, value);
        return out.toString();
    }
}
