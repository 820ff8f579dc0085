package org.edm.bench.perftest;

import org.edm.sim.JsonWriter;

/**
 * A small strict JSON builder for perftest's JSON layout (the project has no JSON library): objects, arrays, strings
 * escaped per RFC 8259 by {@link JsonWriter#appendQuoted}, numbers (NaN and infinities become null, so the output
 * always parses). Indented two spaces per level, arrays too; commas are placed automatically. The caller nests
 * begin/end calls correctly. Not thread-safe.
 */
final class JsonText
{
    private final StringBuilder out = new StringBuilder(4096);
    private int depth;
    private boolean first = true;
    private boolean afterName;

    JsonText beginObject()
    {
        return open('{');
    }

    JsonText endObject()
    {
        return close('}');
    }

    JsonText beginArray()
    {
        return open('[');
    }

    JsonText endArray()
    {
        return close(']');
    }

    /** The name of the next member of the current object. */
    JsonText name(final String name)
    {
        separate();
        string(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonText value(final String value)
    {
        separate();
        if (value == null)
        {
            out.append("null");
        }
        else
        {
            string(value);
        }
        return this;
    }

    JsonText value(final long value)
    {
        separate();
        out.append(value);
        return this;
    }

    JsonText value(final double value)
    {
        separate();
        out.append(Double.isFinite(value) ? Double.toString(value) : "null");
        return this;
    }

    JsonText value(final boolean value)
    {
        separate();
        out.append(value);
        return this;
    }

    /** A member with a string value. */
    JsonText member(final String name, final String value)
    {
        return name(name).value(value);
    }

    /** A member with an integer value. */
    JsonText member(final String name, final long value)
    {
        return name(name).value(value);
    }

    /** A member with a number value. */
    JsonText member(final String name, final double value)
    {
        return name(name).value(value);
    }

    /** A member with a boolean value. */
    JsonText member(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    /** The text, with a final newline once the top-level value is complete. */
    public String toString()
    {
        return depth == 0 ? out + "\n" : out.toString();
    }

    private JsonText open(final char bracket)
    {
        separate();
        out.append(bracket);
        depth++;
        first = true;
        return this;
    }

    private JsonText close(final char bracket)
    {
        depth--;
        if (!first)
        {
            newline();
        }
        out.append(bracket);
        first = false;
        afterName = false;
        return this;
    }

    /** Before a name or a value: a comma and a new line, unless it is the value of the member just named. */
    private void separate()
    {
        if (afterName)
        {
            afterName = false;
            return;
        }
        if (depth > 0)
        {
            if (!first)
            {
                out.append(',');
            }
            newline();
        }
        first = false;
    }

    private void newline()
    {
        out.append('\n');
        out.append("  ".repeat(depth));
    }

    private void string(final String s)
    {
        JsonWriter.appendQuoted(out, s);
    }
}
