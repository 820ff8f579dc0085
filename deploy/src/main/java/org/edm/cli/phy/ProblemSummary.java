package org.edm.cli.phy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short summaries of many problems for the last line of a tool's report: grouped by reason, with where each was found,
 * and cut after a few places so that a badly broken input still gives a readable line.
 */
final class ProblemSummary
{
    /** Places listed per reason before the rest is only counted. */
    static final int MAX_PLACES = 8;

    private ProblemSummary()
    {
    }

    /**
     * Problems grouped by reason in order of first appearance, for example
     * {@code orphan-block x3 at lines 1, 2, 7; length-mismatch at line 9}.
     */
    static String byReason(final List<MessageAssembler.Problem> problems, final String one, final String many)
    {
        final Map<String, List<String>> places = new LinkedHashMap<>();
        for (final MessageAssembler.Problem problem : problems)
        {
            places.computeIfAbsent(problem.reason(), reason -> new ArrayList<>()).add(
                Long.toString(problem.position()));
        }
        final List<String> parts = new ArrayList<>();
        for (final Map.Entry<String, List<String>> entry : places.entrySet())
        {
            final List<String> where = entry.getValue();
            parts.add(entry.getKey() + (where.size() > 1 ? " x" + where.size() + " at " + many : " at " + one) +
                list(where));
        }
        return String.join("; ", parts);
    }

    /** Up to {@link #MAX_PLACES} items separated by commas, then how many more. */
    static String list(final List<String> items)
    {
        if (items.size() <= MAX_PLACES)
        {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, MAX_PLACES)) + " and " + (items.size() - MAX_PLACES) + " more";
    }
}
