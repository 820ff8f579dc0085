package org.edm.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the reference simulator's trace CSV (edm-protocol §7.2, {@code edm.c:757-789}) into a {@link FlowTable}.
 * <pre>
 *   flow_id,type,src,dst,size_bytes,rreq_bytes,start_slot
 *   0,3,75,93,5840,-1,40          a 5840 B write from host 75 to 93 arriving at slot 40
 *   1,1,120,127,16,534360,387     a 16 B read request from 120 to 127 that reads back 534360 B
 * </pre>
 * One flow per line, seven integers, no header. Blank lines and lines whose first non-blank character is {@code #}
 * are skipped; spaces around a field are allowed. Every other line must satisfy the rules of {@link FlowTable} and
 * flow ids must be unique; the first violation stops the read with an {@link InputFileException} naming the file,
 * the line and the problem.
 * <p>
 * Lines need not be sorted by start slot: the table is sorted by start slot, stably, so that flows of one slot keep
 * the file's order. (The reference activates a flow when the current slot equals its start slot, whatever the file
 * order, so sorting changes nothing for a sorted file and makes an unsorted one mean what the reference makes of it.)
 * Unlike the reference, which stops reading at {@code flow_id >= MAX_FLOW_ID} (40 999), there is no id limit beyond
 * the int range.
 */
public final class TraceReader
{
    /** The column names, in order, for messages. */
    static final String[] COLUMNS = { "flow_id", "type", "src", "dst", "size_bytes", "rreq_bytes", "start_slot" };

    private TraceReader()
    {
    }

    /** Reads the trace file at {@code path}; messages name the file as {@code path.toString()}. */
    public static FlowTable read(final Path path) throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1))
        {
            return read(reader, path.toString());
        }
    }

    /** Reads a trace from {@code reader}; {@code name} stands for the file in messages. */
    public static FlowTable read(final Reader reader, final String name) throws IOException
    {
        final BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        final FlowTable.Builder builder = FlowTable.builder(1024);
        final long[] fields = new long[COLUMNS.length];
        int[] lineOfRow = new int[1024];
        long[] idOfRow = new long[1024];
        int lineNumber = 0;
        String line;
        while ((line = lines.readLine()) != null)
        {
            lineNumber++;
            if (isBlankOrComment(line))
            {
                continue;
            }
            parseLine(line, fields, name, lineNumber);
            final int type = (int)fields[1];
            final int src = (int)fields[2];
            final int dst = (int)fields[3];
            final int size = (int)fields[4];
            final int rreq = (int)fields[5];
            final long start = fields[6];
            final String problem = FlowTable.rowProblem(type, src, dst, size, rreq, start);
            if (problem != null)
            {
                throw new InputFileException(name, lineNumber, problem);
            }
            final int row = builder.add((int)fields[0], type, src, dst, size, rreq, start);
            if (row == lineOfRow.length)
            {
                lineOfRow = Arrays.copyOf(lineOfRow, row + (row >> 1) + 16);
                idOfRow = Arrays.copyOf(idOfRow, lineOfRow.length);
            }
            lineOfRow[row] = lineNumber;
            idOfRow[row] = fields[0];
        }
        if (builder.size() == 0)
        {
            throw new InputFileException(name, 0, "no flows (the file holds only blank lines and comments)");
        }
        rejectDuplicateIds(idOfRow, lineOfRow, builder.size(), name);
        return builder.build();
    }

    private static boolean isBlankOrComment(final String line)
    {
        for (int i = 0; i < line.length(); i++)
        {
            final char c = line.charAt(i);
            if (c == '#')
            {
                return true;
            }
            if (c != ' ' && c != '\t' && c != '\r')
            {
                return false;
            }
        }
        return true;
    }

    private static void parseLine(final String line, final long[] fields, final String name, final int lineNumber)
    {
        int fieldCount = 1;
        for (int i = 0; i < line.length(); i++)
        {
            fieldCount += line.charAt(i) == ',' ? 1 : 0;
        }
        if (fieldCount != COLUMNS.length)
        {
            throw new InputFileException(name, lineNumber, "expected " + COLUMNS.length +
                " comma-separated integers (" + String.join(",", COLUMNS) + "), found " + fieldCount + " fields");
        }
        int start = 0;
        for (int field = 0; field < COLUMNS.length; field++)
        {
            int end = line.indexOf(',', start);
            if (end < 0)
            {
                end = line.length();
            }
            fields[field] = parseInteger(line, start, end, field, name, lineNumber);
            start = end + 1;
        }
    }

    private static long parseInteger(
        final String line, final int from, final int to, final int field, final String name, final int lineNumber)
    {
        int start = from;
        int end = to;
        while (start < end && isSpace(line.charAt(start)))
        {
            start++;
        }
        while (end > start && isSpace(line.charAt(end - 1)))
        {
            end--;
        }
        final boolean negative = start < end && line.charAt(start) == '-';
        final int firstDigit = start < end && (line.charAt(start) == '-' || line.charAt(start) == '+') ? start + 1 : start;
        if (firstDigit >= end)
        {
            throw notInteger(line, from, to, field, name, lineNumber);
        }
        // Accumulate negatively so that the most negative value parses too; stop before overflow.
        final long limit = field == COLUMNS.length - 1 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long value = 0;
        for (int i = firstDigit; i < end; i++)
        {
            final char c = line.charAt(i);
            if (c < '0' || c > '9')
            {
                throw notInteger(line, from, to, field, name, lineNumber);
            }
            final int digit = c - '0';
            if (value < (limit + digit) / 10)
            {
                throw new InputFileException(name, lineNumber, "field " + (field + 1) + " (" + COLUMNS[field] +
                    ") is out of range: '" + line.substring(from, to).trim() + "'");
            }
            value = value * 10 - digit;
        }
        if (!negative)
        {
            if (value == limit)
            {
                throw new InputFileException(name, lineNumber, "field " + (field + 1) + " (" + COLUMNS[field] +
                    ") is out of range: '" + line.substring(from, to).trim() + "'");
            }
            value = -value;
        }
        return value;
    }

    private static boolean isSpace(final char c)
    {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static InputFileException notInteger(
        final String line, final int from, final int to, final int field, final String name, final int lineNumber)
    {
        return new InputFileException(name, lineNumber, "field " + (field + 1) + " (" + COLUMNS[field] +
            ") is not an integer: '" + line.substring(from, to).trim() + "'");
    }

    /** Rejects the second line of the first repeated flow id; {@code ids} and {@code lines} are in file order. */
    private static void rejectDuplicateIds(final long[] ids, final int[] lines, final int n, final String name)
    {
        final int[] byId = IndexSort.stableOrder(ids, n);
        int offending = -1;
        for (int k = 1; k < n; k++)
        {
            // byId is stable, so of two equal ids the earlier line comes first.
            if (ids[byId[k]] == ids[byId[k - 1]] && (offending < 0 || byId[k] < byId[offending]))
            {
                offending = k;
            }
        }
        if (offending >= 0)
        {
            final int row = byId[offending];
            int firstRow = offending - 1;
            while (firstRow > 0 && ids[byId[firstRow - 1]] == ids[row])
            {
                firstRow--;
            }
            throw new InputFileException(name, lines[row],
                "flow_id " + ids[row] + " is already used on line " + lines[byId[firstRow]]);
        }
    }
}
