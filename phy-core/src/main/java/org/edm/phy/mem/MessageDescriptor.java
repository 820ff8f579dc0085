package org.edm.phy.mem;

import org.agrona.DirectBuffer;

/**
 * What a sender knows about one RREQ, RRESP or WREQ, for the {@link Segmenter}: mutable and reused (an engine keeps
 * one per message slot), never allocated on the data path. The data of a WREQ or RRESP is read from
 * {@code data} at {@code dataOffset}; when {@code data} is null (the simulator) the message carries zeros.
 */
public final class MessageDescriptor
{
    private int messageClass;
    private int length;
    private int source;
    private int destination;
    private int tag;
    private int key;
    private long address;
    private DirectBuffer data;
    private int dataOffset;

    /** Sets every field; returns this. */
    public MessageDescriptor set(
        final int messageClass,
        final int length,
        final int source,
        final int destination,
        final int tag,
        final int key,
        final long address)
    {
        this.messageClass = messageClass;
        this.length = length;
        this.source = source;
        this.destination = destination;
        this.tag = tag;
        this.key = key;
        this.address = address;
        this.data = null;
        this.dataOffset = 0;
        return this;
    }

    /** The bytes a WREQ or RRESP carries; null for none (zeros). Returns this. */
    public MessageDescriptor data(final DirectBuffer data, final int offset)
    {
        this.data = data;
        this.dataOffset = offset;
        return this;
    }

    public int messageClass()
    {
        return messageClass;
    }

    public int length()
    {
        return length;
    }

    public int source()
    {
        return source;
    }

    public int destination()
    {
        return destination;
    }

    public int tag()
    {
        return tag;
    }

    public int key()
    {
        return key;
    }

    public long address()
    {
        return address;
    }

    public DirectBuffer data()
    {
        return data;
    }

    public int dataOffset()
    {
        return dataOffset;
    }

    /** The node that issued the request this message belongs to: the destination of an RRESP, else the source. */
    public int requester()
    {
        return messageClass == MemoryBlockTypes.CLASS_RRESP ? destination : source;
    }

    public String toString()
    {
        return MemoryBlockTypes.name(MemoryBlockTypes.type(messageClass, 0)) + " len=" + length + " " + source +
            "->" + destination + " tag=" + tag + " key=" + Integer.toUnsignedString(key) + " addr=0x" +
            Long.toHexString(address);
    }
}
