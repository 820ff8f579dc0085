package org.edm.phy.mem;

import org.agrona.collections.Long2LongHashMap;
import org.edm.phy.pcs.Block;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_FIRST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_LAST;

/**
 * Receiver for the netsim framing. Every block names its message, so interleaving needs no announcement; the
 * receiver still remembers each open message (its table starts at {@code maxOpen} and grows) to report its length and
 * node ids with every
 * block and to check that blocks arrive in order. An RREQ is complete with its header (it names length, nodes and
 * tag); its second block, which only makes the request 16 bytes long as in the reference traces, is reported as
 * PADDING (the switch drops it, as the reference does, edm-protocol §4.9 item 3).
 */
final class NetsimReassembler extends Reassembler
{
    private final Long2LongHashMap openSlots;
    private int[] openLength;
    private int[] openSource;
    private int[] openDestination;
    private int[] openNext;
    private int[] freeSlots;
    private int freeCount;

    NetsimReassembler(final NetsimFraming framing, final int maxOpen)
    {
        super(framing);
        if (maxOpen <= 0)
        {
            throw new IllegalArgumentException("maxOpen=" + maxOpen + " must be > 0");
        }
        openSlots = new Long2LongHashMap(maxOpen * 2, 0.5f, -1L);
        openLength = new int[maxOpen];
        openSource = new int[maxOpen];
        openDestination = new int[maxOpen];
        openNext = new int[maxOpen];
        freeSlots = new int[maxOpen];
        for (int i = 0; i < maxOpen; i++)
        {
            freeSlots[i] = maxOpen - 1 - i;
        }
        freeCount = maxOpen;
    }

    public void reset()
    {
        countReset();
        openSlots.clear();
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
        final int type = (int)payload & 0xFF;
        if (sync != Block.SYNC_CONTROL || !MemoryBlockTypes.isMemoryType(type))
        {
            return reject(NOT_MEMORY);
        }
        final int cls = type & 0xF;
        switch (cls)
        {
            case CLASS_NOTIF:
                return singleBlock(NOTIF, cls, payload);
            case CLASS_GRANT:
                return singleBlock(GRANT, cls, payload);
            case CLASS_ACK:
                return singleBlock(ACK, cls, payload);
            default:
                break;
        }
        messageClass = cls;
        if (type >>> 4 == POSITION_FIRST)
        {
            return onHeader(cls, payload);
        }
        return onBody(cls, type >>> 4 == POSITION_LAST, payload);
    }

    private int singleBlock(final int event, final int cls, final long payload)
    {
        return single(event, cls, NetsimBlocks.singleLength(payload), NetsimBlocks.singleTag(payload),
            NetsimBlocks.singleFlags(payload), NetsimBlocks.singleNode(payload));
    }

    private int onHeader(final int cls, final long payload)
    {
        length = NetsimBlocks.headerLength(payload);
        source = NetsimBlocks.headerSource(payload);
        destination = NetsimBlocks.headerDestination(payload);
        tag = NetsimBlocks.headerTag(payload);
        key = 0;
        address = 0;
        flags = 0;
        blockIndex = 0;
        identified = true;
        ready = true;
        describeData(0);
        if (cls == CLASS_RREQ)
        {
            // the header says everything a read request needs; its second block is padding that the switch drops
            completed();
            return HEADER;
        }
        final long messageKey = messageKey(cls, requester(), tag);
        if (openSlots.containsKey(messageKey))
        {
            releaseSlot(messageKey);
            countMalformed(UNEXPECTED);
        }
        if (freeCount == 0)
        {
            grow();
        }
        final int slot = freeSlots[--freeCount];
        openLength[slot] = length;
        openSource[slot] = source;
        openDestination[slot] = destination;
        openNext[slot] = 1;
        openSlots.put(messageKey, slot);
        return HEADER;
    }

    private int onBody(final int cls, final boolean markedLast, final long payload)
    {
        final int requesterId = NetsimBlocks.bodyRequester(payload);
        tag = NetsimBlocks.bodyTag(payload);
        blockIndex = NetsimBlocks.bodyIndex(payload);
        identified = true;
        if (cls == CLASS_RREQ)
        {
            source = requesterId;
            destination = 0;
            length = 0;
            return PADDING;
        }
        final long messageKey = messageKey(cls, requesterId, tag);
        final long slotValue = openSlots.get(messageKey);
        if (slotValue < 0)
        {
            source = cls == MemoryBlockTypes.CLASS_RRESP ? 0 : requesterId;
            destination = cls == MemoryBlockTypes.CLASS_RRESP ? requesterId : 0;
            return reject(ORPHAN);
        }
        final int slot = (int)slotValue;
        length = openLength[slot];
        source = openSource[slot];
        destination = openDestination[slot];
        key = 0;
        address = 0;
        ready = true;
        final boolean isLast = blockIndex == framing.blocks(cls, length) - 1;
        if (blockIndex != openNext[slot] || isLast != markedLast)
        {
            releaseSlot(messageKey);
            return reject(LENGTH_MISMATCH);
        }
        openNext[slot] = blockIndex + 1;
        describeData(blockIndex);
        if (isLast)
        {
            releaseSlot(messageKey);
            completed();
        }
        return cls == CLASS_RREQ ? ADDRESS : DATA;
    }

    /** Every message in progress is remembered: the table doubles when full (its size follows the live messages). */
    private void grow()
    {
        final int old = openLength.length;
        final int size = old * 2;
        openLength = java.util.Arrays.copyOf(openLength, size);
        openSource = java.util.Arrays.copyOf(openSource, size);
        openDestination = java.util.Arrays.copyOf(openDestination, size);
        openNext = java.util.Arrays.copyOf(openNext, size);
        freeSlots = java.util.Arrays.copyOf(freeSlots, size);
        for (int slot = size - 1; slot >= old; slot--)
        {
            freeSlots[freeCount++] = slot;
        }
    }

    private void describeData(final int index)
    {
        dataOffset = index << 3;
        dataBytes = Math.max(0, Math.min(8, length - dataOffset));
        dataWord = 0;
    }

    private void releaseSlot(final long messageKey)
    {
        final long slot = openSlots.remove(messageKey);
        if (slot >= 0)
        {
            freeSlots[freeCount++] = (int)slot;
        }
    }
}
