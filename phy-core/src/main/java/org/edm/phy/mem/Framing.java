package org.edm.phy.mem;

/**
 * How messages map onto blocks on a fabric. Every node and the switch of one fabric use the same framing.
 * <ul>
 * <li>{@link #wire(int) wire}: the hardware-faithful framing of this project. An RREQ is header, tag and address
 * (3 blocks, as in the RTL); a WREQ is header, tag, address and data; an RRESP is header, tag and data. Data blocks
 * carry 7 bytes (the default, a type byte plus 56 bits) or 8 (see {@link DataBlock}). Data blocks do not name their
 * message, so two messages of one class are never interleaved on a link without announcing it (edm-protocol §8 A15):
 * a sender that returns to an interrupted message first repeats its header and tag block with the RESUME flag
 * ({@link #resumeBlocks()} blocks, not counted in the message's quota).</li>
 * <li>{@link #netsim() netsim}: the reference simulator's abstraction, for the simulator only. Every block counts as
 * 8 bytes and names its message, the header is the first of those blocks, so a message of n bytes is
 * max(2, ceil(n/8)) blocks and an RREQ is 2; no data is carried and no resume headers are needed. This is what makes
 * the reference timelines reproducible to the slot.</li>
 * </ul>
 * Quota accounting is the same for both: a GRANT's quota is in bytes, and every block of a message (header and tag
 * blocks included, resume headers excluded) uses {@link #dataBytesPerBlock()} bytes of it.
 */
public abstract class Framing
{
    /** Bytes of quota one block of a message uses, and data bytes per data block. */
    public abstract int dataBytesPerBlock();

    /** Largest message length in bytes the header can express. */
    public abstract int maxLength();

    /** Largest node id the blocks can express. */
    public abstract int maxNode();

    /** Largest tag the blocks can express. */
    public abstract int maxTag();

    /** Largest region address the blocks can express (the netsim framing carries none, so any address goes). */
    public abstract long maxAddress();

    /** Number of blocks of an RREQ, RRESP or WREQ of {@code length} bytes (resume headers not counted). */
    public abstract int blocks(int messageClass, int length);

    /** Blocks of a resume announcement, or 0 when blocks name their message and never need one. */
    public abstract int resumeBlocks();

    /** Whether data travels in the blocks (false: the blocks stand for the data, as in the simulator). */
    public abstract boolean carriesData();

    /**
     * Whether data blocks travel on the two sync headers clause 49 leaves invalid (00 and 11): the 8-byte wire
     * framing. A link's receive demultiplexer needs to know, to take those blocks out of the MAC frame stream.
     */
    public boolean dataOnInvalidSync()
    {
        return false;
    }

    /** A short name for reports: "wire-7", "wire-8" or "netsim". */
    public abstract String name();

    /** A new encoder of messages into blocks; one per sending engine (it holds the last sync header). */
    public abstract Segmenter newSegmenter();

    /**
     * A new receiver for one direction of one link.
     *
     * @param maxPaused how many interrupted messages of the link it remembers while another of the same class runs.
     */
    public abstract Reassembler newReassembler(int maxPaused);

    /** Blocks needed for a message's data: ceil(length / dataBytesPerBlock). */
    public final int dataBlocks(final int length)
    {
        final int perBlock = dataBytesPerBlock();
        // a division by a constant compiles to a multiply: the segmenter asks for every block it encodes
        if (perBlock == 7)
        {
            return (length + 6) / 7;
        }
        if (perBlock == 8)
        {
            return (length + 7) / 8;
        }
        return (length + perBlock - 1) / perBlock;
    }

    /** The quota in bytes that {@code blocks} blocks of a message use. */
    public final int quotaOf(final int blocks)
    {
        return blocks * dataBytesPerBlock();
    }

    /** The hardware-faithful framing with 7- or 8-byte data blocks. */
    public static Framing wire(final int dataBytesPerBlock)
    {
        if (dataBytesPerBlock != 7 && dataBytesPerBlock != 8)
        {
            throw new IllegalArgumentException("dataBytesPerBlock=" + dataBytesPerBlock + " must be 7 or 8");
        }
        return dataBytesPerBlock == 7 ? WireFraming.SEVEN : WireFraming.EIGHT;
    }

    /** The reference simulator's abstraction (simulator only). */
    public static Framing netsim()
    {
        return NetsimFraming.INSTANCE;
    }

    /** Parses "wire-7", "wire-8" or "netsim" (also "7" and "8"); throws naming the allowed values otherwise. */
    public static Framing parse(final String name)
    {
        return switch (name)
        {
            case "wire-7", "7" -> wire(7);
            case "wire-8", "8" -> wire(8);
            case "netsim" -> netsim();
            default -> throw new IllegalArgumentException(
                "framing=" + name + " is not one of wire-7, wire-8, netsim");
        };
    }

    public String toString()
    {
        return name();
    }
}
