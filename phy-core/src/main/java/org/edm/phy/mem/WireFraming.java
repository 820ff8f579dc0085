package org.edm.phy.mem;

import org.edm.phy.pcs.Block;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_FIRST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_LAST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_MIDDLE;

/**
 * The hardware-faithful framing (see {@link Framing}).
 * <pre>
 *   RREQ   [header 0x0A][tag 0x1A][address 0x2A]
 *   WREQ   [header 0x0C][tag 0x1C][address 0x1C][data 0x1C] ... [data 0x2C]
 *   RRESP  [header 0x0B][tag 0x1B][data 0x1B] ... [data 0x2B]
 *   resume [header 0x0?][tag 0x1?, flag RESUME]             then the interrupted message's next block
 * </pre>
 */
final class WireFraming extends Framing
{
    static final WireFraming SEVEN = new WireFraming(7);
    static final WireFraming EIGHT = new WireFraming(8);

    private final int dataBytesPerBlock;

    private WireFraming(final int dataBytesPerBlock)
    {
        this.dataBytesPerBlock = dataBytesPerBlock;
    }

    public int dataBytesPerBlock()
    {
        return dataBytesPerBlock;
    }

    public int maxLength()
    {
        return HeaderBlock.MAX_LENGTH;
    }

    public int maxNode()
    {
        return HeaderBlock.MAX_NODE;
    }

    public int maxTag()
    {
        return TagBlock.MAX_TAG;
    }

    public long maxAddress()
    {
        return AddressBlock.MAX_ADDRESS;
    }

    public int blocks(final int messageClass, final int length)
    {
        return switch (messageClass)
        {
            case CLASS_RREQ -> 3;
            case CLASS_WREQ -> 3 + dataBlocks(length);
            case CLASS_RRESP -> 2 + dataBlocks(length);
            default -> 1;
        };
    }

    /** Index of the first data block of a message of this class. */
    static int firstDataIndex(final int messageClass)
    {
        return messageClass == CLASS_RRESP ? 2 : 3;
    }

    public int resumeBlocks()
    {
        return 2;
    }

    public boolean carriesData()
    {
        return true;
    }

    public boolean dataOnInvalidSync()
    {
        return dataBytesPerBlock == 8;
    }

    public String name()
    {
        return "wire-" + dataBytesPerBlock;
    }

    public Segmenter newSegmenter()
    {
        return new WireSegmenter(this);
    }

    public Reassembler newReassembler(final int maxPaused)
    {
        return new WireReassembler(this, maxPaused);
    }

    private static final class WireSegmenter extends Segmenter
    {
        private final WireFraming framing;
        private final int perBlock;

        WireSegmenter(final WireFraming framing)
        {
            this.framing = framing;
            this.perBlock = framing.dataBytesPerBlock;
        }

        public long encode(final MessageDescriptor message, final int index)
        {
            final int messageClass = message.messageClass();
            final int length = message.length();
            final int last = framing.blocks(messageClass, length) - 1;
            final int position = index == 0 ? POSITION_FIRST : index == last ? POSITION_LAST : POSITION_MIDDLE;
            final int type = MemoryBlockTypes.type(messageClass, position);
            sync = Block.SYNC_CONTROL;
            if (index == 0)
            {
                return HeaderBlock.encode(type, length, message.source(), message.destination());
            }
            if (index == 1)
            {
                final int key = messageClass == CLASS_RRESP ? 0 : message.key();
                return TagBlock.encode(type, message.tag(), key, 0);
            }
            final int firstData = firstDataIndex(messageClass);
            if (index < firstData)
            {
                return AddressBlock.encode(type, message.address());
            }
            final int byteOffset = (index - firstData) * perBlock;
            final int count = Math.min(perBlock, length - byteOffset);
            final long word = readWord(message.data(), message.dataOffset() + byteOffset, count);
            if (perBlock == 7)
            {
                return DataBlock.encode7(type, word, count);
            }
            sync = DataBlock.sync8(messageClass);
            return DataBlock.encode8(word, count);
        }

        public long encodeResume(final MessageDescriptor message, final int index)
        {
            final int messageClass = message.messageClass();
            sync = Block.SYNC_CONTROL;
            if (index == 0)
            {
                return HeaderBlock.encode(
                    MemoryBlockTypes.type(messageClass, POSITION_FIRST),
                    message.length(),
                    message.source(),
                    message.destination());
            }
            final int key = messageClass == CLASS_RRESP ? 0 : message.key();
            return TagBlock.encode(
                MemoryBlockTypes.type(messageClass, POSITION_MIDDLE), message.tag(), key, TagBlock.FLAG_RESUME);
        }

        public long notif(final int length, final int tag, final int flags, final int receiver)
        {
            sync = Block.SYNC_CONTROL;
            return NotifBlock.encode(length, tag, flags, receiver);
        }

        public long grant(final int quota, final int tag, final int flags, final int peer)
        {
            sync = Block.SYNC_CONTROL;
            return GrantBlock.encode(quota, tag, flags, peer);
        }

        public long ack(final int length, final int tag, final int status, final int requester)
        {
            sync = Block.SYNC_CONTROL;
            return AckBlock.encode(length, tag, status, requester);
        }
    }
}
