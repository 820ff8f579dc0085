package org.edm.phy.mem;

import org.edm.phy.pcs.Block;

import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_FIRST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_LAST;
import static org.edm.phy.mem.MemoryBlockTypes.POSITION_MIDDLE;

/**
 * The reference simulator's framing (see {@link Framing} and {@link NetsimBlocks}).
 * <pre>
 *   RREQ         [header 0x0A][body 0x2A]                     16 bytes, as the reference traces model it
 *   WREQ, RRESP  [header 0x0?][body 0x1?] ... [body 0x2?]     max(2, ceil(length / 8)) blocks
 * </pre>
 */
final class NetsimFraming extends Framing
{
    static final NetsimFraming INSTANCE = new NetsimFraming();

    private NetsimFraming()
    {
    }

    public int dataBytesPerBlock()
    {
        return 8;
    }

    public int maxLength()
    {
        return NetsimBlocks.MAX_LENGTH;
    }

    public int maxNode()
    {
        return NetsimBlocks.MAX_NODE;
    }

    public int maxTag()
    {
        return NetsimBlocks.MAX_TAG;
    }

    public long maxAddress()
    {
        return Long.MAX_VALUE;
    }

    public int blocks(final int messageClass, final int length)
    {
        return switch (messageClass)
        {
            case CLASS_RREQ -> 2;
            case CLASS_WREQ, CLASS_RRESP -> Math.max(2, dataBlocks(length));
            default -> 1;
        };
    }

    public int resumeBlocks()
    {
        return 0;
    }

    public boolean carriesData()
    {
        return false;
    }

    public String name()
    {
        return "netsim";
    }

    public Segmenter newSegmenter()
    {
        return new NetsimSegmenter(this);
    }

    public Reassembler newReassembler(final int maxPaused)
    {
        return new NetsimReassembler(this, maxPaused);
    }

    private static final class NetsimSegmenter extends Segmenter
    {
        private final NetsimFraming framing;

        NetsimSegmenter(final NetsimFraming framing)
        {
            this.framing = framing;
            sync = Block.SYNC_CONTROL;
        }

        public long encode(final MessageDescriptor message, final int index)
        {
            final int messageClass = message.messageClass();
            if (index == 0)
            {
                return NetsimBlocks.header(
                    MemoryBlockTypes.type(messageClass, POSITION_FIRST),
                    message.length(),
                    message.source(),
                    message.destination(),
                    message.tag());
            }
            final int last = framing.blocks(messageClass, message.length()) - 1;
            final int type = MemoryBlockTypes.type(messageClass, index == last ? POSITION_LAST : POSITION_MIDDLE);
            return NetsimBlocks.body(type, index, message.requester(), message.tag());
        }

        public long encodeResume(final MessageDescriptor message, final int index)
        {
            throw new IllegalStateException("the netsim framing never needs a resume announcement");
        }

        public long notif(final int length, final int tag, final int flags, final int receiver)
        {
            return NetsimBlocks.single(MemoryBlockTypes.NOTIF, length, tag, flags, receiver);
        }

        public long grant(final int quota, final int tag, final int flags, final int peer)
        {
            return NetsimBlocks.single(MemoryBlockTypes.GRANT, quota, tag, flags, peer);
        }

        public long ack(final int length, final int tag, final int status, final int requester)
        {
            return NetsimBlocks.single(MemoryBlockTypes.ACK, length, tag, status, requester);
        }
    }
}
