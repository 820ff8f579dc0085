package org.edm.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link FlowTable} as a trace CSV that both {@link TraceReader} and the reference netsim read
 * ({@code flow_id,type,src,dst,size_bytes,rreq_bytes,start_slot}, one flow per line, in table order). No header and
 * no comment lines: the reference's {@code fscanf} loop would stop at the first line that is not seven integers.
 */
public final class TraceWriter
{
    private TraceWriter()
    {
    }

    /** Writes {@code table} to {@code path}, replacing the file. */
    public static void write(final FlowTable table, final Path path) throws IOException
    {
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII))
        {
            write(table, writer);
        }
    }

    /** Writes {@code table} to {@code writer}; does not close it. */
    public static void write(final FlowTable table, final Writer writer) throws IOException
    {
        final StringBuilder line = new StringBuilder(64);
        for (int i = 0; i < table.size(); i++)
        {
            line.setLength(0);
            line.append(table.id(i)).append(',')
                .append(table.type(i)).append(',')
                .append(table.src(i)).append(',')
                .append(table.dst(i)).append(',')
                .append(table.sizeBytes(i)).append(',')
                .append(table.rreqBytes(i)).append(',')
                .append(table.startSlot(i)).append('\n');
            writer.append(line);
        }
        writer.flush();
    }
}
