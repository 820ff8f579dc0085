package org.edm.sim;

import java.util.Arrays;

/**
 * What happened to every flow of a simulation, column by column, recorded by the simulator core as it happens.
 * Preallocated from the {@link FlowTable}; the recording methods only store into arrays, never allocate and throw
 * only when the core breaks the contract below. Single-threaded: the core's thread records, and readers (summary,
 * CSV) run after the simulation.
 * <p>
 * <b>Rows.</b> Rows {@code 0 .. flows.size()-1} are the table's flows, same index. Each RREQ additionally owns one
 * reserved row for its read response (RRESP), {@code flows.size() + k} for the k-th RREQ in table order: see
 * {@link #responseRow(int)}. A response row is {@link #isResponseRow(int) flagged} with the read it derives from
 * ({@link #readOf(int)}); its type is {@link FlowType#RRESP}, its source the read's destination (the memory node),
 * its destination the read's source and its size the read's {@code rreq_bytes}.
 * <p>
 * <b>Events</b> (all slots are simulated slots, {@code >= 0}):
 * <ul>
 * <li>{@link #created(int, long)}: the flow exists at its source. For a trace flow, the slot it is activated (its
 * start slot); for a response, via {@link #responseCreated(int, long)}, the slot the memory node creates it (the
 * reference: the slot after the first GRANT for the read reaches the memory node, {@code edm.c} RRESP creation).
 * Exactly once per row.</li>
 * <li>{@link #notified(int, long)}: the NOTIF of a write, or the header block of an RREQ, leaves the source.</li>
 * <li>{@link #granted(int, long)}: the first GRANT reaches the sender (for a read: reaches the memory node; record it
 * on both the RREQ row and the response row, as the reference does).</li>
 * <li>{@link #started(int, long)}: the first block of the flow's own data leaves its source.</li>
 * <li>{@link #finished(int, long)}: the last byte is delivered to the destination. For an RREQ the destination is
 * the memory node (in netsim-compatible mode: the slot the GRANT reaches the memory node, when the reference counts
 * the request as received). Exactly once per row, after {@link #created(int, long)}.</li>
 * </ul>
 * Only the first call of notified, granted and started counts; later calls are ignored, so the core may call them on
 * every grant or block. A second created or finished, or a finished before created, throws
 * {@link IllegalStateException}: it means a bug in the core.
 */
public final class FlowRecorder
{
    /** Slot value of an event that has not happened. */
    public static final long NOT_YET = -1;

    private final FlowTable flows;
    private final int flowCount;
    private final int rowCount;
    private final long[] created;
    private final long[] notified;
    private final long[] granted;
    private final long[] started;
    private final long[] finished;
    private final int[] responseRowOfFlow;
    private final int[] readOfResponse;
    private final int[] responseFlowId;
    private final int firstResponseId;
    private int responsesCreated;
    private int createdRows;
    private int finishedRows;

    /** A recorder for the flows of {@code flows} and the responses of its reads; nothing recorded yet. */
    public FlowRecorder(final FlowTable flows)
    {
        this.flows = flows;
        this.flowCount = flows.size();
        this.rowCount = flowCount + flows.readCount();
        created = newSlots(rowCount);
        notified = newSlots(rowCount);
        granted = newSlots(rowCount);
        started = newSlots(rowCount);
        finished = newSlots(rowCount);
        responseRowOfFlow = new int[flowCount];
        readOfResponse = new int[rowCount - flowCount];
        responseFlowId = new int[rowCount - flowCount];
        int next = flowCount;
        for (int i = 0; i < flowCount; i++)
        {
            if (flows.type(i) == FlowType.RREQ)
            {
                readOfResponse[next - flowCount] = i;
                responseRowOfFlow[i] = next++;
            }
            else
            {
                responseRowOfFlow[i] = -1;
            }
        }
        Arrays.fill(responseFlowId, -1);
        // The reference numbers responses after the trace's flows, in creation order (flowlist->num_flows).
        firstResponseId = flows.maxId() + 1;
    }

    /** The flows this recorder is for. */
    public FlowTable flows()
    {
        return flows;
    }

    /** Rows of trace flows: {@code flows().size()}. */
    public int flowCount()
    {
        return flowCount;
    }

    /** All rows: trace flows plus one reserved response row per read. */
    public int rowCount()
    {
        return rowCount;
    }

    /** Rows created so far (trace flows activated plus responses created). */
    public int createdRows()
    {
        return createdRows;
    }

    /** Rows finished so far; {@link #rowCount()} when every flow and every response has completed. */
    public int finishedRows()
    {
        return finishedRows;
    }

    /** Responses created so far. */
    public int responsesCreated()
    {
        return responsesCreated;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Recording: called by the simulator core.
    // ---------------------------------------------------------------------------------------------------------------

    /** Row {@code row} exists at its source from {@code slot}; once per row. */
    public void created(final int row, final long slot)
    {
        if (slot < 0)
        {
            throw new IllegalArgumentException("row " + row + " created at negative slot " + slot);
        }
        if (created[row] != NOT_YET)
        {
            throw new IllegalStateException("row " + row + " created twice (slots " + created[row] + ", " + slot + ")");
        }
        created[row] = slot;
        createdRows++;
    }

    /**
     * The memory node creates the response to read {@code readFlow} (a table row of type RREQ) at {@code slot}.
     *
     * @return the response's row, for the later events of the response.
     */
    public int responseCreated(final int readFlow, final long slot)
    {
        final int row = responseRow(readFlow);
        if (row < 0)
        {
            throw new IllegalStateException("flow row " + readFlow + " is a " + FlowType.name(flows.type(readFlow)) +
                ", not an RREQ: it has no response");
        }
        created(row, slot);
        responseFlowId[row - flowCount] = firstResponseId + responsesCreated++;
        return row;
    }

    /** The NOTIF (write) or RREQ header leaves the source; the first call counts. */
    public void notified(final int row, final long slot)
    {
        if (notified[row] == NOT_YET)
        {
            notified[row] = slot;
        }
    }

    /** The first GRANT reaches the sender; the first call counts. */
    public void granted(final int row, final long slot)
    {
        if (granted[row] == NOT_YET)
        {
            granted[row] = slot;
        }
    }

    /** The first block of the flow's data leaves its source; the first call counts. */
    public void started(final int row, final long slot)
    {
        if (started[row] == NOT_YET)
        {
            started[row] = slot;
        }
    }

    /** The flow's last byte is delivered; once per row, after {@link #created(int, long)}. */
    public void finished(final int row, final long slot)
    {
        if (created[row] == NOT_YET || finished[row] != NOT_YET || slot < created[row])
        {
            throw new IllegalStateException("row " + row + " finished at slot " + slot + (created[row] == NOT_YET ?
                " before it was created" : finished[row] != NOT_YET ? " again (first at " + finished[row] + ")" :
                " before its creation slot " + created[row]));
        }
        finished[row] = slot;
        finishedRows++;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading: rows and their recorded slots.
    // ---------------------------------------------------------------------------------------------------------------

    /** The row reserved for the response of read {@code flow}, or -1 when the flow is not an RREQ. */
    public int responseRow(final int flow)
    {
        return responseRowOfFlow[flow];
    }

    /** Whether {@code row} is a response row (derived from a read). */
    public boolean isResponseRow(final int row)
    {
        return row >= flowCount;
    }

    /** For a response row, the table row of its read; -1 for a trace row. */
    public int readOf(final int row)
    {
        return row >= flowCount ? readOfResponse[row - flowCount] : -1;
    }

    /** Flow id: the trace's id, or for a response the id it was given at creation (-1 before). */
    public int flowId(final int row)
    {
        return row < flowCount ? flows.id(row) : responseFlowId[row - flowCount];
    }

    /** {@link FlowType} code of the row. */
    public int type(final int row)
    {
        return row < flowCount ? flows.type(row) : FlowType.RRESP;
    }

    /** Sending host of the row. */
    public int src(final int row)
    {
        return row < flowCount ? flows.src(row) : flows.dst(readOf(row));
    }

    /** Receiving host of the row. */
    public int dst(final int row)
    {
        return row < flowCount ? flows.dst(row) : flows.src(readOf(row));
    }

    /** Bytes the row's sender sends. */
    public int sizeBytes(final int row)
    {
        return row < flowCount ? flows.sizeBytes(row) : flows.rreqBytes(readOf(row));
    }

    /** Slot the row was created, or {@link #NOT_YET}. */
    public long createSlot(final int row)
    {
        return created[row];
    }

    /** Slot of the row's NOTIF or RREQ header, or {@link #NOT_YET}. */
    public long notifySlot(final int row)
    {
        return notified[row];
    }

    /** Slot the row's first GRANT arrived, or {@link #NOT_YET}. */
    public long grantSlot(final int row)
    {
        return granted[row];
    }

    /** Slot the row's first data block left, or {@link #NOT_YET}. */
    public long startSlot(final int row)
    {
        return started[row];
    }

    /** Slot the row's last byte was delivered, or {@link #NOT_YET}. */
    public long finishSlot(final int row)
    {
        return finished[row];
    }

    /** Whether the row has finished. */
    public boolean isFinished(final int row)
    {
        return finished[row] != NOT_YET;
    }

    private static long[] newSlots(final int n)
    {
        final long[] slots = new long[n];
        Arrays.fill(slots, NOT_YET);
        return slots;
    }
}
