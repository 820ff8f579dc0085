package org.edm.cli.phy;

import org.edm.phy.mem.Framing;
import picocli.CommandLine;

/**
 * The {@code --framing} option of the {@code phy} tools: how memory messages map onto blocks ({@link Framing}). It
 * decides how blocks are built and read back, and whether the sync headers 00 and 11, which clause 49 leaves unused,
 * are memory data blocks (wire-8) or invalid.
 */
final class FramingOption implements CommandLine.ITypeConverter<Framing>
{
    /** Text for option descriptions. */
    static final String DESCRIPTION = "How memory messages map onto blocks: wire-7 (the default: 7 data bytes per "
        + "block, as the hardware), wire-8 (8 data bytes per block on sync headers 00 and 11) or netsim (the reference "
        + "simulator's abstraction: no key, address or data).";

    public Framing convert(final String text)
    {
        try
        {
            return Framing.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new CommandLine.TypeConversionException("'" + text + "' is not one of wire-7, wire-8, netsim");
        }
    }

    /** Whether the framing puts 8-byte data blocks on sync headers 00 and 11. */
    static boolean eightByteData(final Framing framing)
    {
        return framing.carriesData() && framing.dataBytesPerBlock() == 8;
    }
}
