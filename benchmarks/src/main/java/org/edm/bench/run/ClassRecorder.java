package org.edm.bench.run;

import org.HdrHistogram.Histogram;
import org.edm.bench.harness.ClassResult;

import java.util.concurrent.TimeUnit;

/**
 * What one class of traffic did in the measured interval: every completion's latency in an HdrHistogram of
 * nanoseconds (3 significant digits, up to a minute: longer values count as a minute), successes, errors, payload
 * bytes, and the peak rate over a sliding window of consecutive completions. Preallocated; {@link #record} neither
 * allocates nor throws.
 * <pre>
 *   peak: the last W completion times in a ring;  rate = bytes of the last W completions / (now - the time W ago)
 * </pre>
 * Why a window of completions rather than perftest's search over every pair of post and completion times: the same
 * figure for a steady run, in constant time and memory per completion.
 */
final class ClassRecorder
{
    /** Largest latency recorded exactly. */
    static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String name;
    private final Histogram histogram = new Histogram(MAX_NANOS, 3);
    private long[] windowTimes = new long[1];
    private long[] windowBytes = new long[1];
    private int windowAt;
    private long windowFilled;
    private long bytesInWindow;
    private double peakBytesPerSecond;
    private long operations;
    private long errors;
    private long bytes;
    private boolean recording;
    private long wireBytes;

    ClassRecorder(final String name)
    {
        this.name = name;
    }

    String name()
    {
        return name;
    }

    /** Clears everything and sets the peak window to {@code window} completions (control plane: may allocate). */
    void reset(final int window)
    {
        histogram.reset();
        if (windowTimes.length != window)
        {
            windowTimes = new long[window];
            windowBytes = new long[window];
        }
        windowAt = 0;
        windowFilled = 0;
        bytesInWindow = 0;
        peakBytesPerSecond = 0;
        operations = 0;
        errors = 0;
        bytes = 0;
        wireBytes = 0;
        recording = false;
    }

    /** Whether completions now count (the classes recorded by completion time: background traffic, frames). */
    void recording(final boolean on)
    {
        recording = on;
    }

    boolean recording()
    {
        return recording;
    }

    /** Adds wire bytes to the class (its transports' counts over the measured interval). */
    void addWireBytes(final long count)
    {
        wireBytes += count;
    }

    /**
     * One completion.
     *
     * @param latencyNanos from the (intended) start to the completion.
     * @param payload      bytes it moved, counted when it succeeded.
     * @param success      true when its status was 0.
     * @param nowNanos     when it completed.
     */
    void record(final long latencyNanos, final int payload, final boolean success, final long nowNanos)
    {
        histogram.recordValue(Math.max(0, Math.min(latencyNanos, MAX_NANOS)));
        if (!success)
        {
            errors++;
            return;
        }
        operations++;
        bytes += payload;
        final int window = windowTimes.length;
        if (windowFilled >= window)
        {
            final long span = nowNanos - windowTimes[windowAt];
            bytesInWindow -= windowBytes[windowAt];
            bytesInWindow += payload;
            if (span > 0)
            {
                final double rate = bytesInWindow * 1e9 / span;
                if (rate > peakBytesPerSecond)
                {
                    peakBytesPerSecond = rate;
                }
            }
        }
        else
        {
            bytesInWindow += payload;
        }
        windowTimes[windowAt] = nowNanos;
        windowBytes[windowAt] = payload;
        windowAt = windowAt + 1 == window ? 0 : windowAt + 1;
        windowFilled++;
    }

    long operations()
    {
        return operations;
    }

    long errors()
    {
        return errors;
    }

    /** The class's result over {@code seconds} (copies the histogram: the recorder is reused). */
    ClassResult result(final double seconds)
    {
        return new ClassResult(name, histogram.copy(), operations, errors, bytes, seconds, wireBytes,
            peakBytesPerSecond);
    }
}
