package org.edm.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A logarithmic axis, for latencies that span decades. The domain is the data's range widened to the nearest
 * 1-2-5 steps (a single value gets one step either side); zero and negative values, which a log axis cannot show,
 * sit at the low end. Ticks are the decades, plus the 2s and 5s when the domain spans less than two decades.
 */
final class LogScale implements Scale
{
    private static final double[] STEPS = {1, 2, 5};
    private static final double EPSILON = 1e-9;

    private final double low;
    private final double high;
    private final double pixelLow;
    private final double pixelHigh;

    private LogScale(final double low, final double high, final double pixelLow, final double pixelHigh)
    {
        this.low = low;
        this.high = high;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
    }

    /** A scale covering the positive finite values given; [1, 10] when there are none. */
    static LogScale covering(final double[] values, final double pixelLow, final double pixelHigh)
    {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (final double value : values)
        {
            if (value > 0 && Double.isFinite(value))
            {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        if (max == 0)
        {
            return new LogScale(1, 10, pixelLow, pixelHigh);
        }
        double low = stepAtOrBelow(min);
        double high = stepAtOrAbove(max);
        if (high <= low)
        {
            low = stepAtOrBelow(low * (1 - EPSILON) / 1.5);
            high = stepAtOrAbove(high * (1 + EPSILON) * 1.5);
        }
        return new LogScale(low, high, pixelLow, pixelHigh);
    }

    double low()
    {
        return low;
    }

    double high()
    {
        return high;
    }

    @Override
    public double pixel(final double value)
    {
        final double clamped = value > low ? Math.min(value, high) : low;
        final double fraction = Math.log(clamped / low) / Math.log(high / low);
        return pixelLow + fraction * (pixelHigh - pixelLow);
    }

    @Override
    public List<Tick> ticks()
    {
        final List<Tick> decades = ticksAt(new double[] {1});
        return decades.size() >= 3 ? decades : ticksAt(STEPS);
    }

    private List<Tick> ticksAt(final double[] multiples)
    {
        final List<Tick> ticks = new ArrayList<>();
        for (double decade = Math.pow(10, Math.floor(Math.log10(low))); decade <= high * (1 + EPSILON); decade *= 10)
        {
            for (final double multiple : multiples)
            {
                final double value = decade * multiple;
                if (value >= low * (1 - EPSILON) && value <= high * (1 + EPSILON))
                {
                    ticks.add(new Tick(value, Scale.label(value)));
                }
            }
        }
        return ticks;
    }

    /** The largest 1, 2 or 5 times a power of ten that is at most the value. */
    static double stepAtOrBelow(final double value)
    {
        final double decade = Math.pow(10, Math.floor(Math.log10(value)));
        double step = decade;
        for (final double multiple : STEPS)
        {
            if (decade * multiple <= value * (1 + EPSILON))
            {
                step = decade * multiple;
            }
        }
        return step;
    }

    /** The smallest 1, 2 or 5 times a power of ten that is at least the value. */
    static double stepAtOrAbove(final double value)
    {
        final double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (final double multiple : STEPS)
        {
            if (decade * multiple >= value * (1 - EPSILON))
            {
                return decade * multiple;
            }
        }
        return decade * 10;
    }
}
