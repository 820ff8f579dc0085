package org.edm.bench.report;

import org.edm.bench.harness.RunResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The facts the report states before its table, in order: machine, date, line rate, transport, baselines. When runs
 * differ in line rate or transport (real perftest has no emulated rate), each value names the baselines it applies
 * to.
 */
final class ReportFacts
{
    private ReportFacts()
    {
    }

    static Map<String, String> of(final ReportHeader header, final RunIndex index)
    {
        final Map<String, String> facts = new LinkedHashMap<>();
        facts.put("machine", header.machine());
        facts.put("date", header.date());
        facts.put("line rate", perValue(index, run -> lineRate(run.lineRateGbps())));
        facts.put("transport", perValue(index, RunResult::transport));
        facts.put("baselines", String.join(", ", index.baselines()));
        return facts;
    }

    /** "10 Gb/s", "2.5 Gb/s", or "not emulated" for 0. */
    static String lineRate(final double gbps)
    {
        if (!(gbps > 0))
        {
            return "not emulated";
        }
        final String number = gbps == Math.rint(gbps) ?
            String.format(Locale.ROOT, "%.0f", gbps) : String.format(Locale.ROOT, "%s", gbps);
        return number + " Gb/s";
    }

    /** The one value all runs share, or each distinct value followed by the baselines that ran with it. */
    private static String perValue(final RunIndex index, final Function<RunResult, String> property)
    {
        final Map<String, Set<String>> baselinesByValue = new LinkedHashMap<>();
        for (final RunResult run : index.runs())
        {
            baselinesByValue.computeIfAbsent(property.apply(run), value -> new LinkedHashSet<>()).add(run.baseline());
        }
        if (baselinesByValue.size() == 1)
        {
            return baselinesByValue.keySet().iterator().next();
        }
        final List<String> parts = new ArrayList<>();
        baselinesByValue.forEach((value, baselines) -> parts.add(value + " (" + String.join(", ", baselines) + ")"));
        return String.join("; ", parts);
    }
}
