package org.edm.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the per-flow CSV in the reference's {@code .out} format ({@code system_stats.c:31,35-58}), one line per
 * finished row (trace flows and read responses), ordered by finish slot and, within a slot, by row:
 * <pre>
 *   FlowID,FlowType,Src,Dst,FlowSize,Create,NotifTime,GrantTime,Start,Finish,FCT,Slowdown
 * </pre>
 * Column meanings are the {@link FlowRecorder}'s events, {@code -1} for one that did not happen, with the
 * reference's conventions for responses:
 * <ul>
 * <li>FlowID: the trace id; a response gets {@code maxId + 1 + k} for the k-th response created.</li>
 * <li>FlowType: 1 RREQ, 2 RRESP, 3 WREQ, 100 NET. FlowSize: the flow's size in bytes (the reference prints bytes
 * received, which rounds up to whole 8-byte blocks; here the exact size).</li>
 * <li>NotifTime of a response: its read's creation slot, as the reference stores it "for stat purpose".</li>
 * <li>FCT: {@code Finish - Create}; for a response {@code Finish - Create(read)}, the end-to-end read latency
 * ({@code system_stats.c:48-50}).</li>
 * <li>Slowdown: {@code max(1, FCT / ideal)} with the row's {@link IdealFct} ideal, two decimals rounded half up
 * (the reference prints {@code %.2f}).</li>
 * </ul>
 * The file is the same in both scoring modes: it lists rows, and the modes only differ in how the summary combines
 * them. Unfinished rows are not listed, as in the reference, which writes a row when the flow finishes.
 */
public final class FlowCsvWriter
{
    /** The header line, as the reference writes it. */
    public static final String HEADER = "FlowID,FlowType,Src,Dst,FlowSize,Create,NotifTime,GrantTime,Start,Finish,FCT," +
        "Slowdown";

    private FlowCsvWriter()
    {
    }

    /** Writes the CSV to {@code path}, replacing the file. */
    public static void write(final FlowRecorder recorder, final IdealFct ideal, final Path path) throws IOException
    {
        try (BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.US_ASCII))
        {
            write(recorder, ideal, writer);
        }
    }

    /** Writes the CSV to {@code writer}; does not close it. */
    public static void write(final FlowRecorder recorder, final IdealFct ideal, final Writer writer)
        throws IOException
    {
        final FlowTable flows = recorder.flows();
        final int rows = recorder.rowCount();
        final long[] finish = new long[rows];
        int finished = 0;
        final int[] finishedRow = new int[rows];
        for (int row = 0; row < rows; row++)
        {
            if (recorder.isFinished(row))
            {
                finish[finished] = recorder.finishSlot(row);
                finishedRow[finished++] = row;
            }
        }
        final int[] order = IndexSort.stableOrder(finish, finished);
        writer.write(HEADER);
        writer.write('\n');
        final StringBuilder line = new StringBuilder(128);
        for (int k = 0; k < finished; k++)
        {
            final int row = finishedRow[order[k]];
            final boolean response = recorder.isResponseRow(row);
            final int read = recorder.readOf(row);
            final long create = recorder.createSlot(row);
            final long fct = recorder.finishSlot(row) - (response ? recorder.createSlot(read) : create);
            final long idealSlots = response ? ideal.ofResponse(flows, read) : ideal.ofFlow(flows, row);
            line.setLength(0);
            line.append(recorder.flowId(row)).append(',')
                .append(recorder.type(row)).append(',')
                .append(recorder.src(row)).append(',')
                .append(recorder.dst(row)).append(',')
                .append(recorder.sizeBytes(row)).append(',')
                .append(create).append(',')
                .append(response ? recorder.createSlot(read) : recorder.notifySlot(row)).append(',')
                .append(recorder.grantSlot(row)).append(',')
                .append(recorder.startSlot(row)).append(',')
                .append(recorder.finishSlot(row)).append(',')
                .append(fct).append(',');
            appendTwoDecimals(line, FlowSummary.slowdown(fct, idealSlots));
            line.append('\n');
            writer.append(line);
        }
        writer.flush();
    }

    /** Appends a non-negative finite value with two decimals, rounded half up. */
    static void appendTwoDecimals(final StringBuilder out, final double value)
    {
        final long hundredths = Math.round(value * 100.0);
        out.append(hundredths / 100).append('.');
        final long fraction = hundredths % 100;
        if (fraction < 10)
        {
            out.append('0');
        }
        out.append(fraction);
    }
}
