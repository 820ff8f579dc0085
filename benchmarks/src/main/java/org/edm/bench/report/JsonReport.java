package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.LatencySummary;
import org.edm.bench.harness.RunResult;
import org.edm.sim.JsonWriter;

import java.util.Map;

/**
 * The report as JSON: the facts, then every run (repeated runs included) with each class under perftest's key names
 * where they apply, our own beside them, and the class's latency CDF. Latencies are in usec, BW in the report's
 * unit, MsgRate in Mpps. A missing statistic (no samples, no interval) is null.
 * <pre>
 * {
 *   "report": "edm bench", "machine": "...", "date": "...", "line_rate": "10 Gb/s", "transport": "...",
 *   "units": { "latency": "usec", "BW": "MB/sec", "MsgRate": "Mpps", "cdf": "[percentile, usec]" },
 *   "baselines": ["edm", "roce"],
 *   "runs": [{
 *     "baseline": "edm", "test": "read_lat", "load": "unloaded", "offered_rate": 0, "MsgSize": 64,
 *     "line_rate_gbps": 10.0, "transport": "in-memory cables",
 *     "classes": [{
 *       "class": "read", "MsgSize": 64, "n_iterations": 1000,
 *       "t_min": 1.76, "t_max": 6.12, "t_typical": 1.79, "t_avg": 1.8, "t_stdev": 0.06,
 *       "percentile_99": 1.88, "percentile_99.9": 6.12,
 *       "BW_peak": null, "BW_average": 34.1, "MsgRate": 0.558,
 *       "errors": 0, "bytes": 64000, "seconds": 0.00179, "wire_bytes": 48000, "wire_bytes_per_op": 48.0,
 *       "cdf": [[0.0, 1.76], [10.0, 1.77], ..., [100.0, 6.12]]
 *     }, ...]
 *   }, ...]
 * }
 * </pre>
 * {@code BW_peak} is the best rate over a short window of consecutive completions, as the bandwidth tests measure it
 * (perftest's is the best per-operation interval); null where it was not measured (latency tests, baselines that
 * report none).
 * {@code n_iterations} counts the successful operations; {@code errors} the failed ones.
 */
final class JsonReport
{
    private JsonReport()
    {
    }

    static String render(final Map<String, String> facts, final RunIndex index, final ThroughputUnit unit)
    {
        final JsonWriter json = new JsonWriter().beginObject();
        json.name("report").value("edm bench");
        json.name("machine").value(facts.get("machine"));
        json.name("date").value(facts.get("date"));
        json.name("line_rate").value(facts.get("line rate"));
        json.name("transport").value(facts.get("transport"));
        json.name("units").beginObject()
            .name("latency").value("usec")
            .name("BW").value(unit.label())
            .name("MsgRate").value("Mpps")
            .name("wire_bytes_per_op").value("bytes")
            .name("cdf").value("[percentile, usec]")
            .endObject();
        json.name("baselines").beginArray();
        index.baselines().forEach(json::value);
        json.endArray();
        json.name("runs").beginArray();
        for (final RunResult run : index.runs())
        {
            run(json, run, unit);
        }
        json.endArray();
        return json.endObject().toString();
    }

    private static void run(final JsonWriter json, final RunResult run, final ThroughputUnit unit)
    {
        json.beginObject();
        json.name("baseline").value(run.baseline());
        json.name("test").value(run.test());
        json.name("load").value(run.load());
        json.name("offered_rate").value(run.offeredRate());
        json.name("MsgSize").value(run.size());
        json.name("line_rate_gbps").value(run.lineRateGbps());
        json.name("transport").value(run.transport());
        json.name("classes").beginArray();
        for (final ClassResult result : run.classes())
        {
            classResult(json, run.size(), result, unit);
        }
        json.endArray();
        json.endObject();
    }

    private static void classResult(
        final JsonWriter json, final int size, final ClassResult result, final ThroughputUnit unit)
    {
        final LatencySummary latency = result.latency();
        final boolean sampled = latency.count() > 0;
        json.beginObject();
        json.name("class").value(result.trafficClass());
        json.name("MsgSize").value(size);
        json.name("n_iterations").value(result.operations());
        json.name("t_min").value(sampled ? latency.minMicros() : Double.NaN);
        json.name("t_max").value(sampled ? latency.maxMicros() : Double.NaN);
        json.name("t_typical").value(sampled ? latency.medianMicros() : Double.NaN);
        json.name("t_avg").value(sampled ? latency.averageMicros() : Double.NaN);
        json.name("t_stdev").value(sampled ? latency.stdevMicros() : Double.NaN);
        json.name("percentile_99").value(sampled ? latency.p99Micros() : Double.NaN);
        json.name("percentile_99.9").value(sampled ? latency.p999Micros() : Double.NaN);
        json.name("BW_peak").value(unit.peakBandwidth(result));
        json.name("BW_average").value(Metric.BANDWIDTH.value(result, unit));
        json.name("MsgRate").value(Metric.MSG_RATE.value(result, unit));
        json.name("errors").value(result.errors());
        json.name("bytes").value(result.bytes());
        json.name("seconds").value(result.seconds());
        json.name("wire_bytes").value(result.wireBytes());
        json.name("wire_bytes_per_op").value(Metric.WIRE_BYTES.value(result, unit));
        json.name("cdf").beginArray();
        for (final CdfPoints.Point point : CdfPoints.percentiles(result.latencyNanos()))
        {
            json.beginArray().value(point.percentile()).value(point.micros()).endArray();
        }
        json.endArray();
        json.endObject();
    }
}
