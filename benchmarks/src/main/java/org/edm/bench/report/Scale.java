package org.edm.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Maps data values to pixels along one axis, and says where that axis's ticks go. */
interface Scale
{
    /** A tick: where, and what it reads. */
    record Tick(double value, String label)
    {
    }

    /** The pixel of a value; always finite, values outside the domain are clamped to its ends. */
    double pixel(double value);

    List<Tick> ticks();

    /** "0.5", "20", "1500": at most three significant digits, no exponent, no trailing zeros. */
    static String label(final double value)
    {
        if (value == 0)
        {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
