package org.edm.cli.verify;

import org.edm.switchagent.FabricConfiguration;
import org.edm.switchagent.FabricSettings;

import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;

/** The closing block of {@code edm verify}: what was done, what was wrong, latency, line rate, GC, the verdict. */
final class VerifyReport
{
    private VerifyReport()
    {
    }

    /** Total collections and collection milliseconds of every collector so far. */
    static long[] gcNow()
    {
        long count = 0;
        long millis = 0;
        for (final GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans())
        {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] { count, millis };
    }

    static void print(
        final SoakResult result, final FabricSettings settings, final Map<String, Long> troubles, final long[] gcBefore,
        final PrintWriter out)
    {
        final double seconds = result.runNanos / 1e9;
        final long[] gc = gcNow();
        out.println(String.format(Locale.ROOT, "operations   %,d in %.1f s (%,.0f ops/s): %,d reads of %s, %,d writes " +
            "of %s", result.operations(), seconds, result.operations() / Math.max(seconds, 1e-9), result.readCount,
            bytes(result.bytesRead), result.writes, bytes(result.bytesWritten)));
        out.println(String.format(Locale.ROOT, "final sweep  %,d reads of %s%s", result.sweepReads,
            bytes(result.sweepBytes), result.hung > 0 ? " (skipped: requests hung)" : ""));
        if (result.corruptionsInjected > 0)
        {
            out.println("injected     " + result.corruptionsInjected + " corrupted byte(s) behind the fabric's back " +
                "before the final sweep (--inject-corruption): this run must fail");
        }
        out.println(String.format(Locale.ROOT, "mismatches   %,d reads (%,d bytes wrong)", result.mismatchedReads,
            result.mismatchedBytes));
        final Map<String, Long> errors = result.errorsByStatus();
        final StringBuilder errorText = new StringBuilder();
        errors.forEach((name, count) -> errorText.append(errorText.isEmpty() ? "" : ", ").append(name).append(' ')
            .append(count));
        out.println("errors       " + (errors.isEmpty() ? "none" : errorText));
        out.println("hung         " + result.hung);
        for (final String detail : result.details())
        {
            out.println("  " + detail);
        }
        out.println("latency us   all    " + SoakResult.percentiles(result.allLatency));
        out.println("             reads  " + SoakResult.percentiles(result.readLatency));
        out.println("             writes " + SoakResult.percentiles(result.writeLatency));
        final StringBuilder counters = new StringBuilder();
        troubles.forEach((name, count) -> counters.append(counters.isEmpty() ? "" : ", ").append(name).append(' ')
            .append(count));
        out.println("counters     " + (troubles.isEmpty() ? "no drops, gaps or timeouts" : counters));
        out.println("fabric       " + FabricConfiguration.rate(settings.lineRateGbps()) + " Gb/s per port, framing " +
            settings.framing().name());
        out.println(String.format(Locale.ROOT, "gc           %d collections, %d ms", gc[0] - gcBefore[0],
            gc[1] - gcBefore[1]));
        out.println("result       " + (result.passed() ? "PASS" : "FAIL"));
        out.flush();
    }

    static String bytes(final long count)
    {
        if (count < 1 << 20)
        {
            return String.format(Locale.ROOT, "%.1f KiB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", count / (1024.0 * 1024.0));
    }
}
