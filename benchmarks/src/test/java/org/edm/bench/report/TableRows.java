package org.edm.bench.report;

import java.util.Arrays;
import java.util.List;

/** Reads cells back out of {@link BenchReport#table()}, the way a script splitting on whitespace would. */
final class TableRows
{
    private TableRows()
    {
    }

    /** The lines of the block titled {@code title}: its column header first, then its rows. */
    static List<String> block(final String table, final String title)
    {
        final List<String> lines = table.lines().toList();
        final int start = lines.indexOf(" " + title);
        if (start < 0)
        {
            throw new AssertionError("no block titled '" + title + "' in\n" + table);
        }
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).isBlank())
        {
            end++;
        }
        return lines.subList(start + 1, end).stream().filter(line -> !line.startsWith(" ---")).toList();
    }

    /** The header's column names after "class" and "metric". */
    static List<String> columns(final String table, final String title)
    {
        final List<String> header = cells(block(table, title).getFirst());
        return header.subList(2, header.size());
    }

    /** The cells after the metric label of one class's metric row, e.g. ["1.00", "3.10", "3.10x"]. */
    static List<String> row(final String table, final String title, final String trafficClass, final String metric)
    {
        String currentClass = null;
        for (final String line : block(table, title).subList(1, block(table, title).size()))
        {
            if (line.charAt(1) != ' ')
            {
                currentClass = cells(line).getFirst();
            }
            final int at = line.indexOf(metric);
            if (trafficClass.equals(currentClass) && at > 0 && line.substring(at + metric.length()).startsWith(" "))
            {
                return cells(line.substring(at + metric.length()));
            }
        }
        throw new AssertionError("no row " + trafficClass + " " + metric + " under '" + title + "' in\n" + table);
    }

    private static List<String> cells(final String line)
    {
        return Arrays.asList(line.strip().split("\\s+"));
    }
}
