package org.edm.host;

/**
 * The IPv4 subnet of a fabric's TAP interfaces, from which each host's address follows from its node id: node n gets
 * the subnet's address n + 1 (the network address itself is never used), so every host of a rack knows every other's
 * address without configuration.
 *
 * @param network      the network address, host bits zero.
 * @param prefixLength the prefix length, 8..30.
 */
public record TapSubnet(int network, int prefixLength)
{
    /** Parses {@code a.b.c.d/len}; the message of the exception says what is wrong. */
    public static TapSubnet parse(final String cidr)
    {
        final int slash = cidr.indexOf('/');
        if (slash < 0)
        {
            throw new IllegalArgumentException("is not an IPv4 subnet a.b.c.d/len");
        }
        final int length;
        try
        {
            length = Integer.parseInt(cidr.substring(slash + 1));
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("has no prefix length after '/'");
        }
        if (length < 8 || length > 30)
        {
            throw new IllegalArgumentException("prefix length " + length + " outside [8, 30]");
        }
        final int address = parseAddress(cidr.substring(0, slash));
        final int mask = -1 << (32 - length);
        if ((address & ~mask) != 0)
        {
            throw new IllegalArgumentException("has host bits set (the network of " + cidr + " is " +
                text(address & mask) + "/" + length + ")");
        }
        return new TapSubnet(address, length);
    }

    /** The address of node {@code nodeId} with the prefix length, e.g. {@code 10.77.0.3/24} for node 2. */
    public String hostAddress(final int nodeId)
    {
        final long hosts = (1L << (32 - prefixLength)) - 2;
        if (nodeId < 0 || nodeId + 1L > hosts)
        {
            throw new IllegalArgumentException("node " + nodeId + " has no address in " + this + " (" + hosts +
                " host addresses)");
        }
        return text(network + nodeId + 1) + "/" + prefixLength;
    }

    @Override
    public String toString()
    {
        return text(network) + "/" + prefixLength;
    }

    private static int parseAddress(final String text)
    {
        final String[] parts = text.split("\\.", -1);
        if (parts.length != 4)
        {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address a.b.c.d");
        }
        int address = 0;
        for (final String part : parts)
        {
            final int value;
            try
            {
                value = Integer.parseInt(part);
            }
            catch (final NumberFormatException e)
            {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address a.b.c.d");
            }
            if (value < 0 || value > 255 || part.isEmpty() || part.length() > 3)
            {
                throw new IllegalArgumentException("'" + text + "' is not an IPv4 address a.b.c.d");
            }
            address = (address << 8) | value;
        }
        return address;
    }

    private static String text(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." +
            (address & 0xFF);
    }
}
