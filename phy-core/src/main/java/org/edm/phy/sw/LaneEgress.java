package org.edm.phy.sw;

import org.agrona.collections.Long2LongHashMap;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.mem.SendStreams;

import java.util.Arrays;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * Egress for the wire framing: grants, acknowledgements and released read requests in FIFOs of their own, and the data
 * of read responses and writes in one lane per message, so that a message keeps the link while it has blocks queued
 * and two messages of one class interleave only when one stalls (waiting for its next chunk). When the link turns to a
 * message that already started on it, the port first sends a resume announcement (edm-protocol §8 A15).
 * <pre>
 *   classes in service order (configurable):  RREQ, GRANT, ACK, RRESP lanes, WREQ lanes
 *   lanes of a class:  the open message while it has blocks, else the oldest lane with blocks
 *   bounded control run:  after CONTROL_RUN control blocks (RREQ, GRANT, ACK) in a row while data waited, one data
 *                         block goes first
 * </pre>
 * Control blocks go first so that a continuous stream of data into a port cannot hold back the grant or request that
 * unblocks a whole chunk elsewhere; the bound keeps the reverse from happening: a memory node serving tiny reads gets 4
 * control blocks per read (3 RREQ blocks and a grant) and can be granted again nearly every slot, which would
 * otherwise keep its downlink busy with control alone and starve the writes and ACKs going to it.
 */
final class LaneEgress implements EgressPort
{
    private final int[] order;
    private final Segmenter segmenter;
    private final SendStreams streams;
    private final MessageDescriptor scratch = new MessageDescriptor();
    private final BlockRecords acks = new BlockRecords(8);
    private final BlockRecords grants = new BlockRecords(8);
    private final BlockRecords requests = new BlockRecords(8);
    private final Lanes responseLanes = new Lanes(CLASS_RRESP);
    private final Lanes writeLanes = new Lanes(CLASS_WREQ);
    /** The two lane classes in service order (as they appear in {@code order}). */
    private final Lanes firstLanes;
    private final Lanes secondLanes;

    /** Control blocks in a row, while data waited, before one data block goes first: a read's RREQ and grant. */
    static final int CONTROL_RUN = 4;

    private BlockRecords chosen;
    private Lanes chosenLanes;
    /** Control blocks sent in a row while data blocks waited. */
    private int controlRun;
    private int chosenLane;
    private boolean announcing;
    private int announcementSync;
    private long announcementPayload;
    /** Blocks waiting in the data lanes (the FIFOs know their own sizes). */
    private int laneBlocks;

    LaneEgress(final Framing framing, final int[] order)
    {
        this.order = order;
        this.segmenter = framing.newSegmenter();
        this.streams = new SendStreams(framing);
        final boolean responsesFirst = indexOf(order, CLASS_RRESP) < indexOf(order, CLASS_WREQ);
        firstLanes = responsesFirst ? responseLanes : writeLanes;
        secondLanes = responsesFirst ? writeLanes : responseLanes;
    }

    private static int indexOf(final int[] order, final int messageClass)
    {
        for (int i = 0; i < order.length; i++)
        {
            if (order[i] == messageClass)
            {
                return i;
            }
        }
        return order.length;
    }

    public void enqueue(final BlockRecords from, final int at)
    {
        switch (from.messageClass[at])
        {
            case CLASS_RRESP ->
            {
                responseLanes.add(from, at);
                laneBlocks++;
            }
            case CLASS_WREQ ->
            {
                writeLanes.add(from, at);
                laneBlocks++;
            }
            case CLASS_ACK -> acks.appendCopy(from, at);
            case CLASS_RREQ -> requests.appendCopy(from, at);
            default -> grants.appendCopy(from, at);
        }
    }

    public BlockRecords control(final int messageClass)
    {
        return switch (messageClass)
        {
            case CLASS_GRANT -> grants;
            case CLASS_RREQ -> requests;
            default -> acks;
        };
    }

    public BlockRecords directQueue(final int messageClass, final int requester, final int tag)
    {
        return switch (messageClass)
        {
            case CLASS_RRESP -> responseLanes.queue(responseLanes.laneOf(requester, tag));
            case CLASS_WREQ -> writeLanes.queue(writeLanes.laneOf(requester, tag));
            default -> null;
        };
    }

    public void joined()
    {
        laneBlocks++;
    }

    public int choose(final long slot)
    {
        announcing = false;
        chosenLanes = null;
        if (requests.isEmpty() && grants.isEmpty() && acks.isEmpty())
        {
            // no control block waits (the common case on a data port): only the lanes can send, in order, and what
            // follows is what the full choice below would do
            final int at = chooseData(slot);
            if (at >= 0 || announcing)
            {
                controlRun = 0;
            }
            return at;
        }
        if (controlRun >= CONTROL_RUN && laneBlocks > 0)
        {
            final int at = chooseInOrder(slot, true);
            if (at >= 0 || announcing)
            {
                controlRun = 0;
                return at;
            }
        }
        final int at = chooseInOrder(slot, false);
        if (at >= 0 && chosenLanes == null)
        {
            controlRun = laneBlocks > 0 ? controlRun + 1 : 0;
        }
        else if (at >= 0 || announcing)
        {
            controlRun = 0;
        }
        return at;
    }

    private int chooseInOrder(final long slot, final boolean dataOnly)
    {
        for (final int cls : order)
        {
            final int at = switch (cls)
            {
                case CLASS_RRESP -> chooseLane(responseLanes, slot);
                case CLASS_WREQ -> chooseLane(writeLanes, slot);
                case CLASS_ACK -> dataOnly ? -1 : chooseFifo(acks, slot);
                case CLASS_RREQ -> dataOnly ? -1 : chooseFifo(requests, slot);
                default -> dataOnly ? -1 : chooseFifo(grants, slot);
            };
            if (at >= 0 || announcing)
            {
                return at;
            }
        }
        return -1;
    }

    private int chooseData(final long slot)
    {
        final int at = chooseLane(firstLanes, slot);
        if (at >= 0 || announcing)
        {
            return at;
        }
        return chooseLane(secondLanes, slot);
    }

    public BlockRecords chosen()
    {
        return chosen;
    }

    public void consume()
    {
        if (announcing)
        {
            return;
        }
        final int at = chosen.headSlot();
        if (chosenLanes != null)
        {
            chosenLanes.sent(chosenLane, chosen, at);
            laneBlocks--;
        }
        chosen.removeHead();
    }

    public boolean announcing()
    {
        return announcing;
    }

    public int announcementSync()
    {
        return announcementSync;
    }

    public long announcementPayload()
    {
        return announcementPayload;
    }

    public boolean isEmpty()
    {
        return size() == 0;
    }

    public int activeLanes()
    {
        return responseLanes.activeCount + writeLanes.activeCount;
    }

    public int size()
    {
        return laneBlocks + acks.size() + grants.size() + requests.size();
    }

    private int chooseFifo(final BlockRecords fifo, final long slot)
    {
        if (fifo.isEmpty() || fifo.readySlot[fifo.headSlot()] > slot)
        {
            return -1;
        }
        chosen = fifo;
        return fifo.headSlot();
    }

    private int chooseLane(final Lanes lanes, final long slot)
    {
        final int lane = lanes.pick(slot);
        if (lane < 0)
        {
            return -1;
        }
        final BlockRecords queue = lanes.queue(lane);
        final int at = queue.headSlot();
        final long key = lanes.key(lane);
        final int what = streams.next(lanes.messageClass, key, queue.index[at]);
        if (what != SendStreams.MESSAGE_BLOCK)
        {
            announce(lanes, lane, queue, at, key, what);
            return -1;
        }
        chosen = queue;
        chosenLanes = lanes;
        chosenLane = lane;
        return at;
    }

    /** Makes the next block of the resume announcement lane {@code lane} must send before block {@code at}. */
    private void announce(
        final Lanes lanes, final int lane, final BlockRecords queue, final int at, final long key, final int what)
    {
        scratch.set(lanes.messageClass, queue.length[at], queue.source[at], queue.destination[at], queue.tag[at], 0, 0);
        announcementPayload = segmenter.encodeResume(scratch, what - 1);
        announcementSync = segmenter.sync();
        announcing = true;
        lanes.announcing = what == SendStreams.RESUME_HEADER ? lane : -1;
        // the receiver now has this lane's message open: keep serving it
        lanes.open = lane;
        streams.sent(lanes.messageClass, key, what, queue.index[at], false);
    }

    /** The per-message lanes of one data class at this port. */
    private final class Lanes
    {
        final int messageClass;
        private final Long2LongHashMap laneByKey = new Long2LongHashMap(-1L);
        private BlockRecords[] queues = new BlockRecords[4];
        /** The message key of each lane's blocks (all of one message, or of its tag's next use). */
        private long[] keys = new long[4];
        private int[] active = new int[4];
        private int activeCount;
        private int[] free = new int[0];
        private int freeCount;
        private int laneCount;
        int open = -1;
        int announcing = -1;
        /** The lane the last block joined: consecutive blocks of a message skip the lookup. */
        private long lastKey = -1;
        private int lastLane = -1;

        Lanes(final int messageClass)
        {
            this.messageClass = messageClass;
        }

        BlockRecords queue(final int lane)
        {
            return queues[lane];
        }

        long key(final int lane)
        {
            return keys[lane];
        }

        void add(final BlockRecords from, final int at)
        {
            queues[laneOf(from.requester[at], from.tag[at])].appendCopy(from, at);
        }

        /** The lane of message (requester, tag), opened if it has none. */
        int laneOf(final int requester, final int tag)
        {
            final long key = SendStreams.messageKey(messageClass, requester, tag);
            if (key == lastKey && lastLane >= 0)
            {
                return lastLane;
            }
            int lane = (int)laneByKey.get(key);
            if (lane < 0)
            {
                lane = newLane();
                keys[lane] = key;
                laneByKey.put(key, lane);
                if (activeCount == active.length)
                {
                    active = Arrays.copyOf(active, activeCount * 2);
                }
                active[activeCount++] = lane;
            }
            lastKey = key;
            lastLane = lane;
            return lane;
        }

        /**
         * The lane to serve: one finishing its announcement, the open one if it has a block ready, else the oldest
         * lane with a block ready.
         */
        int pick(final long slot)
        {
            if (announcing >= 0)
            {
                return announcing;
            }
            if (open >= 0 && ready(queues[open], slot))
            {
                return open;
            }
            for (int i = 0; i < activeCount; i++)
            {
                final int lane = active[i];
                if (ready(queues[lane], slot))
                {
                    return lane;
                }
            }
            return -1;
        }

        private boolean ready(final BlockRecords queue, final long slot)
        {
            return !queue.isEmpty() && queue.readySlot[queue.headSlot()] <= slot;
        }

        void sent(final int lane, final BlockRecords queue, final int at)
        {
            final long key = keys[lane];
            final boolean last = queue.last[at];
            streams.sent(messageClass, key, SendStreams.MESSAGE_BLOCK, queue.index[at], last);
            open = last ? -1 : lane;
            if (last && queue.size() == 1)
            {
                retire(lane, key);
            }
        }

        private void retire(final int lane, final long key)
        {
            laneByKey.remove(key);
            if (lastLane == lane)
            {
                lastKey = -1;
                lastLane = -1;
            }
            for (int i = 0; i < activeCount; i++)
            {
                if (active[i] == lane)
                {
                    System.arraycopy(active, i + 1, active, i, activeCount - i - 1);
                    activeCount--;
                    break;
                }
            }
            if (freeCount == free.length)
            {
                free = Arrays.copyOf(free, Math.max(4, freeCount * 2));
            }
            free[freeCount++] = lane;
        }

        private int newLane()
        {
            if (freeCount > 0)
            {
                return free[--freeCount];
            }
            if (laneCount == queues.length)
            {
                queues = Arrays.copyOf(queues, laneCount * 2);
                keys = Arrays.copyOf(keys, laneCount * 2);
            }
            queues[laneCount] = new BlockRecords(8);
            return laneCount++;
        }
    }
}
