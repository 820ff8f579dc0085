package org.edm.sim;

import java.util.EnumMap;
import java.util.Map;

/**
 * Latency and slowdown statistics per {@link MessageClass}, computed from a {@link FlowRecorder} after a run under
 * one {@link ScoringMode} (see there for what one sample is). For each class: the number of completed samples, the
 * number of incomplete ones, and the {@link Distribution} (mean, p50, p99, p99.9; nearest rank) of latency in slots
 * and of slowdown. Latency in nanoseconds is latency in slots times the slot length.
 * <p>
 * Slowdown of a sample = {@code max(1, latency / max(1, ideal))} with the ideal from {@link IdealFct}: the clamp to 1
 * is the reference's ({@code edm.c} summary and {@code system_stats.c}); the {@code max(1, ideal)} only guards
 * parameter sets where a formula gives 0 slots (it never does at the reference's constants).
 */
public final class FlowSummary
{
    private final ScoringMode mode;
    private final double slotNanos;
    private final Map<MessageClass, ClassStats> stats;

    private FlowSummary(final ScoringMode mode, final double slotNanos, final Map<MessageClass, ClassStats> stats)
    {
        this.mode = mode;
        this.slotNanos = slotNanos;
        this.stats = stats;
    }

    /**
     * Statistics of one class.
     *
     * @param messageClass the class.
     * @param completed    completed samples.
     * @param incomplete   samples that did not complete (not in the distributions).
     * @param latencySlots latency of the completed samples, in slots.
     * @param latencyNanos the same in nanoseconds.
     * @param slowdown     slowdown of the completed samples.
     */
    public record ClassStats(
        MessageClass messageClass,
        int completed,
        int incomplete,
        Distribution latencySlots,
        Distribution latencyNanos,
        Distribution slowdown)
    {
    }

    /**
     * Computes the summary.
     *
     * @param recorder  what the run recorded.
     * @param ideal     the ideal FCT formulas, with the run's parameters.
     * @param mode      how rows become samples.
     * @param slotNanos slot length in ns (0.64 at 100 Gb/s, 2.56 at 25 Gb/s).
     */
    public static FlowSummary of(
        final FlowRecorder recorder, final IdealFct ideal, final ScoringMode mode, final double slotNanos)
    {
        return of(recorder, ideal, mode, slotNanos, 0);
    }

    /**
     * As {@link #of(FlowRecorder, IdealFct, ScoringMode, double)}, with {@code fixedNanos} added to every latency in
     * nanoseconds: the cost the timing model adds to each request beyond its simulated slots (the end hosts' PHY
     * pipelines); 0 in the netsim-compatible mode, which reports the reference's slots only.
     */
    public static FlowSummary of(
        final FlowRecorder recorder,
        final IdealFct ideal,
        final ScoringMode mode,
        final double slotNanos,
        final double fixedNanos)
    {
        if (!(slotNanos > 0 && Double.isFinite(slotNanos)))
        {
            throw new IllegalArgumentException("slotNanos=" + slotNanos + " must be > 0");
        }
        final Samples samples = new Samples(recorder.rowCount());
        if (mode == ScoringMode.END_TO_END)
        {
            collectEndToEnd(recorder, ideal, samples);
        }
        else
        {
            collectNetsim(recorder, ideal, samples);
        }
        final Map<MessageClass, ClassStats> stats = new EnumMap<>(MessageClass.class);
        for (final MessageClass messageClass : MessageClass.values())
        {
            stats.put(messageClass, samples.stats(messageClass, slotNanos, fixedNanos));
        }
        return new FlowSummary(mode, slotNanos, stats);
    }

    /** The scoring mode used. */
    public ScoringMode mode()
    {
        return mode;
    }

    /** Slot length in ns. */
    public double slotNanos()
    {
        return slotNanos;
    }

    /** Statistics of one class. */
    public ClassStats stats(final MessageClass messageClass)
    {
        return stats.get(messageClass);
    }

    /** Slowdown of a completed sample: {@code max(1, latency / max(1, ideal))}. */
    static double slowdown(final long latencySlots, final long idealSlots)
    {
        return Math.max(1.0, (double)latencySlots / Math.max(1, idealSlots));
    }

    private static void collectEndToEnd(final FlowRecorder recorder, final IdealFct ideal, final Samples samples)
    {
        final FlowTable flows = recorder.flows();
        for (int i = 0; i < flows.size(); i++)
        {
            final int type = flows.type(i);
            final MessageClass messageClass = MessageClass.ofType(type);
            if (type == FlowType.RREQ)
            {
                final int response = recorder.responseRow(i);
                if (recorder.isFinished(response))
                {
                    final long latency = recorder.finishSlot(response) - recorder.createSlot(i);
                    samples.add(messageClass, latency, slowdown(latency, ideal.ofResponse(flows, i)));
                }
                else
                {
                    samples.incomplete(messageClass);
                }
            }
            else if (recorder.isFinished(i))
            {
                final long latency = recorder.finishSlot(i) - recorder.createSlot(i);
                samples.add(messageClass, latency, slowdown(latency, ideal.ofFlow(flows, i)));
            }
            else
            {
                samples.incomplete(messageClass);
            }
        }
    }

    private static void collectNetsim(final FlowRecorder recorder, final IdealFct ideal, final Samples samples)
    {
        final FlowTable flows = recorder.flows();
        for (int row = 0; row < recorder.rowCount(); row++)
        {
            final boolean response = recorder.isResponseRow(row);
            if (response && recorder.createSlot(row) == FlowRecorder.NOT_YET)
            {
                continue;
            }
            final MessageClass messageClass = MessageClass.ofType(recorder.type(row));
            if (recorder.isFinished(row))
            {
                final long latency = recorder.finishSlot(row) - recorder.createSlot(row);
                final long idealSlots = response ? ideal.ofResponse(flows, recorder.readOf(row)) :
                    ideal.ofFlow(flows, row);
                samples.add(messageClass, latency, slowdown(latency, idealSlots));
            }
            else
            {
                samples.incomplete(messageClass);
            }
        }
    }

    /** Per-class sample arrays, sized for the worst case (every row a sample) and filled in one pass. */
    private static final class Samples
    {
        private final long[][] latency = new long[MessageClass.values().length][];
        private final double[][] slowdown = new double[MessageClass.values().length][];
        private final int[] count = new int[MessageClass.values().length];
        private final int[] incomplete = new int[MessageClass.values().length];

        Samples(final int capacity)
        {
            for (final MessageClass messageClass : MessageClass.values())
            {
                latency[messageClass.ordinal()] = new long[messageClass == MessageClass.ALL ? capacity : 0];
                slowdown[messageClass.ordinal()] = new double[messageClass == MessageClass.ALL ? capacity : 0];
            }
        }

        void add(final MessageClass messageClass, final long latencySlots, final double slowdownValue)
        {
            append(messageClass.ordinal(), latencySlots, slowdownValue);
            append(MessageClass.ALL.ordinal(), latencySlots, slowdownValue);
        }

        void incomplete(final MessageClass messageClass)
        {
            incomplete[messageClass.ordinal()]++;
            incomplete[MessageClass.ALL.ordinal()]++;
        }

        ClassStats stats(final MessageClass messageClass, final double slotNanos, final double fixedNanos)
        {
            final int k = messageClass.ordinal();
            final Distribution slots = Distribution.ofLongs(latency[k], count[k]);
            return new ClassStats(messageClass, count[k], incomplete[k], slots, slots.scaled(slotNanos, fixedNanos),
                Distribution.ofDoubles(slowdown[k], count[k]));
        }

        private void append(final int k, final long latencySlots, final double slowdownValue)
        {
            if (count[k] == latency[k].length)
            {
                final int capacity = Math.max(16, count[k] * 2);
                latency[k] = java.util.Arrays.copyOf(latency[k], capacity);
                slowdown[k] = java.util.Arrays.copyOf(slowdown[k], capacity);
            }
            latency[k][count[k]] = latencySlots;
            slowdown[k][count[k]] = slowdownValue;
            count[k]++;
        }
    }
}
