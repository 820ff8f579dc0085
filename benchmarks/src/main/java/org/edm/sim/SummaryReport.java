package org.edm.sim;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link FlowSummary} for people (a text table) and for programs (JSON, {@code --summary-json}). Both carry
 * the same numbers; {@code run} is a list of facts about the run (configuration, slots simulated ...) printed before
 * the table and written as the JSON's {@code "run"} object, in its iteration order.
 * <p>
 * JSON layout (statistics objects are {@code null} for a class with no completed sample):
 * <pre>
 * {
 *   "scoring": "end-to-end",
 *   "slotNanos": 0.64,
 *   "run": { ... },
 *   "classes": {
 *     "read": {
 *       "completed": 904, "incomplete": 0,
 *       "latencySlots": { "mean": 75.0, "p50": 75.0, "p99": 91.0, "p99.9": 91.0 },
 *       "latencyNs":    { ... the same in ns ... },
 *       "slowdown":     { ... }
 *     },
 *     "write": { ... }, "network": { ... }, "all": { ... }
 *   }
 * }
 * </pre>
 */
public final class SummaryReport
{
    private SummaryReport()
    {
    }

    /** The summary as a text table, preceded by the run facts, one per line. */
    public static String text(final FlowSummary summary, final Map<String, ?> run)
    {
        final StringBuilder out = new StringBuilder(2048);
        for (final Map.Entry<String, ?> fact : run.entrySet())
        {
            out.append(String.format(Locale.ROOT, "%-22s %s%n", fact.getKey(), fact.getValue()));
        }
        out.append(String.format(Locale.ROOT, "%nscoring: %s; slot %s ns; percentiles are nearest-rank%n",
            summary.mode().label(), summary.slotNanos()));
        table(out, summary, "latency (slots)", Kind.SLOTS);
        table(out, summary, "latency (ns)", Kind.NANOS);
        table(out, summary, "slowdown", Kind.SLOWDOWN);
        return out.toString();
    }

    /** Prints {@link #text(FlowSummary, Map)}. */
    public static void printText(final FlowSummary summary, final Map<String, ?> run, final PrintStream out)
    {
        out.print(text(summary, run));
        out.flush();
    }

    /** The summary as JSON text. */
    public static String json(final FlowSummary summary, final Map<String, ?> run)
    {
        final JsonWriter json = new JsonWriter().beginObject();
        json.name("scoring").value(summary.mode().label());
        json.name("slotNanos").value(summary.slotNanos());
        json.name("percentiles").value("nearest-rank");
        json.name("run").beginObject();
        for (final Map.Entry<String, ?> fact : run.entrySet())
        {
            json.name(fact.getKey()).value((Object)fact.getValue());
        }
        json.endObject();
        json.name("classes").beginObject();
        for (final MessageClass messageClass : MessageClass.values())
        {
            final FlowSummary.ClassStats stats = summary.stats(messageClass);
            json.name(messageClass.label()).beginObject();
            json.name("completed").value(stats.completed());
            json.name("incomplete").value(stats.incomplete());
            distribution(json, "latencySlots", stats.latencySlots());
            distribution(json, "latencyNs", stats.latencyNanos());
            distribution(json, "slowdown", stats.slowdown());
            json.endObject();
        }
        json.endObject();
        return json.endObject().toString();
    }

    /** Writes {@link #json(FlowSummary, Map)} to {@code path}, replacing the file. */
    public static void writeJson(final FlowSummary summary, final Map<String, ?> run, final Path path)
        throws IOException
    {
        Files.writeString(path, json(summary, run), StandardCharsets.UTF_8);
    }

    private static void distribution(final JsonWriter json, final String name, final Distribution distribution)
    {
        json.name(name);
        if (distribution.count() == 0)
        {
            json.nullValue();
            return;
        }
        json.beginObject();
        json.name("mean").value(distribution.mean());
        json.name("p50").value(distribution.p50());
        json.name("p99").value(distribution.p99());
        json.name("p99.9").value(distribution.p999());
        json.endObject();
    }

    private enum Kind
    {
        SLOTS, NANOS, SLOWDOWN
    }

    private static void table(final StringBuilder out, final FlowSummary summary, final String title, final Kind kind)
    {
        out.append(String.format(Locale.ROOT, "%n%-18s %10s %10s %12s %12s %12s %12s%n",
            title, "completed", "incomplete", "mean", "p50", "p99", "p99.9"));
        for (final MessageClass messageClass : MessageClass.values())
        {
            final FlowSummary.ClassStats stats = summary.stats(messageClass);
            final Distribution d = switch (kind)
            {
                case SLOTS -> stats.latencySlots();
                case NANOS -> stats.latencyNanos();
                case SLOWDOWN -> stats.slowdown();
            };
            out.append(String.format(Locale.ROOT, "  %-16s %10d %10d", messageClass.label(), stats.completed(),
                stats.incomplete()));
            if (d.count() == 0)
            {
                out.append(String.format(Locale.ROOT, " %12s %12s %12s %12s%n", "-", "-", "-", "-"));
            }
            else if (kind == Kind.SLOTS)
            {
                out.append(String.format(Locale.ROOT, " %12.2f %12.0f %12.0f %12.0f%n",
                    d.mean(), d.p50(), d.p99(), d.p999()));
            }
            else
            {
                final String cell = kind == Kind.NANOS ? " %12.2f" : " %12.3f";
                out.append(String.format(Locale.ROOT, cell + cell + cell + cell + "%n",
                    d.mean(), d.p50(), d.p99(), d.p999()));
            }
        }
    }
}
