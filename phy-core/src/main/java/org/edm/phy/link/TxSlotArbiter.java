package org.edm.phy.link;

import org.edm.phy.pcs.Block;
import org.edm.phy.pcs.BlockSink;

/**
 * The transmit slot arbiter of one link direction: every slot it emits exactly one block, taken from the first of its
 * {@link SlotSource}s (in priority order) that has one, or the idle block when none has (edm-protocol §3.1, §3.3).
 * <pre>
 *   slot t:  sources[0] --no--> sources[1] --no--> ... sources[n-1] --no--> idle block
 *               |yes               |yes                  |yes
 *               v                  v                     v
 *             sink.accept(sync, payload)   (exactly one call per slot)
 * </pre>
 * Because the choice is made afresh every slot, a memory block may take any slot, including one in the middle of a MAC
 * frame: the frame is preempted at block granularity and resumes in the next slot its source wins. The same class
 * serves a switch egress port (sources are {@link QueueSlotSource}s per class plus a {@link MacFrameSource}) and a
 * host (a protocol engine decides which memory block goes next). The order is fixed at construction; build it from a
 * {@link TxClass} order with {@link #forClasses(TxClass[], SlotSource[])} to make it configurable.
 * <p>
 * Counts the blocks each source sent and the idle slots. Single-threaded; allocation-free per slot. Slot numbers
 * handed to {@link #emit(long, BlockSink)} must not go backwards (sources use them as time).
 */
public final class TxSlotArbiter
{
    /** Returned by {@link #emit(long, BlockSink)} when the slot got the idle block. */
    public static final int IDLE = -1;

    private final SlotSource[] sources;
    private final long[] blocks;
    private final int[] priorityOfClass;
    private long idleSlots;

    /**
     * @param sourcesInPriorityOrder highest priority first; at least one.
     */
    public TxSlotArbiter(final SlotSource... sourcesInPriorityOrder)
    {
        this(sourcesInPriorityOrder, null);
    }

    private TxSlotArbiter(final SlotSource[] sources, final int[] priorityOfClass)
    {
        if (sources == null || sources.length == 0)
        {
            throw new IllegalArgumentException("sources must hold at least one source");
        }
        for (int i = 0; i < sources.length; i++)
        {
            if (sources[i] == null)
            {
                throw new IllegalArgumentException("sources[" + i + "]=null");
            }
        }
        this.sources = sources.clone();
        this.blocks = new long[sources.length];
        this.priorityOfClass = priorityOfClass;
    }

    /**
     * An arbiter over one source per traffic class, polled in {@code order}.
     *
     * @param order         the classes, highest priority first (see {@link TxClass#parseOrder(String)}).
     * @param sourceByClass indexed by {@link TxClass#ordinal()}; a class whose source is null or that is missing
     *                      from {@code order} is never polled.
     */
    public static TxSlotArbiter forClasses(final TxClass[] order, final SlotSource[] sourceByClass)
    {
        if (order == null || order.length == 0)
        {
            throw new IllegalArgumentException("order must name at least one class");
        }
        if (sourceByClass == null || sourceByClass.length != TxClass.COUNT)
        {
            throw new IllegalArgumentException("sourceByClass must have " + TxClass.COUNT + " entries");
        }
        final int[] priorityOfClass = new int[TxClass.COUNT];
        java.util.Arrays.fill(priorityOfClass, -1);
        final boolean[] seen = new boolean[TxClass.COUNT];
        final SlotSource[] sources = new SlotSource[order.length];
        int count = 0;
        for (final TxClass txClass : order)
        {
            if (txClass == null)
            {
                throw new IllegalArgumentException("order contains null");
            }
            if (seen[txClass.ordinal()])
            {
                throw new IllegalArgumentException("order names " + txClass + " twice");
            }
            seen[txClass.ordinal()] = true;
            final SlotSource source = sourceByClass[txClass.ordinal()];
            if (source != null)
            {
                priorityOfClass[txClass.ordinal()] = count;
                sources[count++] = source;
            }
        }
        if (count == 0)
        {
            throw new IllegalArgumentException("sourceByClass has no source for any class in the order");
        }
        return new TxSlotArbiter(java.util.Arrays.copyOf(sources, count), priorityOfClass);
    }

    /**
     * Fills one slot: exactly one call to {@code sink.accept}.
     *
     * @return the priority index of the source that sent the block, or {@link #IDLE}.
     */
    public int emit(final long slot, final BlockSink sink)
    {
        final SlotSource[] sources = this.sources;
        for (int i = 0; i < sources.length; i++)
        {
            if (sources[i].emit(slot, sink))
            {
                blocks[i]++;
                return i;
            }
        }
        idleSlots++;
        sink.accept(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD);
        return IDLE;
    }

    /** Number of sources. */
    public int sourceCount()
    {
        return sources.length;
    }

    /** The source at priority index {@code priority} (0 is the highest). */
    public SlotSource source(final int priority)
    {
        return sources[priority];
    }

    /**
     * The priority index of a class's source, or -1 when this arbiter was not built by
     * {@link #forClasses(TxClass[], SlotSource[])} or does not poll that class.
     */
    public int priorityOf(final TxClass txClass)
    {
        return priorityOfClass == null ? -1 : priorityOfClass[txClass.ordinal()];
    }

    /** Blocks sent by the source at priority index {@code priority}. */
    public long blocks(final int priority)
    {
        return blocks[priority];
    }

    /** Blocks sent by a class's source; 0 when the class is not polled. */
    public long blocks(final TxClass txClass)
    {
        final int priority = priorityOf(txClass);
        return priority < 0 ? 0 : blocks[priority];
    }

    /** Slots that got the idle block. */
    public long idleSlots()
    {
        return idleSlots;
    }

    /** All slots filled so far. */
    public long slots()
    {
        long total = idleSlots;
        for (final long count : blocks)
        {
            total += count;
        }
        return total;
    }
}
