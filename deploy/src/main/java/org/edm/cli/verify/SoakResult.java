package org.edm.cli.verify;

import org.HdrHistogram.Histogram;
import org.edm.phy.mem.CompletionStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What a {@link Soak} did: operations, bytes, mismatches, errors by status, hung requests and latency histograms. */
public final class SoakResult
{
    /** Mismatches and hung requests described in full; the rest are only counted. */
    public static final int MAX_DETAILS = 10;

    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);

    final Histogram readLatency = new Histogram(HIGHEST_NANOS, 3);
    final Histogram writeLatency = new Histogram(HIGHEST_NANOS, 3);
    final Histogram allLatency = new Histogram(HIGHEST_NANOS, 3);
    final long[] errorsByStatus = new long[256];
    final List<String> details = new ArrayList<>();
    long readCount;
    long writes;
    long bytesRead;
    long bytesWritten;
    long mismatchedReads;
    long mismatchedBytes;
    long hung;
    long errors;
    long sweepReads;
    long sweepBytes;
    long corruptionsInjected;
    long runNanos;

    void recordRead(final int size, final long latencyNanos)
    {
        readCount++;
        bytesRead += size;
        record(readLatency, latencyNanos);
    }

    void recordWrite(final int size, final long latencyNanos)
    {
        writes++;
        bytesWritten += size;
        record(writeLatency, latencyNanos);
    }

    void error(final int status)
    {
        errors++;
        errorsByStatus[status & 0xFF]++;
    }

    void mismatch(final int wrongBytes, final String detail)
    {
        mismatchedReads++;
        mismatchedBytes += wrongBytes;
        detail("mismatch: " + detail);
    }

    void hung(final String detail)
    {
        hung++;
        detail("hung: " + detail);
    }

    private void detail(final String line)
    {
        if (details.size() < MAX_DETAILS)
        {
            details.add(line);
        }
    }

    private void record(final Histogram histogram, final long latencyNanos)
    {
        final long value = Math.min(Math.max(latencyNanos, 0), HIGHEST_NANOS);
        histogram.recordValue(value);
        allLatency.recordValue(value);
    }

    /** True when the fabric passed: no mismatch, no error status, nothing hung. */
    public boolean passed()
    {
        return mismatchedReads == 0 && errors == 0 && hung == 0;
    }

    public long operations()
    {
        return readCount + writes;
    }

    public long mismatches()
    {
        return mismatchedReads;
    }

    public long errors()
    {
        return errors;
    }

    public long hungRequests()
    {
        return hung;
    }

    /** Errors by status name, e.g. {timeout=3}. */
    public Map<String, Long> errorsByStatus()
    {
        final Map<String, Long> byName = new LinkedHashMap<>();
        for (int status = 0; status < errorsByStatus.length; status++)
        {
            if (errorsByStatus[status] > 0)
            {
                byName.put(CompletionStatus.name(status), errorsByStatus[status]);
            }
        }
        return byName;
    }

    /** The mismatches and hung requests described (the first {@link #MAX_DETAILS}). */
    public List<String> details()
    {
        return List.copyOf(details);
    }

    String progressLine()
    {
        return String.format(Locale.ROOT, "%,d ops (%,d reads, %,d writes), %d mismatches, %d errors", operations(),
            readCount, writes, mismatchedReads, errors);
    }

    /** p50, p99, p99.9 and max of {@code histogram} in microseconds. */
    static String percentiles(final Histogram histogram)
    {
        if (histogram.getTotalCount() == 0)
        {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f  p99 %.1f  p99.9 %.1f  max %.1f",
            histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(99) / 1e3,
            histogram.getValueAtPercentile(99.9) / 1e3, histogram.getMaxValue() / 1e3);
    }
}
