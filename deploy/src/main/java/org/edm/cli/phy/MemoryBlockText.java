package org.edm.cli.phy;

import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.DataBlock;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.Reassembler;
import org.edm.phy.pcs.Block;

import java.util.Locale;

/**
 * A memory block in a few words for listings, from what the {@link Reassembler} said about it: which message class
 * and position it has, and the fields it carried.
 * <pre>
 *   RREQ/first len=64 1->2          RREQ/middle tag=7 key=0x2A        RREQ/last address=0x1000
 *   WREQ/middle data 7 bytes        WREQ/data-8 data 8 bytes          WREQ/middle resume tag=8
 *   GRANT quota=256 tag=8 peer=2    ACK len=0 tag=7 status=bad-key requester=1
 *   RRESP/middle malformed: orphan-block
 * </pre>
 */
final class MemoryBlockText
{
    private MemoryBlockText()
    {
    }

    /** The type's name, {@code RREQ/first}, or for an 8-byte data block (no type byte) {@code WREQ/data-8}. */
    static String blockName(final int sync, final long payload)
    {
        if (sync == Block.SYNC_CONTROL)
        {
            return MemoryBlockTypes.name(Block.type(payload));
        }
        return MemoryMessage.className(DataBlock.class8(sync)) + "/data-8";
    }

    /** The block described from the Reassembler's event for it and its accessors right after. */
    static String describe(final int event, final String block, final Reassembler rx)
    {
        return switch (event)
        {
            case Reassembler.HEADER -> block + " len=" + rx.length() + " " + rx.source() + "->" + rx.destination() +
                (rx.identified() ? " tag=" + rx.tag() : "");
            case Reassembler.TAG -> block + " tag=" + rx.tag() + (rx.messageClass() == MemoryBlockTypes.CLASS_RRESP ?
                "" : " key=0x" + Integer.toHexString(rx.key()).toUpperCase(Locale.ROOT));
            case Reassembler.RESUME -> block + " resume tag=" + rx.tag();
            case Reassembler.ADDRESS -> block + " address=0x" + Long.toHexString(rx.address()).toUpperCase(Locale.ROOT);
            case Reassembler.DATA -> block + " data " + rx.dataBytes() + " bytes" +
                (rx.framing().carriesData() ? "" : " (not carried)");
            case Reassembler.PADDING -> block + " padding tag=" + rx.tag();
            case Reassembler.NOTIF -> "NOTIF len=" + rx.length() + " tag=" + rx.tag() + " dst=" + rx.destination();
            case Reassembler.GRANT -> "GRANT quota=" + rx.length() + " tag=" + rx.tag() + " peer=" + rx.destination() +
                ((rx.flags() & GrantBlock.FLAG_RESPONSE) != 0 ? " response" : "");
            case Reassembler.ACK -> "ACK len=" + rx.length() + " tag=" + rx.tag() + " status=" +
                CompletionStatus.name(rx.status()) + " requester=" + rx.destination();
            default -> block + " malformed: " + Reassembler.eventName(event);
        };
    }
}
