package org.edm.cli.phy;

import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.MemoryBlockTypes;

/**
 * One memory message as the text tools report it, filled in block by block by {@link MessageAssembler}. It prints as
 * one line of {@code name=value} fields, only those the message class has:
 * <pre>
 *   RREQ  src=1 dst=2 tag=7 key=0x2A address=0x1000 length=64
 *   WREQ  src=1 dst=2 tag=8 key=0x2A address=0x1000 length=5 data=48656C6C6F
 *   RRESP src=2 dst=1 tag=7 length=3 data=AABBCC
 *   NOTIF dst=2 tag=8 length=5
 *   GRANT peer=2 tag=8 quota=256 for=write          for=response when the grant is for a read response
 *   ACK   requester=1 tag=8 length=5 status=success
 * </pre>
 * Key, address and data appear only when the framing carries them (not in netsim); {@code resumed=N} is added when the
 * message was interrupted and resumed N times on the link. Positions (input lines, or packet numbers) say where its
 * first and last block were.
 */
final class MemoryMessage
{
    final int messageClass;
    int length;
    int source;
    int destination;
    int tag;
    int key;
    long address;
    int flags;
    byte[] data;
    boolean carriesKey;
    int resumes;
    int blocks;
    final long firstPosition;
    long lastPosition;

    MemoryMessage(final int messageClass, final long firstPosition)
    {
        this.messageClass = messageClass;
        this.firstPosition = firstPosition;
        this.lastPosition = firstPosition;
    }

    /** The class name: RREQ, WREQ, RRESP, NOTIF, GRANT or ACK. */
    String className()
    {
        return className(messageClass);
    }

    static String className(final int messageClass)
    {
        final String name = MemoryBlockTypes.name(MemoryBlockTypes.type(messageClass, MemoryBlockTypes.POSITION_FIRST));
        final int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The message's identity without its payload, for problem reports: class, nodes and tag. */
    String identity()
    {
        return switch (messageClass)
        {
            case MemoryBlockTypes.CLASS_NOTIF, MemoryBlockTypes.CLASS_GRANT, MemoryBlockTypes.CLASS_ACK -> toString();
            default -> className() + " src=" + source + " dst=" + destination + " tag=" + tag + " length=" + length;
        };
    }

    public String toString()
    {
        final StringBuilder text = new StringBuilder(className());
        switch (messageClass)
        {
            case MemoryBlockTypes.CLASS_NOTIF ->
                text.append(" dst=").append(destination).append(" tag=").append(tag).append(" length=").append(length);
            case MemoryBlockTypes.CLASS_GRANT ->
                text.append(" peer=").append(destination).append(" tag=").append(tag).append(" quota=").append(length)
                    .append((flags & GrantBlock.FLAG_RESPONSE) != 0 ? " for=response" : " for=write");
            case MemoryBlockTypes.CLASS_ACK ->
                text.append(" requester=").append(destination).append(" tag=").append(tag).append(" length=")
                    .append(length).append(" status=").append(CompletionStatus.name(flags));
            default ->
            {
                text.append(" src=").append(source).append(" dst=").append(destination).append(" tag=").append(tag);
                if (carriesKey && messageClass != MemoryBlockTypes.CLASS_RRESP)
                {
                    text.append(" key=0x").append(Integer.toHexString(key).toUpperCase(java.util.Locale.ROOT));
                    text.append(" address=0x").append(Long.toHexString(address).toUpperCase(java.util.Locale.ROOT));
                }
                text.append(" length=").append(length);
                if (data != null)
                {
                    text.append(" data=").append(PhyText.hex(data));
                }
                if (resumes > 0)
                {
                    text.append(" resumed=").append(resumes);
                }
            }
        }
        return text.toString();
    }
}
