package org.edm.bench.report;

import java.util.List;

/**
 * One SVG chart: a fixed-size canvas with a plot area on the left and the legend on the right. The caller makes the
 * scales over {@link #LEFT}..{@link #RIGHT} and {@link #BOTTOM}..{@link #TOP}, then calls {@link #frame}, draws
 * its series with {@link #line} and {@link #marker}, and ends with {@link #legend}, which closes the SVG.
 */
final class Plot
{
    static final double WIDTH = 700;
    static final double HEIGHT = 372;
    static final double LEFT = 64;
    static final double RIGHT = 500;
    static final double TOP = 34;
    static final double BOTTOM = 318;

    /** Points closer than this, in pixels, to the last one drawn add little to see and are left out. */
    private static final double MIN_STEP_PIXELS = 1.5;
    /** Category names longer than this are cut on the axis (the full name is in the tooltip). */
    private static final int MAX_TICK_LABEL = 18;
    /** Legend labels longer than this are cut to fit the space right of the plot (the full one is the tooltip). */
    private static final int MAX_LEGEND_LABEL = 24;

    /** A legend line: a stroke sample in the colour and dash, with a marker when {@code marker} is set. */
    record LegendEntry(String label, String colour, String dash, boolean marker)
    {
    }

    private final Svg svg;
    private final Scale x;
    private final Scale y;

    Plot(final StringBuilder out, final Scale x, final Scale y)
    {
        this.svg = new Svg(out);
        this.x = x;
        this.y = y;
    }

    /** Opens the SVG and draws the title, the grid, the ticks and the axis titles (an empty x title is left out). */
    void frame(final String cssClass, final String title, final String xTitle, final String yTitle,
        final boolean slantedXLabels)
    {
        svg.open("svg", "class", cssClass, "width", WIDTH, "height", HEIGHT,
            "viewBox", "0 0 " + Svg.number(WIDTH) + " " + Svg.number(HEIGHT), "role", "img", "aria-label", title);
        svg.element("title", title);
        svg.empty("rect", "x", 0, "y", 0, "width", WIDTH, "height", HEIGHT, "fill", "#ffffff");
        svg.element("text", title, "x", LEFT, "y", 20, "class", "chart-title");
        xTicks(slantedXLabels);
        yTicks();
        svg.empty("rect", "x", LEFT, "y", TOP, "width", RIGHT - LEFT, "height", BOTTOM - TOP, "class", "axes");
        if (!xTitle.isEmpty())
        {
            svg.element("text", xTitle, "x", (LEFT + RIGHT) / 2, "y", BOTTOM + 40, "text-anchor", "middle",
                "class", "axis-title");
        }
        final double yTitleX = 16;
        final double yTitleY = (TOP + BOTTOM) / 2;
        svg.element("text", yTitle, "x", yTitleX, "y", yTitleY, "text-anchor", "middle", "class", "axis-title",
            "transform", "rotate(-90 " + Svg.number(yTitleX) + " " + Svg.number(yTitleY) + ")");
    }

    /** A vertical grid line and a label per x tick; slanted labels (long load names) are cut, the tooltip whole. */
    private void xTicks(final boolean slanted)
    {
        for (final Scale.Tick tick : x.ticks())
        {
            final double px = x.pixel(tick.value());
            svg.empty("line", "x1", px, "y1", TOP, "x2", px, "y2", BOTTOM, "class", "grid");
            if (slanted)
            {
                final double py = BOTTOM + 14;
                svg.open("text", "x", px, "y", py, "text-anchor", "end",
                    "transform", "rotate(-25 " + Svg.number(px) + " " + Svg.number(py) + ")");
                svg.element("title", tick.label());
                svg.content(cut(tick.label(), MAX_TICK_LABEL)).close("text");
            }
            else
            {
                svg.element("text", tick.label(), "x", px, "y", BOTTOM + 16, "text-anchor", "middle");
            }
        }
    }

    /** A horizontal grid line and a label per y tick. */
    private void yTicks()
    {
        for (final Scale.Tick tick : y.ticks())
        {
            final double py = y.pixel(tick.value());
            svg.empty("line", "x1", LEFT, "y1", py, "x2", RIGHT, "y2", py, "class", "grid");
            svg.element("text", tick.label(), "x", LEFT - 6, "y", py + 4, "text-anchor", "end");
        }
    }

    /**
     * A polyline through the data points (NaN points are skipped, fewer than two draw nothing), thinned to the
     * points a pixel and a half apart; a {@code tooltip} names it on hover.
     */
    void line(final double[] xs, final double[] ys, final String colour, final String dash, final String tooltip)
    {
        final StringBuilder points = new StringBuilder();
        double lastX = Double.NaN;
        double lastY = Double.NaN;
        int kept = 0;
        for (int i = 0; i < xs.length; i++)
        {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i]))
            {
                continue;
            }
            final double px = x.pixel(xs[i]);
            final double py = y.pixel(ys[i]);
            final boolean last = i == xs.length - 1;
            if (kept > 0 && !last && Math.abs(px - lastX) < MIN_STEP_PIXELS && Math.abs(py - lastY) < MIN_STEP_PIXELS)
            {
                continue;
            }
            points.append(kept == 0 ? "" : " ").append(Svg.number(px)).append(',').append(Svg.number(py));
            lastX = px;
            lastY = py;
            kept++;
        }
        if (kept < 2)
        {
            return; // a single point is no line; markers show it
        }
        svg.open("polyline", "points", points.toString(), "fill", "none", "stroke", colour,
            "stroke-width", 1.8, "stroke-dasharray", dash);
        svg.element("title", tooltip);
        svg.close("polyline");
    }

    /** A dot at one data point, filled or hollow, with its value as the tooltip. */
    void marker(final double xValue, final double yValue, final String colour, final boolean filled,
        final String tooltip)
    {
        svg.open("circle", "cx", x.pixel(xValue), "cy", y.pixel(yValue), "r", 3.2,
            "fill", filled ? colour : "#ffffff", "stroke", colour, "stroke-width", 1.5);
        svg.element("title", tooltip);
        svg.close("circle");
    }

    /** A note in the middle of the plot area, such as "no samples". */
    void note(final String text)
    {
        svg.element("text", text, "x", (LEFT + RIGHT) / 2, "y", (TOP + BOTTOM) / 2, "text-anchor", "middle",
            "class", "note");
    }

    /** Draws the legend to the right of the plot and closes the SVG. */
    void legend(final List<LegendEntry> entries)
    {
        final double left = RIGHT + 16;
        double top = TOP + 6;
        for (final LegendEntry entry : entries)
        {
            svg.empty("line", "x1", left, "y1", top, "x2", left + 26, "y2", top, "stroke", entry.colour(),
                "stroke-width", 1.8, "stroke-dasharray", entry.dash());
            if (entry.marker())
            {
                svg.empty("circle", "cx", left + 13, "cy", top, "r", 3.2, "fill", entry.colour());
            }
            svg.open("text", "x", left + 32, "y", top + 4);
            svg.element("title", entry.label());
            svg.content(cut(entry.label(), MAX_LEGEND_LABEL)).close("text");
            top += 17;
        }
        svg.close("svg");
    }

    private static String cut(final String text, final int length)
    {
        return text.length() > length ? text.substring(0, length - 1) + "\u2026" : text;
    }
}
