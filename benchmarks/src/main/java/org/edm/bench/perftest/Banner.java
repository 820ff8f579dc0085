package org.edm.bench.perftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The block perftest prints before its table, adapted to a fabric: a centred title such as "EDM_Read Latency Test",
 * then one {@code " Key             : value"} line per setting (device, transport type, TX depth, MTU, line rate, what
 * the latency means, the load...), between separator lines. Immutable; {@link #with} returns a copy.
 * <pre>
 *   ---------------------------------------------------------------------------------------
 *                       EDM_Read Latency Test
 *    Device          : in-memory rack 'bench' (2 hosts)
 *    Transport type  : EDM
 *    ...
 *   ---------------------------------------------------------------------------------------
 *    local address: node 1 (c0) MAC 02:ed:a2:4f:00:00
 *    remote address: node 2 (m0) MAC 02:ed:a2:4f:00:01 region key 1
 * </pre>
 * The printer adds the table's own separator line and header after it, as perftest does.
 */
public final class Banner
{
    private static final String INDENT = " ".repeat(20);

    private final String title;
    private final List<String[]> entries;
    private final List<String> addresses;

    private Banner(final String title, final List<String[]> entries, final List<String> addresses)
    {
        this.title = title;
        this.entries = List.copyOf(entries);
        this.addresses = List.copyOf(addresses);
    }

    /** A banner with only its title. */
    public static Banner titled(final String title)
    {
        return new Banner(title, List.of(), List.of());
    }

    /** This banner with one more {@code key : value} line. */
    public Banner with(final String key, final String value)
    {
        final List<String[]> more = new ArrayList<>(entries);
        more.add(new String[] { key, value });
        return new Banner(title, more, addresses);
    }

    /**
     * This banner with one more address line, printed after the settings as perftest prints its {@code local address}
     * and {@code remote address} lines: {@code " local address: node 1 (c0) MAC 02:ed:..."}.
     */
    public Banner withAddress(final String side, final String address)
    {
        final List<String> more = new ArrayList<>(addresses);
        more.add(" " + side + " address: " + address);
        return new Banner(title, entries, more);
    }

    public String title()
    {
        return title;
    }

    /** The value of {@code key}, or null. */
    public String value(final String key)
    {
        for (final String[] entry : entries)
        {
            if (entry[0].equals(key))
            {
                return entry[1];
            }
        }
        return null;
    }

    /** The banner's lines, separators included, without line ends; the address lines last, after a separator. */
    public List<String> lines()
    {
        final List<String> lines = new ArrayList<>();
        lines.add(PerftestTable.LINE);
        lines.add(INDENT + title);
        for (final String[] entry : entries)
        {
            lines.add(String.format(Locale.ROOT, " %-15s : %s", entry[0], entry[1]));
        }
        lines.add(PerftestTable.LINE);
        lines.addAll(addresses);
        return lines;
    }
}
