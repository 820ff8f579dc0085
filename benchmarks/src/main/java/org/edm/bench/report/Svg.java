package org.edm.bench.report;

import java.util.Locale;

/**
 * Writes SVG elements into the page: attributes are name/value pairs whose numbers are printed with one decimal and
 * whose text is escaped. A coordinate that is not a finite number is a bug in a scale and throws, rather than
 * reaching the page as "NaN". No namespace attribute: SVG inside HTML needs none.
 */
final class Svg
{
    private final StringBuilder out;

    Svg(final StringBuilder out)
    {
        this.out = out;
    }

    /** {@code <name attr="value" ...>}; attributes alternate names and values (String or Number). */
    Svg open(final String name, final Object... attributes)
    {
        tag(name, attributes);
        out.append(">\n");
        return this;
    }

    Svg close(final String name)
    {
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** {@code <name attr="value" .../>}. */
    Svg empty(final String name, final Object... attributes)
    {
        tag(name, attributes);
        out.append("/>\n");
        return this;
    }

    /** {@code <name attr="value" ...>text</name>}, the text escaped. */
    Svg element(final String name, final String text, final Object... attributes)
    {
        tag(name, attributes);
        out.append('>').append(Html.escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /** Escaped text inside the element opened last. */
    Svg content(final String text)
    {
        out.append(Html.escape(text));
        return this;
    }

    /** "12.3": one decimal is finer than a pixel. */
    static String number(final double value)
    {
        if (!Double.isFinite(value))
        {
            throw new IllegalArgumentException("not a finite coordinate: " + value);
        }
        final String text = String.format(Locale.ROOT, "%.1f", value);
        return text.equals("-0.0") ? "0.0" : text;
    }

    private void tag(final String name, final Object... attributes)
    {
        if (attributes.length % 2 != 0)
        {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attributes.length; i += 2)
        {
            final Object value = attributes[i + 1];
            final String text = value instanceof Number number ? number(number.doubleValue()) : String.valueOf(value);
            out.append(' ').append(attributes[i]).append("=\"").append(Html.escape(text)).append('"');
        }
    }
}
