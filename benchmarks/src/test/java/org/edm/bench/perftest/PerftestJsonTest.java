package org.edm.bench.perftest;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.RunResult;
import org.edm.sim.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The --out_json document parses as strict JSON and carries perftest's keys with the table's values and units. */
class PerftestJsonTest
{
    private static final List<String> LATENCY_KEYS = List.of("MsgSize", "n_iterations", "t_min", "t_max",
        "t_typical", "t_avg", "t_stdev", "percentile_99", "percentile_99.9");
    private static final List<String> BANDWIDTH_KEYS = List.of("MsgSize", "n_iterations", "BW_peak", "BW_average",
        "MsgRate");

    @Test
    void shouldCarryPerftestsLatencyKeysAndOurs()
    {
        final Histogram nanos = new Histogram(3);
        for (int i = 1; i <= 1000; i++)
        {
            nanos.recordValue(i * 1000L);
        }
        final ClassResult read = new ClassResult("read", nanos, 1000, 2, 2000, 0.5, 64_000);
        final ClassResult bulk = new ClassResult("background-write", new Histogram(3), 10, 0, 655_360, 0.5, 0);
        final RunResult run = new RunResult("edm", "read_lat", "bulk-writes-1x65536B", 0, 2, 10, "in-memory cables",
            List.of(read, bulk));

        final Map<String, Object> document = map(JsonParser.parse(PerftestJson.of(List.of(run), false)));

        assertThat(document.get("tool")).isEqualTo("edm bench");
        final Map<String, Object> result = map(((List<?>)document.get("results")).getFirst());
        assertThat(result.keySet()).containsAll(LATENCY_KEYS).doesNotContain("BW_peak");
        assertThat(result.get("MsgSize")).isEqualTo(2.0);
        assertThat(result.get("n_iterations")).isEqualTo(1000.0);
        assertThat((double)result.get("t_min")).isEqualTo(1.0);
        assertThat((double)result.get("t_typical")).isCloseTo(500.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat((double)result.get("percentile_99")).isCloseTo(990.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(result.get("baseline")).isEqualTo("edm");
        assertThat(result.get("test")).isEqualTo("read_lat");
        assertThat(result.get("load")).isEqualTo("bulk-writes-1x65536B");
        assertThat(result.get("errors")).isEqualTo(2.0);
        assertThat(result.get("wire_bytes_per_op")).isEqualTo(64.0);
        assertThat((String)result.get("latency_semantics")).contains("full round trip");
        final List<?> classes = (List<?>)result.get("classes");
        assertThat(classes).hasSize(2);
        assertThat(map(classes.get(1)).get("class")).isEqualTo("background-write");
        assertThat(map(classes.get(1)).keySet()).containsAll(LATENCY_KEYS.subList(2, 9))
            .containsAll(BANDWIDTH_KEYS.subList(2, 5));
    }

    @Test
    void shouldCarryPerftestsBandwidthKeysInTheTablesUnits()
    {
        final double mib = 1 << 20;
        final ClassResult read = new ClassResult("read", new Histogram(3), 5000, 0, (long)(500 * mib), 2.0, 0,
            400 * mib);
        final RunResult run = new RunResult("raw", "read_bw", "unloaded", 0, 65536, 10, "in-memory cables",
            List.of(read));

        final Map<String, Object> mb = result(PerftestJson.of(List.of(run), false));
        final Map<String, Object> gb = result(PerftestJson.of(List.of(run), true));

        assertThat(mb.keySet()).containsAll(BANDWIDTH_KEYS).doesNotContain("t_typical");
        assertThat(mb.get("BW_peak")).isEqualTo(400.0);
        assertThat(mb.get("BW_average")).isEqualTo(250.0);
        assertThat(mb.get("MsgRate")).isEqualTo(0.0025);
        assertThat(mb.get("BW_unit")).isEqualTo("MB/sec");
        assertThat((double)gb.get("BW_average")).isEqualTo(250 * mib * 8 / 1e9);
        assertThat(gb.get("BW_unit")).isEqualTo("Gb/sec");
    }

    private static Map<String, Object> result(final String json)
    {
        return map(((List<?>)map(JsonParser.parse(json)).get("results")).getFirst());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object value)
    {
        return (Map<String, Object>)value;
    }
}
