package org.edm.sim;

import java.util.BitSet;

/**
 * A small, strict JSON text builder for the summary file and the bench report (the project has no JSON library).
 * Produces indented output with arrays on one line; strings are escaped per RFC 8259 (quote, backslash, and every
 * control character below 0x20, the latter as {@code \\uXXXX} except the usual short forms); numbers that are not
 * finite are written as {@code null}, so the output never contains NaN or Infinity. The caller nests
 * {@link #beginObject()}/{@link #endObject()} and {@link #beginArray()}/{@link #endArray()} correctly; commas are
 * inserted automatically. Not thread safe.
 */
public final class JsonWriter
{
    private final StringBuilder out = new StringBuilder(1024);
    /** Bit d is set when the container at depth d + 1 is an array: its values need commas, not names. */
    private final BitSet arrays = new BitSet();
    private int depth;
    private boolean first = true;

    /** Starts an object as a value (top level, after {@link #name(String)}, or in an array). */
    public JsonWriter beginObject()
    {
        beforeValue();
        out.append('{');
        arrays.clear(depth);
        depth++;
        first = true;
        return this;
    }

    /** Ends the innermost object. */
    public JsonWriter endObject()
    {
        depth--;
        if (!first)
        {
            newline();
        }
        out.append('}');
        first = false;
        return this;
    }

    /** Starts an array as a value; its elements are written on one line. */
    public JsonWriter beginArray()
    {
        beforeValue();
        out.append('[');
        arrays.set(depth);
        depth++;
        first = true;
        return this;
    }

    /** Ends the innermost array. */
    public JsonWriter endArray()
    {
        depth--;
        out.append(']');
        first = false;
        return this;
    }

    /** Writes the name of the next member of the current object. */
    public JsonWriter name(final String name)
    {
        if (!first)
        {
            out.append(',');
        }
        newline();
        string(name);
        out.append(": ");
        first = true;
        return this;
    }

    /** A string value, or null. */
    public JsonWriter value(final String value)
    {
        beforeValue();
        if (value == null)
        {
            out.append("null");
        }
        else
        {
            string(value);
        }
        first = false;
        return this;
    }

    /** An integer value. */
    public JsonWriter value(final long value)
    {
        beforeValue();
        out.append(value);
        first = false;
        return this;
    }

    /** A number value; NaN and infinities become null. */
    public JsonWriter value(final double value)
    {
        beforeValue();
        if (Double.isFinite(value))
        {
            out.append(value);
        }
        else
        {
            out.append("null");
        }
        first = false;
        return this;
    }

    /** A boolean value. */
    public JsonWriter value(final boolean value)
    {
        beforeValue();
        out.append(value);
        first = false;
        return this;
    }

    /** A value of any of the supported kinds: null, String, Boolean, Integer/Long/Short/Byte, other Number. */
    public JsonWriter value(final Object value)
    {
        return switch (value)
        {
            case null -> nullValue();
            case String s -> value(s);
            case Boolean b -> value(b.booleanValue());
            case Long l -> value(l.longValue());
            case Integer i -> value(i.longValue());
            case Short s -> value(s.longValue());
            case Byte b -> value(b.longValue());
            case Number n -> value(n.doubleValue());
            default -> value(value.toString());
        };
    }

    /** The JSON null. */
    public JsonWriter nullValue()
    {
        beforeValue();
        out.append("null");
        first = false;
        return this;
    }

    /** The text written so far, with a final newline when the top-level value is complete. */
    public String toString()
    {
        return depth == 0 ? out + "\n" : out.toString();
    }

    /** In an array, separates this value from the one before. */
    private void beforeValue()
    {
        if (depth > 0 && arrays.get(depth - 1) && !first)
        {
            out.append(", ");
        }
    }

    private void newline()
    {
        out.append('\n');
        for (int i = 0; i < depth; i++)
        {
            out.append("  ");
        }
    }

    private void string(final String s)
    {
        appendQuoted(out, s);
    }

    /**
     * Appends {@code s} as a JSON string: quoted, with the quote, the backslash and every control character below 0x20
     * escaped (the usual short forms where JSON has one, {@code \\uXXXX} otherwise).
     */
    public static void appendQuoted(final StringBuilder out, final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default ->
                {
                    if (c < 0x20)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
