package org.edm.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear axis whose domain is widened to whole 1-2-5 steps, with about five ticks at those steps. An empty or
 * single-value range gets a width of one step.
 */
final class LinearScale implements Scale
{
    private static final int TARGET_TICKS = 5;

    private final double low;
    private final double high;
    private final double step;
    private final double pixelLow;
    private final double pixelHigh;
    private final String suffix;

    private LinearScale(
        final double low, final double high, final double step, final double pixelLow, final double pixelHigh,
        final String suffix)
    {
        this.low = low;
        this.high = high;
        this.step = step;
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
        this.suffix = suffix;
    }

    /**
     * A scale from at most {@code min} to at least {@code max}.
     *
     * @param suffix appended to each tick label, e.g. "%".
     */
    static LinearScale covering(
        final double min, final double max, final double pixelLow, final double pixelHigh, final String suffix)
    {
        final double from = Double.isFinite(min) ? min : 0;
        final double to = Double.isFinite(max) && max > from ? max : from + Math.max(1, Math.abs(from));
        final double step = LogScale.stepAtOrAbove((to - from) / TARGET_TICKS);
        final double low = Math.floor(from / step) * step;
        final double high = Math.ceil(to / step) * step;
        return new LinearScale(low, high, step, pixelLow, pixelHigh, suffix);
    }

    @Override
    public double pixel(final double value)
    {
        final double clamped = Double.isNaN(value) ? low : Math.max(low, Math.min(high, value));
        return pixelLow + (clamped - low) / (high - low) * (pixelHigh - pixelLow);
    }

    @Override
    public List<Tick> ticks()
    {
        final List<Tick> ticks = new ArrayList<>();
        final long count = Math.round((high - low) / step);
        for (long i = 0; i <= count; i++)
        {
            final double value = low + i * step;
            ticks.add(new Tick(value, Scale.label(value) + suffix));
        }
        return ticks;
    }
}
