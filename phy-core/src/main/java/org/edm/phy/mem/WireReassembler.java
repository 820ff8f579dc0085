package org.edm.phy.mem;

import org.agrona.collections.Long2LongHashMap;
import org.edm.phy.pcs.Block;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_FIRST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_LAST;

/**
 * Receiver for the wire framing. Data blocks do not name their message, so it keeps, per message class, the one
 * message currently open on the link. A header of the same class while one is open pauses the open one (it is
 * remembered; the table starts at {@code maxPaused} and grows); a header whose tag block has the RESUME flag brings a
 * paused one back.
 * <pre>
 *   per class:  IDLE --header--> AWAIT_TAG --tag--> OPEN --blocks--> (last) IDLE
 *                                     |                |
 *                                     |                +--header--> paused, AWAIT_TAG for the new one
 *                                     +--tag with RESUME--> the paused message, OPEN
 * </pre>
 */
final class WireReassembler extends Reassembler
{
    private static final int IDLE = 0;
    private static final int AWAIT_TAG = 1;
    private static final int OPEN = 2;
    private static final int CLASSES = 3;

    private final int perBlock;
    private final boolean eightByteData;

    private final int[] state = new int[CLASSES];
    private final int[] openLength = new int[CLASSES];
    private final int[] openSource = new int[CLASSES];
    private final int[] openDestination = new int[CLASSES];
    private final int[] openTag = new int[CLASSES];
    private final int[] openKey = new int[CLASSES];
    private final long[] openAddress = new long[CLASSES];
    private final int[] openIndex = new int[CLASSES];
    private final int[] openTotal = new int[CLASSES];

    private final Long2LongHashMap pausedSlots;
    private int[] pausedLength;
    private int[] pausedSource;
    private int[] pausedDestination;
    private int[] pausedKey;
    private long[] pausedAddress;
    private int[] pausedIndex;
    private int[] freeSlots;
    private int freeCount;

    WireReassembler(final WireFraming framing, final int maxPaused)
    {
        super(framing);
        if (maxPaused < 0)
        {
            throw new IllegalArgumentException("maxPaused=" + maxPaused + " must be >= 0");
        }
        perBlock = framing.dataBytesPerBlock();
        eightByteData = perBlock == 8;
        pausedSlots = new Long2LongHashMap(Math.max(8, maxPaused * 2), 0.5f, -1L);
        pausedLength = new int[maxPaused];
        pausedSource = new int[maxPaused];
        pausedDestination = new int[maxPaused];
        pausedKey = new int[maxPaused];
        pausedAddress = new long[maxPaused];
        pausedIndex = new int[maxPaused];
        freeSlots = new int[maxPaused];
        for (int i = 0; i < maxPaused; i++)
        {
            freeSlots[i] = maxPaused - 1 - i;
        }
        freeCount = maxPaused;
    }

    public void reset()
    {
        countReset();
        java.util.Arrays.fill(state, IDLE);
        pausedSlots.clear();
        final int size = freeSlots.length;
        for (int i = 0; i < size; i++)
        {
            freeSlots[i] = size - 1 - i;
        }
        freeCount = size;
    }

    public int accept(final int sync, final long payload)
    {
        startBlock();
        if (sync == Block.SYNC_CONTROL)
        {
            final int type = (int)payload & 0xFF;
            if (!MemoryBlockTypes.isMemoryType(type))
            {
                return reject(NOT_MEMORY);
            }
            final int cls = type & 0xF;
            switch (cls)
            {
                case CLASS_NOTIF:
                    return single(NOTIF, cls, NotifBlock.length(payload), NotifBlock.tag(payload),
                        NotifBlock.flags(payload), NotifBlock.receiver(payload));
                case CLASS_GRANT:
                    return single(GRANT, cls, GrantBlock.quota(payload), GrantBlock.tag(payload),
                        GrantBlock.flags(payload), GrantBlock.peer(payload));
                case CLASS_ACK:
                    return single(ACK, cls, AckBlock.length(payload), AckBlock.tag(payload),
                        AckBlock.status(payload), AckBlock.requester(payload));
                default:
                    break;
            }
            final int c = cls - CLASS_RREQ;
            final int position = type >>> 4;
            messageClass = cls;
            if (position == POSITION_FIRST)
            {
                return onHeader(c, payload);
            }
            if (state[c] == AWAIT_TAG)
            {
                return onTag(c, position == POSITION_LAST, payload);
            }
            if (state[c] != OPEN)
            {
                return reject(ORPHAN);
            }
            return onBody(c, position == POSITION_LAST, true, payload);
        }
        if (eightByteData && DataBlock.isData8(sync))
        {
            final int cls = DataBlock.class8(sync);
            final int c = cls - CLASS_RREQ;
            messageClass = cls;
            if (state[c] != OPEN || openIndex[c] < WireFraming.firstDataIndex(cls))
            {
                return reject(ORPHAN);
            }
            return onBody(c, false, false, payload);
        }
        return reject(NOT_MEMORY);
    }

    private int onHeader(final int c, final long payload)
    {
        if (state[c] == OPEN)
        {
            pause(c);
        }
        else if (state[c] == AWAIT_TAG)
        {
            countMalformed(MISSING_TAG);
        }
        openLength[c] = HeaderBlock.length(payload);
        openSource[c] = HeaderBlock.source(payload);
        openDestination[c] = HeaderBlock.destination(payload);
        state[c] = AWAIT_TAG;
        length = openLength[c];
        source = openSource[c];
        destination = openDestination[c];
        blockIndex = 0;
        return HEADER;
    }

    private int onTag(final int c, final boolean markedLast, final long payload)
    {
        final int cls = c + CLASS_RREQ;
        final int tagValue = TagBlock.tag(payload);
        final int tagFlags = TagBlock.flags(payload);
        describeOpen(c);
        tag = tagValue;
        key = TagBlock.key(payload);
        flags = tagFlags;
        identified = true;
        if ((tagFlags & TagBlock.FLAG_RESUME) != 0)
        {
            return onResume(c, cls, markedLast, tagValue);
        }
        openTag[c] = tagValue;
        openKey[c] = key;
        openAddress[c] = 0;
        openIndex[c] = 2;
        openTotal[c] = framing.blocks(cls, openLength[c]);
        blockIndex = 1;
        final boolean isLast = openTotal[c] == 2;
        if (isLast != markedLast)
        {
            state[c] = IDLE;
            return reject(LENGTH_MISMATCH);
        }
        ready = cls == CLASS_RRESP;
        state[c] = isLast ? IDLE : OPEN;
        if (isLast)
        {
            completed();
        }
        return TAG;
    }

    private int onResume(final int c, final int cls, final boolean markedLast, final int tagValue)
    {
        state[c] = IDLE;
        if (markedLast)
        {
            return reject(UNEXPECTED);
        }
        final long slotValue = pausedSlots.remove(messageKey(cls, requester(), tagValue));
        if (slotValue < 0)
        {
            return reject(UNKNOWN_RESUME);
        }
        final int slot = (int)slotValue;
        freeSlots[freeCount++] = slot;
        if (pausedLength[slot] != openLength[c] || pausedSource[slot] != openSource[c] ||
            pausedDestination[slot] != openDestination[c])
        {
            return reject(UNKNOWN_RESUME);
        }
        openTag[c] = tagValue;
        openKey[c] = pausedKey[slot];
        openAddress[c] = pausedAddress[slot];
        openIndex[c] = pausedIndex[slot];
        openTotal[c] = framing.blocks(cls, openLength[c]);
        state[c] = OPEN;
        key = openKey[c];
        address = openAddress[c];
        blockIndex = openIndex[c] - 1;
        ready = openIndex[c] >= WireFraming.firstDataIndex(cls);
        return RESUME;
    }

    private int onBody(final int c, final boolean markedLast, final boolean typed, final long payload)
    {
        final int cls = c + CLASS_RREQ;
        final int index = openIndex[c];
        final boolean isLast = index == openTotal[c] - 1;
        describeOpen(c);
        tag = openTag[c];
        key = openKey[c];
        address = openAddress[c];
        identified = true;
        blockIndex = index;
        if (typed && markedLast != isLast)
        {
            state[c] = IDLE;
            return reject(LENGTH_MISMATCH);
        }
        final int firstData = WireFraming.firstDataIndex(cls);
        openIndex[c] = index + 1;
        if (isLast)
        {
            state[c] = IDLE;
        }
        if (index < firstData)
        {
            if (!typed)
            {
                state[c] = IDLE;
                return reject(UNEXPECTED);
            }
            openAddress[c] = AddressBlock.address(payload);
            address = openAddress[c];
            ready = true;
            if (isLast)
            {
                completed();
            }
            return ADDRESS;
        }
        if (typed == eightByteData)
        {
            state[c] = IDLE;
            return reject(UNEXPECTED);
        }
        ready = true;
        dataOffset = (index - firstData) * perBlock;
        dataBytes = Math.min(perBlock, openLength[c] - dataOffset);
        dataWord = (typed ? DataBlock.data7(payload) : payload) & DataBlock.lowBytesMask(dataBytes);
        if (isLast)
        {
            completed();
        }
        return DATA;
    }

    private void pause(final int c)
    {
        if (freeCount == 0)
        {
            grow();
        }
        final int cls = c + CLASS_RREQ;
        final int requesterId = cls == CLASS_RRESP ? openDestination[c] : openSource[c];
        final int slot = freeSlots[--freeCount];
        pausedLength[slot] = openLength[c];
        pausedSource[slot] = openSource[c];
        pausedDestination[slot] = openDestination[c];
        pausedKey[slot] = openKey[c];
        pausedAddress[slot] = openAddress[c];
        pausedIndex[slot] = openIndex[c];
        final long previous = pausedSlots.put(messageKey(cls, requesterId, openTag[c]), slot);
        if (previous >= 0)
        {
            freeSlots[freeCount++] = (int)previous;
        }
    }

    /** Every interrupted message is remembered: the table doubles when full (its size follows the live messages). */
    private void grow()
    {
        final int old = pausedLength.length;
        final int size = Math.max(8, old * 2);
        pausedLength = java.util.Arrays.copyOf(pausedLength, size);
        pausedSource = java.util.Arrays.copyOf(pausedSource, size);
        pausedDestination = java.util.Arrays.copyOf(pausedDestination, size);
        pausedKey = java.util.Arrays.copyOf(pausedKey, size);
        pausedAddress = java.util.Arrays.copyOf(pausedAddress, size);
        pausedIndex = java.util.Arrays.copyOf(pausedIndex, size);
        freeSlots = java.util.Arrays.copyOf(freeSlots, size);
        for (int slot = size - 1; slot >= old; slot--)
        {
            freeSlots[freeCount++] = slot;
        }
    }

    private void describeOpen(final int c)
    {
        length = openLength[c];
        source = openSource[c];
        destination = openDestination[c];
    }
}
