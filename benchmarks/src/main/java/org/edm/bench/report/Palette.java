package org.edm.bench.report;

/**
 * Colours per baseline and dash patterns per class. The colours are the Okabe-Ito set, told apart with colour-vision
 * deficiencies too; EDM, the first baseline, is always blue.
 */
final class Palette
{
    private static final String[] COLOURS = {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    private static final String[] DASHES = {"none", "7 3", "2 3", "9 3 2 3"};

    private Palette()
    {
    }

    static String colour(final int index)
    {
        return COLOURS[Math.floorMod(index, COLOURS.length)];
    }

    /** An SVG {@code stroke-dasharray}: solid for the first, then dashed, dotted, dash-dotted. */
    static String dash(final int index)
    {
        return DASHES[Math.floorMod(index, DASHES.length)];
    }
}
