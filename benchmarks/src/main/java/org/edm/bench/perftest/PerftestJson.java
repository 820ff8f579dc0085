package org.edm.bench.perftest;

import org.edm.bench.harness.ClassResult;
import org.edm.bench.harness.LatencySummary;
import org.edm.bench.harness.RunResult;

import java.util.List;

/**
 * The {@code --out_json} document: one entry per run (baseline, size, load) under {@code results}, each with
 * perftest's keys for its kind of test ({@code MsgSize, n_iterations, t_min, t_max, t_typical, t_avg, t_stdev,
 * percentile_99, percentile_99.9} for latency tests, {@code MsgSize, n_iterations, BW_peak, BW_average, MsgRate} for
 * bandwidth tests, in the units of the printed table) and our own fields in snake case beside them: the baseline, the
 * load, what the latency means, the line rate, wire bytes per operation, errors, and every class of traffic with its
 * own latency and rate figures.
 * <pre>
 *   {"tool": "edm bench", "format": 1, "results": [
 *     {"test": "read_lat", "baseline": "edm", "load": "unloaded", "MsgSize": 2, "n_iterations": 1000,
 *      "t_min": 1.2, ..., "percentile_99.9": 3.4, "latency_semantics": "...", ..., "classes": [{"class": "read", ...}]}
 *   ]}
 * </pre>
 */
public final class PerftestJson
{
    /** What a latency means in every {@code edm bench} result. */
    public static final String LATENCY_SEMANTICS = "full round trip: from the intended start of an operation to " +
        "its completion (read: request and data back; write: data out and acknowledgement back)";

    private PerftestJson()
    {
    }

    /**
     * The document for {@code results}.
     *
     * @param gbits bandwidth figures in Gb/sec instead of MB/sec.
     */
    public static String of(final List<RunResult> results, final boolean gbits)
    {
        final JsonText json = new JsonText().beginObject()
            .member("tool", "edm bench")
            .member("format", 1)
            .name("results").beginArray();
        for (final RunResult result : results)
        {
            run(json, result, gbits);
        }
        return json.endArray().endObject().toString();
    }

    private static void run(final JsonText json, final RunResult result, final boolean gbits)
    {
        final ClassResult measured = result.measured();
        json.beginObject()
            .member("test", result.test())
            .member("baseline", result.baseline())
            .member("load", result.load())
            .member("MsgSize", result.size())
            .member("n_iterations", measured.operations());
        if (result.test().endsWith("_bw"))
        {
            bandwidth(json, measured, gbits);
        }
        else
        {
            latency(json, measured.latency());
        }
        json.member("latency_unit", "usec")
            .member("latency_semantics", LATENCY_SEMANTICS)
            .member("offered_rate", result.offeredRate())
            .member("line_rate_gbps", result.lineRateGbps())
            .member("transport", result.transport())
            .member("errors", measured.errors())
            .member("seconds", measured.seconds())
            .member("wire_bytes_per_op", measured.wireBytesPerOperation())
            .name("classes").beginArray();
        for (final ClassResult trafficClass : result.classes())
        {
            json.beginObject()
                .member("class", trafficClass.trafficClass())
                .member("operations", trafficClass.operations())
                .member("errors", trafficClass.errors())
                .member("bytes", trafficClass.bytes())
                .member("seconds", trafficClass.seconds())
                .member("wire_bytes", trafficClass.wireBytes());
            bandwidth(json, trafficClass, gbits);
            latency(json, trafficClass.latency());
            json.endObject();
        }
        json.endArray().endObject();
    }

    private static void latency(final JsonText json, final LatencySummary latency)
    {
        json.member("t_min", latency.minMicros())
            .member("t_max", latency.maxMicros())
            .member("t_typical", latency.medianMicros())
            .member("t_avg", latency.averageMicros())
            .member("t_stdev", latency.stdevMicros())
            .member("percentile_99", latency.p99Micros())
            .member("percentile_99.9", latency.p999Micros());
    }

    private static void bandwidth(final JsonText json, final ClassResult result, final boolean gbits)
    {
        final double unit = gbits ? PerftestTable.BYTES_PER_GBIT : PerftestTable.BYTES_PER_MB;
        final double average = result.seconds() <= 0 ? 0 : result.bytes() / result.seconds();
        json.member("BW_peak", result.peakBytesPerSecond() / unit)
            .member("BW_average", average / unit)
            .member("MsgRate", result.seconds() <= 0 ? 0 : result.operations() / result.seconds() / 1e6)
            .member("BW_unit", gbits ? "Gb/sec" : "MB/sec");
    }
}
