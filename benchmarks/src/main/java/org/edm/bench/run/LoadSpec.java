package org.edm.bench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The traffic around the measured operations: how many clients read from (or write to) the one memory node at once
 * (incast), hosts writing bulk data to the same memory node in the background, ordinary frames sharing the measured
 * links, and a read/write mix. The default is unloaded: one client, nothing else.
 * <pre>
 *   clients c0..c(N-1) --- measured ops ---\
 *   bulk writers b0..b(M-1) -- writes -----> switch ---> memory node m
 *   frame host f ---- ordinary frames ------/      \---> c0 (frames also go to the first client)
 * </pre>
 *
 * @param incastClients clients running the measured test against the memory node at once (1: no incast).
 * @param bulkWriters   hosts writing {@code bulkSize}-byte messages to the memory node, {@code bulkDepth} in flight.
 * @param bulkSize      bytes per background write.
 * @param bulkDepth     background writes in flight per writer.
 * @param frameShare    fraction of the line rate the frame host sends as ordinary frames (0: none), half toward the
 *                      memory node and half toward the first client.
 * @param frameSize     length of those frames in bytes (60..1514, no FCS).
 * @param readRatio     fraction of the measured clients' operations that are reads, the rest writes; {@link #PURE}
 *                      for the test's own operation only.
 */
public record LoadSpec(
    int incastClients,
    int bulkWriters,
    int bulkSize,
    int bulkDepth,
    double frameShare,
    int frameSize,
    double readRatio)
{
    /** {@link #readRatio} of a test that issues only its own operation. */
    public static final double PURE = -1;
    public static final int DEFAULT_BULK_WRITERS = 2;
    public static final int DEFAULT_BULK_SIZE = 65536;
    public static final int DEFAULT_BULK_DEPTH = 4;
    public static final double DEFAULT_FRAME_SHARE = 0.5;
    public static final int DEFAULT_FRAME_SIZE = 1514;
    /** Clients or writers at most: the local rack's limit is 256 hosts in all. */
    public static final int MAX_HOSTS = 200;

    public LoadSpec
    {
        check(incastClients >= 1 && incastClients <= MAX_HOSTS, "incast=" + incastClients + " outside [1, " +
            MAX_HOSTS + "]");
        check(bulkWriters >= 0 && bulkWriters <= MAX_HOSTS, "bulk-writes=" + bulkWriters + " outside [0, " + MAX_HOSTS +
            "]");
        check(bulkSize >= 1, "--bulk-size=" + bulkSize + " must be >= 1");
        check(bulkDepth >= 1 && bulkDepth <= 1024, "--bulk-depth=" + bulkDepth + " outside [1, 1024]");
        check(frameShare >= 0 && frameShare <= 1, "frames=" + frameShare + " outside [0, 1] (a share of the line rate)");
        check(frameSize >= 60 && frameSize <= 1514, "--frame-size=" + frameSize + " outside [60, 1514]");
        check(readRatio == PURE || (readRatio >= 0 && readRatio <= 1), "--read-ratio=" + readRatio +
            " outside [0, 1]");
    }

    /** No load: one client, the test's own operation. */
    public static LoadSpec unloaded()
    {
        return new LoadSpec(1, 0, DEFAULT_BULK_SIZE, DEFAULT_BULK_DEPTH, 0, DEFAULT_FRAME_SIZE, PURE);
    }

    /**
     * Parses {@code --load}: a comma-separated list of {@code incast=N}, {@code bulk-writes[=M]} and
     * {@code frames[=SHARE]} (SHARE a fraction of the line rate, or a percentage such as 50%), or {@code none}.
     */
    public static LoadSpec parse(final String text)
    {
        LoadSpec load = unloaded();
        if (text == null || text.isBlank() || text.trim().equals("none"))
        {
            return load;
        }
        for (final String item : text.split(","))
        {
            final String trimmed = item.trim();
            final int equals = trimmed.indexOf('=');
            final String key = equals < 0 ? trimmed : trimmed.substring(0, equals);
            final String value = equals < 0 ? null : trimmed.substring(equals + 1);
            load = switch (key)
            {
                case "incast" -> load.withIncast(integer("incast", value == null ? "8" : value));
                case "bulk-writes", "bulk" -> load.withBulkWriters(value == null ? DEFAULT_BULK_WRITERS :
                    integer("bulk-writes", value));
                case "frames" -> load.withFrames(value == null ? DEFAULT_FRAME_SHARE : share(value));
                default -> throw new IllegalArgumentException("--load: '" + trimmed + "' is not a load; use " +
                    "incast=N, bulk-writes[=M], frames[=SHARE] or none, comma-separated");
            };
        }
        return load;
    }

    public LoadSpec withIncast(final int clients)
    {
        return new LoadSpec(clients, bulkWriters, bulkSize, bulkDepth, frameShare, frameSize, readRatio);
    }

    public LoadSpec withBulkWriters(final int writers)
    {
        return new LoadSpec(incastClients, writers, bulkSize, bulkDepth, frameShare, frameSize, readRatio);
    }

    public LoadSpec withBulk(final int size, final int depth)
    {
        return new LoadSpec(incastClients, bulkWriters, size, depth, frameShare, frameSize, readRatio);
    }

    public LoadSpec withFrames(final double share)
    {
        return new LoadSpec(incastClients, bulkWriters, bulkSize, bulkDepth, share, frameSize, readRatio);
    }

    public LoadSpec withFrameSize(final int size)
    {
        return new LoadSpec(incastClients, bulkWriters, bulkSize, bulkDepth, frameShare, size, readRatio);
    }

    public LoadSpec withReadRatio(final double ratio)
    {
        return new LoadSpec(incastClients, bulkWriters, bulkSize, bulkDepth, frameShare, frameSize, ratio);
    }

    /** True when the measured clients mix reads and writes. */
    public boolean mixed()
    {
        return readRatio != PURE;
    }

    /** True when ordinary frames run beside the memory traffic. */
    public boolean frames()
    {
        return frameShare > 0;
    }

    /** True when nothing but one client's own operations runs. */
    public boolean isUnloaded()
    {
        return incastClients == 1 && bulkWriters == 0 && !frames() && !mixed();
    }

    /** The load's name in reports: "unloaded", "incast-8+bulk-writes-2x65536B+frames-50%", ... */
    public String label()
    {
        final List<String> parts = new ArrayList<>();
        if (incastClients > 1)
        {
            parts.add("incast-" + incastClients);
        }
        if (bulkWriters > 0)
        {
            parts.add("bulk-writes-" + bulkWriters + "x" + bulkSize + "B");
        }
        if (frames())
        {
            parts.add(String.format(Locale.ROOT, "frames-%.0f%%", frameShare * 100));
        }
        if (mixed())
        {
            parts.add(String.format(Locale.ROOT, "reads-%.0f%%", readRatio * 100));
        }
        return parts.isEmpty() ? "unloaded" : String.join("+", parts);
    }

    private static int integer(final String name, final String value)
    {
        try
        {
            return Integer.parseInt(value.trim());
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("--load: " + name + "=" + value + " is not a whole number");
        }
    }

    private static double share(final String value)
    {
        final String text = value.trim();
        try
        {
            return text.endsWith("%") ? Double.parseDouble(text.substring(0, text.length() - 1)) / 100 :
                Double.parseDouble(text);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("--load: frames=" + value + " is not a share of the line rate " +
                "(0..1 or a percentage)");
        }
    }

    private static void check(final boolean ok, final String problem)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(problem);
        }
    }
}
