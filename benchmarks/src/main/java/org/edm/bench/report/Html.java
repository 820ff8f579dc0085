package org.edm.bench.report;

/** Escaping of text and attribute values for the HTML page and its inline SVG. */
final class Html
{
    private Html()
    {
    }

    /** The text with {@code & < > " '} replaced by character references, safe in content and quoted attributes. */
    static String escape(final String text)
    {
        final StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default ->
                {
                    // Control characters are not allowed in XML-compatible markup; show them as spaces.
                    out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
                }
            }
        }
        return out.toString();
    }
}
