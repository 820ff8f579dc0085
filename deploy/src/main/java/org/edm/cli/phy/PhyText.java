package org.edm.cli.phy;

import org.edm.phy.pcs.Block;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The text formats of {@code edm phy}, one item per line, fields separated by blanks; blank lines and everything from
 * {@code #} to the end of a line are ignored.
 * <pre>
 *   XGMII transfer:   TXD TXC          e.g.  D5555555555555FB 01
 *     TXD  16 hex digits, lane 0 (the first byte on the wire) is the least significant byte, i.e. the last two digits
 *     TXC  2 hex digits, bit i set when lane i carries a control character
 *
 *   66-bit block:     SH PAYLOAD       e.g.  10 D555555555555578
 *     SH       the two sync bits in transmission order as IEEE 802.3 writes them: 01 data, 10 control
 *     PAYLOAD  16 hex digits, bit 0 transmitted first, so a control block's type byte is the last two digits
 * </pre>
 * Hex digits are read in either case and written in upper case.
 */
final class PhyText
{
    /** Exit code for input that does not parse; usage errors exit with 2 (picocli's default). */
    static final int EXIT_BAD_INPUT = 1;

    private static final Pattern BLANKS = Pattern.compile("\\s+");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private PhyText()
    {
    }

    /** Receives the fields of every non-blank line. */
    interface LineHandler
    {
        void line(String[] fields, long lineNumber);
    }

    /**
     * Reads {@code file} (standard input when null or "-") line by line and hands the fields of each line that is
     * not blank or a comment to {@code handler}.
     *
     * @throws PhyInputException when the file cannot be read, or from the handler.
     */
    static void forEachLine(final Path file, final InputStream stdin, final LineHandler handler)
    {
        final boolean useStdin = file == null || file.toString().equals("-");
        try (BufferedReader reader = useStdin ?
            new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)) :
            Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            long lineNumber = 0;
            String line;
            while ((line = reader.readLine()) != null)
            {
                lineNumber++;
                final int comment = line.indexOf('#');
                final String content = (comment >= 0 ? line.substring(0, comment) : line).strip();
                if (!content.isEmpty())
                {
                    handler.line(BLANKS.split(content), lineNumber);
                }
            }
        }
        catch (final NoSuchFileException ex)
        {
            throw new PhyInputException(file + ": no such file");
        }
        catch (final IOException ex)
        {
            throw new PhyInputException(sourceName(file) + ": cannot read: " + ex.getMessage());
        }
    }

    /** The name of an input in messages: the file as given, or {@code <stdin>}. */
    static String sourceName(final Path file)
    {
        return file == null || file.toString().equals("-") ? "<stdin>" : file.toString();
    }

    /**
     * Parses a field of exactly {@code digits} hex digits.
     *
     * @throws PhyInputException naming {@code name}, the source and the line when the field is anything else.
     */
    static long hex(final String field, final int digits, final String name, final String source, final long line)
    {
        if (field.length() != digits || !isHex(field))
        {
            final String why = !isHex(field) ? "is not hexadecimal" :
                (field.length() % 2 != 0 ? "has an odd number of hex digits" : "has " + field.length() + " hex digits");
            throw new PhyInputException(source, line,
                name + " '" + field + "' " + why + "; expected " + digits + " hex digits");
        }
        return Long.parseUnsignedLong(field, 16);
    }

    private static boolean isHex(final String field)
    {
        if (field.isEmpty())
        {
            return false;
        }
        for (int i = 0; i < field.length(); i++)
        {
            if (Character.digit(field.charAt(i), 16) < 0)
            {
                return false;
            }
        }
        return true;
    }

    static void expectFields(final String[] fields, final String format, final String source, final long line)
    {
        final int expected = BLANKS.split(format).length;
        if (fields.length != expected)
        {
            throw new PhyInputException(source, line,
                "expected " + expected + " fields '" + format + "', found " + fields.length + ": '" +
                String.join(" ", fields) + "'");
        }
    }

    /** Writes one XGMII transfer line. */
    static void printTransfer(final PrintWriter out, final long txd, final int txc)
    {
        out.print(HEX.toHexDigits(txd));
        out.print(' ');
        out.println(HEX.toHexDigits((byte)txc));
    }

    /** Writes one block line. */
    static void printBlock(final PrintWriter out, final int sync, final long payload)
    {
        out.println(blockText(sync, payload));
    }

    /** A block as {@code SH PAYLOAD}. */
    static String blockText(final int sync, final long payload)
    {
        return Block.syncText(sync) + ' ' + HEX.toHexDigits(payload);
    }

    /**
     * Parses a block line's two fields, {@code SH PAYLOAD}; any of the four sync headers is accepted (the caller
     * decides which ones it takes).
     *
     * @return the sync header; the payload is {@code payload[0]}.
     */
    static int parseBlock(final String[] fields, final long[] payload, final String source, final long line)
    {
        expectFields(fields, "SH PAYLOAD", source, line);
        final int sync = Block.parseSyncText(fields[0]);
        if (sync < 0)
        {
            throw new PhyInputException(source, line,
                "SH '" + fields[0] + "' is not a sync header; expected 01 (data) or 10 (control)");
        }
        payload[0] = hex(fields[1], 16, "PAYLOAD", source, line);
        return sync;
    }

    /**
     * Parses a field of hex digit pairs into bytes (an empty field is no bytes).
     *
     * @throws PhyInputException naming {@code name}, the source and the line when the field is anything else.
     */
    static byte[] hexBytes(final String field, final String name, final String source, final long line)
    {
        if (!field.isEmpty() && !isHex(field))
        {
            throw new PhyInputException(source, line, name + " '" + abbreviate(field) + "' is not hexadecimal");
        }
        if (field.length() % 2 != 0)
        {
            throw new PhyInputException(source, line,
                name + " '" + abbreviate(field) + "' has an odd number of hex digits (" + field.length() + ")");
        }
        return HexFormat.of().parseHex(field);
    }

    /** Bytes as upper-case hex digits, two per byte. */
    static String hex(final byte[] bytes)
    {
        return HEX.formatHex(bytes);
    }

    /** A long field shortened for a message: its first 24 characters and how long it was. */
    private static String abbreviate(final String field)
    {
        return field.length() <= 32 ? field : field.substring(0, 24) + "... (" + field.length() + " characters)";
    }

    /**
     * Parses a scrambler seed: up to 15 hex digits, optionally after {@code 0x}, at most 58 bits.
     *
     * @throws IllegalArgumentException with a message for the user when the text is no such value.
     */
    static long seed(final String text)
    {
        final String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
        if (digits.isEmpty() || digits.length() > 16 || !isHex(digits))
        {
            throw new IllegalArgumentException("--seed '" + text + "' is not a hex number");
        }
        final long seed = Long.parseUnsignedLong(digits, 16);
        if ((seed >>> 58) != 0)
        {
            throw new IllegalArgumentException("--seed '" + text + "' has more than 58 bits (max 3FFFFFFFFFFFFFF)");
        }
        return seed;
    }
}
