package org.edm.sim;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryReportTest
{
    private static FlowSummary unloadedSummary(final ScoringMode mode)
    {
        final FlowTable.Builder builder = FlowTable.builder(3);
        builder.add(0, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(1, FlowType.RREQ, 2, 3, 16, 64, 0);
        builder.add(2, FlowType.WREQ, 4, 5, 64, -1, 10);
        final FlowRecorder recorder = new FlowRecorder(builder.build());
        Timelines.recordWrite(recorder, 0, 0);
        Timelines.recordRead(recorder, 1, 0);
        recorder.created(2, 10);
        return FlowSummary.of(recorder, IdealFct.NETSIM, mode, 0.64);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldWriteValidJsonWithEveryClassAndNullForEmptyOnes()
    {
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("trace", "dir/trace \"quoted\"\\name\t.csv");
        run.put("hosts", 144);
        run.put("slotNanos", 0.64);
        run.put("nan", Double.NaN);
        run.put("netsimCompat", false);

        final String text = SummaryReport.json(unloadedSummary(ScoringMode.END_TO_END), run);
        final Map<String, Object> json = (Map<String, Object>)JsonParser.parse(text);

        assertThat(json).containsEntry("scoring", "end-to-end").containsEntry("slotNanos", 0.64)
            .containsEntry("percentiles", "nearest-rank");
        final Map<String, Object> runJson = (Map<String, Object>)json.get("run");
        assertThat(runJson).containsEntry("trace", "dir/trace \"quoted\"\\name\t.csv")
            .containsEntry("hosts", 144.0).containsEntry("nan", null).containsEntry("netsimCompat", false);
        final Map<String, Object> classes = (Map<String, Object>)json.get("classes");
        assertThat(classes).containsOnlyKeys("read", "write", "network", "all");
        final Map<String, Object> write = (Map<String, Object>)classes.get("write");
        assertThat(write).containsEntry("completed", 1.0).containsEntry("incomplete", 1.0);
        assertThat((Map<String, Object>)write.get("latencySlots")).containsEntry("mean", 74.0)
            .containsEntry("p50", 74.0).containsEntry("p99", 74.0).containsEntry("p99.9", 74.0);
        final Map<String, Object> readNs = (Map<String, Object>)((Map<String, Object>)classes.get("read"))
            .get("latencyNs");
        assertThat((Double)readNs.get("p50")).isCloseTo(48.0, org.assertj.core.api.Assertions.within(1e-9));
        final Map<String, Object> network = (Map<String, Object>)classes.get("network");
        assertThat(network).containsEntry("completed", 0.0).containsEntry("latencySlots", null)
            .containsEntry("slowdown", null);
        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity").endsWith("}\n");
    }

    @Test
    void shouldEscapeControlCharactersAndRejectNothingValid()
    {
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("weird\u0001key", "line\nbreak\u001f\u2603");

        final String text = SummaryReport.json(unloadedSummary(ScoringMode.NETSIM), run);

        assertThat(text).contains("\"weird\\u0001key\": \"line\\nbreak\\u001f\u2603\"");
        assertThat(JsonParser.parse(text)).isInstanceOf(Map.class);
    }

    @Test
    void shouldCatchInvalidJsonInTheTestParser()
    {
        assertThatThrownBy(() -> JsonParser.parse("{\"a\": NaN}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonParser.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonParser.parse("{\"a\": \"\u0001\"}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPrintAReadableTableWithDashesForEmptyClasses()
    {
        final Map<String, Object> run = new LinkedHashMap<>();
        run.put("trace", "t.csv");

        final String text = SummaryReport.text(unloadedSummary(ScoringMode.END_TO_END), run);

        assertThat(text).contains("trace                  t.csv");
        assertThat(text).contains("scoring: end-to-end; slot 0.64 ns; percentiles are nearest-rank");
        assertThat(text).contains("latency (slots)").contains("latency (ns)").contains("slowdown");
        assertThat(text).containsPattern("  read +1 +0 +75\\.00 +75 +75 +75");
        assertThat(text).containsPattern("  write +1 +1 +74\\.00 +74 +74 +74");
        assertThat(text).containsPattern("  read +1 +0 +48\\.00 +48\\.00 +48\\.00 +48\\.00");
        assertThat(text).containsPattern("  read +1 +0 +1\\.875 +1\\.875 +1\\.875 +1\\.875");
        assertThat(text).containsPattern("  network +0 +0 +- +- +- +-");
    }
}
