package org.edm.bench.report;

import java.util.ArrayList;
import java.util.List;

/** An axis of named, evenly spaced positions (load levels that have no numeric rate); value i is the i-th name. */
final class CategoryScale implements Scale
{
    private final List<String> names;
    private final double pixelLow;
    private final double pixelHigh;

    CategoryScale(final List<String> names, final double pixelLow, final double pixelHigh)
    {
        this.names = List.copyOf(names);
        this.pixelLow = pixelLow;
        this.pixelHigh = pixelHigh;
    }

    @Override
    public double pixel(final double value)
    {
        final int count = Math.max(1, names.size());
        final double index = Double.isNaN(value) ? 0 : Math.max(0, Math.min(count - 1, value));
        return pixelLow + (index + 0.5) / count * (pixelHigh - pixelLow);
    }

    @Override
    public List<Tick> ticks()
    {
        final List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < names.size(); i++)
        {
            ticks.add(new Tick(i, names.get(i)));
        }
        return ticks;
    }
}
