package org.edm.bench.report;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.ArrayList;
import java.util.List;

/**
 * A latency histogram's CDF as points, two ways.
 * <ul>
 *   <li>{@link #percentiles}: the value at the percentiles HdrHistogram's {@code .hgrm} output prints, five ticks
 *       per halving of the distance to 100%, so the tail gets as many points as the body; about 100 points for a
 *       million samples. Compact, for the JSON.</li>
 *   <li>{@link #steps}: the exact staircase, a rise at every recorded value to the share of samples at or below
 *       it. For the plots, which thin it to what a pixel can show.</li>
 * </ul>
 */
final class CdfPoints
{
    /** Ticks per half distance to 100%, as in {@code outputPercentileDistribution(out, 5, scale)}. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final double NANOS_PER_MICRO = 1000.0;

    /**
     * One point: {@code percentile}% of the samples were at most {@code micros}.
     *
     * @param percentile 0 to 100.
     */
    record Point(double percentile, double micros)
    {
    }

    private CdfPoints()
    {
    }

    /** The points of a histogram of nanoseconds, in increasing order of both; empty for an empty histogram. */
    static List<Point> percentiles(final Histogram nanos)
    {
        final List<Point> points = new ArrayList<>();
        if (nanos.getTotalCount() == 0)
        {
            return points;
        }
        for (final HistogramIterationValue value : nanos.percentiles(TICKS_PER_HALF_DISTANCE))
        {
            // The bucket's highest equivalent value, as the .hgrm file shows it.
            points.add(new Point(value.getPercentileLevelIteratedTo(), micros(nanos, value)));
        }
        return points;
    }

    /**
     * The staircase: from 0% at the smallest value, at each recorded value a vertical rise to the percentage of
     * samples at or below it. Empty for an empty histogram.
     */
    static List<Point> steps(final Histogram nanos)
    {
        final List<Point> points = new ArrayList<>();
        final double total = nanos.getTotalCount();
        if (total == 0)
        {
            return points;
        }
        double below = 0;
        for (final HistogramIterationValue value : nanos.recordedValues())
        {
            final double micros = micros(nanos, value);
            final double atOrBelow = 100.0 * value.getTotalCountToThisValue() / total;
            points.add(new Point(below, micros));
            points.add(new Point(atOrBelow, micros));
            below = atOrBelow;
        }
        return points;
    }

    private static double micros(final Histogram nanos, final HistogramIterationValue value)
    {
        return nanos.highestEquivalentValue(value.getValueIteratedTo()) / NANOS_PER_MICRO;
    }
}
