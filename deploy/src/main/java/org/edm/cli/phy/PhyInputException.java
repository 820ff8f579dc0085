package org.edm.cli.phy;

/**
 * Bad input to a {@code phy} tool: the message names the source and the line, and says what was expected. Control
 * plane only; the commands print it as one line and exit with {@link PhyText#EXIT_BAD_INPUT}.
 */
final class PhyInputException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    PhyInputException(final String source, final long line, final String message)
    {
        super(source + ":" + line + ": " + message);
    }

    PhyInputException(final String message)
    {
        super(message);
    }
}
