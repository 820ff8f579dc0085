package org.edm.sim;

import java.util.Arrays;

/**
 * The flows of one simulation, column by column: primitive arrays, no object per flow, so that millions of flows fit
 * in a few tens of bytes each. Rows are ordered by start slot; flows with the same start slot keep the order in which
 * they were added (the order of the trace file), since the simulator activates flows of one slot in table order.
 * <p>
 * Immutable once built. Every row satisfies the trace format's rules (edm-protocol §7.2), checked by
 * {@link Builder#build()}:
 * <ul>
 * <li>type is {@link FlowType#RREQ}, {@link FlowType#WREQ} or {@link FlowType#NET};</li>
 * <li>{@code src >= 0}, {@code dst >= 0}, {@code src != dst};</li>
 * <li>{@code sizeBytes > 0} (for an RREQ the request itself, 16 bytes in the reference traces);</li>
 * <li>an RREQ has {@code rreqBytes > 0}, the size read back; every other flow has {@code rreqBytes == -1};</li>
 * <li>{@code startSlot >= 0}.</li>
 * </ul>
 * Flow ids are labels copied to the outputs; the table itself does not require them to be unique (the
 * {@link TraceReader} does, as the reference simulator indexes flows by id).
 */
public final class FlowTable
{
    private final int count;
    private final int[] id;
    private final int[] type;
    private final int[] src;
    private final int[] dst;
    private final int[] sizeBytes;
    private final int[] rreqBytes;
    private final long[] startSlot;
    private final int readCount;
    private final int maxHost;
    private final int maxId;

    private FlowTable(
        final int count,
        final int[] id,
        final int[] type,
        final int[] src,
        final int[] dst,
        final int[] sizeBytes,
        final int[] rreqBytes,
        final long[] startSlot)
    {
        this.count = count;
        this.id = id;
        this.type = type;
        this.src = src;
        this.dst = dst;
        this.sizeBytes = sizeBytes;
        this.rreqBytes = rreqBytes;
        this.startSlot = startSlot;
        int reads = 0;
        int host = -1;
        int largestId = -1;
        for (int i = 0; i < count; i++)
        {
            reads += type[i] == FlowType.RREQ ? 1 : 0;
            host = Math.max(host, Math.max(src[i], dst[i]));
            largestId = Math.max(largestId, id[i]);
        }
        this.readCount = reads;
        this.maxHost = host;
        this.maxId = largestId;
    }

    /** A builder for about {@code expectedFlows} flows (it grows as needed). */
    public static Builder builder(final int expectedFlows)
    {
        return new Builder(expectedFlows);
    }

    /** Number of flows. */
    public int size()
    {
        return count;
    }

    /** The flow id of row {@code i}, as given in the trace. */
    public int id(final int i)
    {
        return id[i];
    }

    /** The {@link FlowType} code of row {@code i}. */
    public int type(final int i)
    {
        return type[i];
    }

    /** Source host of row {@code i}: the requester of a read, the writer of a write. */
    public int src(final int i)
    {
        return src[i];
    }

    /** Destination host of row {@code i}: the memory node of a read or write. */
    public int dst(final int i)
    {
        return dst[i];
    }

    /** Bytes the source sends: for an RREQ the request itself. */
    public int sizeBytes(final int i)
    {
        return sizeBytes[i];
    }

    /** For an RREQ the bytes read back (the response size); -1 for every other flow. */
    public int rreqBytes(final int i)
    {
        return rreqBytes[i];
    }

    /** The slot at which row {@code i} arrives at its source. */
    public long startSlot(final int i)
    {
        return startSlot[i];
    }

    /** Number of RREQ rows, i.e. of read responses the simulator will create. */
    public int readCount()
    {
        return readCount;
    }

    /** The largest host id used by any flow, or -1 for an empty table. */
    public int maxHost()
    {
        return maxHost;
    }

    /** The largest flow id, or -1 for an empty table. */
    public int maxId()
    {
        return maxId;
    }

    /** Whether both tables hold the same rows in the same order. */
    public boolean sameRowsAs(final FlowTable other)
    {
        return count == other.count
            && Arrays.equals(id, 0, count, other.id, 0, count)
            && Arrays.equals(type, 0, count, other.type, 0, count)
            && Arrays.equals(src, 0, count, other.src, 0, count)
            && Arrays.equals(dst, 0, count, other.dst, 0, count)
            && Arrays.equals(sizeBytes, 0, count, other.sizeBytes, 0, count)
            && Arrays.equals(rreqBytes, 0, count, other.rreqBytes, 0, count)
            && Arrays.equals(startSlot, 0, count, other.startSlot, 0, count);
    }

    public String toString()
    {
        return "FlowTable{flows=" + count + ", reads=" + readCount + ", maxHost=" + maxHost + "}";
    }

    /**
     * The problem with one row's values, or null when the row is valid. Shared by the builder and the trace reader so
     * that both enforce the same rules with the same words.
     */
    static String rowProblem(
        final int type, final int src, final int dst, final int sizeBytes, final int rreqBytes, final long startSlot)
    {
        if (!FlowType.isTraceType(type))
        {
            return type == FlowType.RRESP ?
                "type 2 (RRESP) cannot appear in a trace: the simulator creates read responses itself" :
                "unknown type " + type + " (expected 1 = RREQ, 3 = WREQ or 100 = NET)";
        }
        if (src < 0 || dst < 0)
        {
            return "host ids must be >= 0, got src=" + src + " dst=" + dst;
        }
        if (src == dst)
        {
            return "src and dst are both " + src + ": a flow needs two different hosts";
        }
        if (sizeBytes <= 0)
        {
            return "size_bytes must be > 0, got " + sizeBytes;
        }
        if (type == FlowType.RREQ && rreqBytes <= 0)
        {
            return "an RREQ needs rreq_bytes > 0 (the size read back), got " + rreqBytes;
        }
        if (type != FlowType.RREQ && rreqBytes != -1)
        {
            return "rreq_bytes must be -1 for a " + FlowType.name(type) + " (only an RREQ reads back), got " +
                rreqBytes;
        }
        if (startSlot < 0)
        {
            return "start_slot must be >= 0, got " + startSlot;
        }
        return null;
    }

    /**
     * Collects rows in any start-slot order, then {@link #build() builds} the table sorted by start slot (stable).
     * Not thread safe; one use.
     */
    public static final class Builder
    {
        private int count;
        private int[] id;
        private int[] type;
        private int[] src;
        private int[] dst;
        private int[] sizeBytes;
        private int[] rreqBytes;
        private long[] startSlot;
        private boolean built;

        private Builder(final int expectedFlows)
        {
            final int capacity = Math.max(16, expectedFlows);
            id = new int[capacity];
            type = new int[capacity];
            src = new int[capacity];
            dst = new int[capacity];
            sizeBytes = new int[capacity];
            rreqBytes = new int[capacity];
            startSlot = new long[capacity];
        }

        /**
         * Adds a row; rows are validated by {@link #build()}.
         *
         * @return the row's position in insertion order.
         */
        public int add(
            final int flowId,
            final int flowType,
            final int source,
            final int destination,
            final int size,
            final int readBytes,
            final long start)
        {
            if (built)
            {
                throw new IllegalStateException("the table was already built");
            }
            if (count == id.length)
            {
                grow();
            }
            id[count] = flowId;
            type[count] = flowType;
            src[count] = source;
            dst[count] = destination;
            sizeBytes[count] = size;
            rreqBytes[count] = readBytes;
            startSlot[count] = start;
            return count++;
        }

        /** Rows added so far. */
        public int size()
        {
            return count;
        }

        /**
         * The table, rows sorted by start slot (stable).
         *
         * @throws IllegalArgumentException naming the first invalid row (insertion position and flow id).
         */
        public FlowTable build()
        {
            if (built)
            {
                throw new IllegalStateException("the table was already built");
            }
            built = true;
            for (int i = 0; i < count; i++)
            {
                final String problem = rowProblem(type[i], src[i], dst[i], sizeBytes[i], rreqBytes[i], startSlot[i]);
                if (problem != null)
                {
                    throw new IllegalArgumentException("flow row " + i + " (flow_id " + id[i] + "): " + problem);
                }
            }
            if (IndexSort.isSorted(startSlot, count))
            {
                return new FlowTable(count, id, type, src, dst, sizeBytes, rreqBytes, startSlot);
            }
            final int[] order = IndexSort.stableOrder(startSlot, count);
            final int[] sortedId = new int[count];
            final int[] sortedType = new int[count];
            final int[] sortedSrc = new int[count];
            final int[] sortedDst = new int[count];
            final int[] sortedSize = new int[count];
            final int[] sortedRreq = new int[count];
            final long[] sortedStart = new long[count];
            for (int i = 0; i < count; i++)
            {
                final int from = order[i];
                sortedId[i] = id[from];
                sortedType[i] = type[from];
                sortedSrc[i] = src[from];
                sortedDst[i] = dst[from];
                sortedSize[i] = sizeBytes[from];
                sortedRreq[i] = rreqBytes[from];
                sortedStart[i] = startSlot[from];
            }
            return new FlowTable(
                count, sortedId, sortedType, sortedSrc, sortedDst, sortedSize, sortedRreq, sortedStart);
        }

        private void grow()
        {
            final int capacity = newCapacity(id.length);
            id = Arrays.copyOf(id, capacity);
            type = Arrays.copyOf(type, capacity);
            src = Arrays.copyOf(src, capacity);
            dst = Arrays.copyOf(dst, capacity);
            sizeBytes = Arrays.copyOf(sizeBytes, capacity);
            rreqBytes = Arrays.copyOf(rreqBytes, capacity);
            startSlot = Arrays.copyOf(startSlot, capacity);
        }

        private static int newCapacity(final int current)
        {
            final int limit = Integer.MAX_VALUE - 8;
            if (current >= limit)
            {
                throw new IllegalStateException("too many flows for one table: " + current);
            }
            return (int)Math.min(limit, (long)current + (current >> 1) + 16);
        }
    }
}
