package org.edm.cli.phy;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts {@code edm phy dump} reports at the end: what it read, and everything it skipped or found broken, each
 * kind with its count and, where it helps, its names or packet numbers. "Skipped" means the packet's blocks were not
 * used: packets that are no carrier frames, malformed carrier frames, duplicate or late ones, and records cut off by
 * the end of the file.
 */
final class DumpSummary
{
    long packets;
    long carrierFrames;
    long blocks;
    long messages;
    long carriedFrames;
    long truncatedRecords;
    long lostFrames;
    String stoppedAfter;
    private final Map<String, Long> nonCarrier = new LinkedHashMap<>();
    private final Map<String, Long> malformedCarriers = new LinkedHashMap<>();
    private final Map<String, Long> sequenceSkips = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> incomplete = new ArrayList<>();

    void nonCarrier(final String kind)
    {
        nonCarrier.merge(kind, 1L, Long::sum);
    }

    void malformedCarrier(final String reason)
    {
        malformedCarriers.merge(reason, 1L, Long::sum);
    }

    /** A carrier frame dropped for its sequence number: "duplicate", "late" or "stale". */
    void sequenceSkip(final String kind)
    {
        sequenceSkips.merge(kind, 1L, Long::sum);
    }

    /** A malformed memory sequence or a dropped carried frame, with where it was. */
    void problem(final String text)
    {
        problems.add(text);
    }

    /** A message or frame still unfinished at the end of the capture. */
    void incomplete(final String text)
    {
        incomplete.add(text);
    }

    void print(final PrintWriter out)
    {
        out.println("summary: " + packets + plural(packets, " packet") + ", " + carrierFrames +
            plural(carrierFrames, " carrier frame") + " (" + blocks + plural(blocks, " block") + "), " + messages +
            plural(messages, " message") + ", " + carriedFrames + plural(carriedFrames, " MAC frame") + " carried" +
            (stoppedAfter == null ? "" : "; stopped after " + stoppedAfter));
        out.println("skipped: " + skipped());
        if (lostFrames > 0)
        {
            out.println("lost: " + lostFrames + plural(lostFrames, " carrier frame") +
                " missing from the link sequence numbers");
        }
        if (!problems.isEmpty())
        {
            out.println("problems: " + problems.size() + ": " + ProblemSummary.list(problems));
        }
        if (!incomplete.isEmpty())
        {
            out.println("incomplete at the end: " + ProblemSummary.list(incomplete));
        }
    }

    private String skipped()
    {
        final List<String> parts = new ArrayList<>();
        final long nonCarrierCount = total(nonCarrier);
        if (nonCarrierCount > 0)
        {
            parts.add(nonCarrierCount + plural(nonCarrierCount, " non-carrier frame") + " (" + kinds(nonCarrier) + ")");
        }
        final long malformedCount = total(malformedCarriers);
        if (malformedCount > 0)
        {
            parts.add(malformedCount + plural(malformedCount, " malformed carrier") + " (" + kinds(malformedCarriers) +
                ")");
        }
        for (final Map.Entry<String, Long> entry : sequenceSkips.entrySet())
        {
            parts.add(entry.getValue() + " " + entry.getKey() + plural(entry.getValue(), " carrier"));
        }
        if (truncatedRecords > 0)
        {
            parts.add(truncatedRecords + plural(truncatedRecords, " truncated record"));
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    /** The kinds with their counts, "ARP x2, IPv4 x1"; a single kind without its count, which the total gives. */
    private static String kinds(final Map<String, Long> counts)
    {
        if (counts.size() == 1)
        {
            return counts.keySet().iterator().next();
        }
        final List<String> parts = new ArrayList<>();
        for (final Map.Entry<String, Long> entry : counts.entrySet())
        {
            parts.add(entry.getKey() + " x" + entry.getValue());
        }
        return String.join(", ", parts);
    }

    private static long total(final Map<String, Long> counts)
    {
        long total = 0;
        for (final long count : counts.values())
        {
            total += count;
        }
        return total;
    }

    private static String plural(final long count, final String noun)
    {
        return count == 1 ? noun : noun + "s";
    }
}
