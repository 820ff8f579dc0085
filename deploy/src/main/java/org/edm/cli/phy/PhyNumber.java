package org.edm.cli.phy;

import picocli.CommandLine;

/**
 * Numeric options of the {@code phy} tools: decimal, or hexadecimal after {@code 0x}, because node ids and lengths
 * are naturally decimal while keys and addresses are naturally hex ({@code --key 0x2a --address 0x1000}). Values are
 * unsigned; ranges are checked by the command, which knows the limits of the framing in use.
 */
final class PhyNumber implements CommandLine.ITypeConverter<Long>
{
    public Long convert(final String text)
    {
        try
        {
            return parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException(ex.getMessage());
        }
    }

    /**
     * Parses a non-negative number below 2^63, decimal or {@code 0x} hex; underscores between digits are allowed.
     *
     * @throws IllegalArgumentException with a message for the user.
     */
    static long parse(final String text)
    {
        final boolean hex = text.startsWith("0x") || text.startsWith("0X");
        final String digits = (hex ? text.substring(2) : text).replace("_", "");
        if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-"))
        {
            throw new IllegalArgumentException("'" + text + "' is not a number (decimal, or hex after 0x)");
        }
        try
        {
            return Long.parseLong(digits, hex ? 16 : 10);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "' is not a number (decimal, or hex after 0x) or is too " +
                "large", ex);
        }
    }
}
