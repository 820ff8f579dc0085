package org.edm.phy.mem;

import org.agrona.DirectBuffer;
import org.edm.phy.pcs.Block;

import java.nio.ByteOrder;

/**
 * Turns messages into blocks, one block per call, so that a sending engine can put each block in whatever slot its
 * priority order gives it. Stateless between calls except for {@link #sync()}, the sync header of the block last
 * encoded; one segmenter per sending engine. Never allocates, never throws on the data path.
 * <pre>
 *   long payload = segmenter.encode(message, blockIndex);   // blockIndex 0 .. framing.blocks(class, length) - 1
 *   int sync = segmenter.sync();
 * </pre>
 */
public abstract class Segmenter
{
    protected int sync = Block.SYNC_CONTROL;

    /** Sync header of the block last returned by an encode method. */
    public final int sync()
    {
        return sync;
    }

    /** Block {@code index} of an RREQ, RRESP or WREQ. */
    public abstract long encode(MessageDescriptor message, int index);

    /**
     * Block {@code index} (0 .. resumeBlocks()-1) of the announcement that a sender returns to an interrupted
     * message. Only for framings whose {@link Framing#resumeBlocks()} is not 0.
     */
    public abstract long encodeResume(MessageDescriptor message, int index);

    /** A NOTIF for a write of {@code length} bytes with {@code tag} to {@code receiver}. */
    public abstract long notif(int length, int tag, int flags, int receiver);

    /** A GRANT of {@code quota} bytes for the message {@code tag} toward {@code peer}. */
    public abstract long grant(int quota, int tag, int flags, int peer);

    /** An ACK completing request {@code tag} of {@code requester} with {@code status}. */
    public abstract long ack(int length, int tag, int status, int requester);

    /** Reads {@code count} (0..8) bytes little-endian; zeros when there is no data. */
    static long readWord(final DirectBuffer data, final int offset, final int count)
    {
        if (data == null || count <= 0)
        {
            return 0L;
        }
        if (offset + 8 <= data.capacity())
        {
            return data.getLong(offset, ByteOrder.LITTLE_ENDIAN) & DataBlock.lowBytesMask(count);
        }
        long word = 0;
        for (int i = 0; i < count; i++)
        {
            word |= (data.getByte(offset + i) & 0xFFL) << (i << 3);
        }
        return word;
    }
}
