package org.edm.phy.mem;

/**
 * Receives the memory blocks of one direction of one link, in order, and says what each one is: which message it
 * belongs to, which part of it, and whether the message is complete. One call per block, no callbacks, no allocation:
 * {@link #accept(int, long)} returns an event code and the accessors describe the block until the next call.
 * <p>
 * Malformed sequences (a middle block with no header, a length that disagrees with the blocks, a resume for a message
 * it never saw) return a negative code, are counted per reason, and the block is dropped; nothing throws. Fields that
 * were known when the problem was found (class, requester, tag) stay readable so that a receiver can complete the
 * request with an error.
 * <pre>
 *   event     when                                           fields valid
 *   HEADER    first block of RREQ/RRESP/WREQ                 class, length, source, destination (+ tag if identified)
 *   TAG       tag block (wire framing)                       + tag, key, flags
 *   ADDRESS   address block                                  + address
 *   DATA      data block                                     + dataWord, dataBytes, dataOffset
 *   RESUME    resume announcement done (wire framing)        all of the interrupted message's fields
 *   NOTIF     NOTIF                                          length, tag, flags, destination (the receiver)
 *   GRANT     GRANT                                          length (the quota), tag, flags, destination (peer)
 *   ACK       ACK                                            length, tag, status, destination (the requester)
 *   PADDING   second block of a netsim RREQ                  requester (source), tag
 * </pre>
 */
public abstract class Reassembler
{
    public static final int HEADER = 1;
    public static final int TAG = 2;
    public static final int ADDRESS = 3;
    public static final int DATA = 4;
    public static final int RESUME = 5;
    public static final int NOTIF = 6;
    public static final int GRANT = 7;
    public static final int ACK = 8;
    /** A block that only takes up space (the second block of a netsim RREQ). */
    public static final int PADDING = 9;

    /** Not a memory block of this framing. */
    public static final int NOT_MEMORY = -1;
    /** A middle or last block with no message open for its class. */
    public static final int ORPHAN = -2;
    /** A header not followed by its tag block. */
    public static final int MISSING_TAG = -3;
    /** A last-block marker that disagrees with the length in the header. */
    public static final int LENGTH_MISMATCH = -4;
    /** A resume announcement for a message this receiver does not know. */
    public static final int UNKNOWN_RESUME = -5;
    /** A block that cannot appear where it did (a resume tag marked last, a data block of the wrong size). */
    public static final int UNEXPECTED = -7;

    private static final int REASONS = 8;

    protected final Framing framing;
    private final long[] malformed = new long[REASONS];
    private long memoryBlocks;
    private long droppedBlocks;
    private long resets;
    private long messagesCompleted;

    protected int messageClass;
    protected int length;
    protected int source;
    protected int destination;
    protected int tag;
    protected int key;
    protected int flags;
    protected long address;
    protected long dataWord;
    protected int dataBytes;
    protected int dataOffset;
    protected int blockIndex;
    protected boolean identified;
    protected boolean ready;
    protected boolean last;

    protected Reassembler(final Framing framing)
    {
        this.framing = framing;
    }

    /**
     * Takes the next memory block of the link.
     *
     * @return an event code (positive) or a malformed reason (negative).
     */
    public abstract int accept(int sync, long payload);

    /**
     * Forgets every open and paused message, after blocks of the link were lost (a carrier sequence gap): their
     * remaining blocks would otherwise be taken for other messages' (they are now dropped as orphans, counted, and
     * the requests they belong to end by timeout).
     */
    public abstract void reset();

    /** Times {@link #reset()} was called. */
    public final long resets()
    {
        return resets;
    }

    protected final void countReset()
    {
        resets++;
    }

    public final Framing framing()
    {
        return framing;
    }

    /** Message class of the block (see {@link MemoryBlockTypes}). */
    public final int messageClass()
    {
        return messageClass;
    }

    /** Message length in bytes; a GRANT's quota; an ACK's length written. */
    public final int length()
    {
        return length;
    }

    public final int source()
    {
        return source;
    }

    /** Destination node; the receiver of a NOTIF, the peer of a GRANT, the requester of an ACK. */
    public final int destination()
    {
        return destination;
    }

    /** The requester of the message: destination of an RRESP, source of an RREQ or WREQ. */
    public final int requester()
    {
        return messageClass == MemoryBlockTypes.CLASS_RRESP ? destination : source;
    }

    public final int tag()
    {
        return tag;
    }

    public final int key()
    {
        return key;
    }

    /** Tag-block flags, NOTIF or GRANT flags; for an ACK, see {@link #status()}. */
    public final int flags()
    {
        return flags;
    }

    /** An ACK's completion status. */
    public final int status()
    {
        return flags;
    }

    public final long address()
    {
        return address;
    }

    /** The data bytes of a DATA block, little-endian in the low {@link #dataBytes()} bytes. */
    public final long dataWord()
    {
        return dataWord;
    }

    public final int dataBytes()
    {
        return dataBytes;
    }

    /** Offset in the message's payload of the first byte of this DATA block. */
    public final int dataOffset()
    {
        return dataOffset;
    }

    /** Index of this block in its message (resume blocks not counted). */
    public final int blockIndex()
    {
        return blockIndex;
    }

    /** Whether the message's tag is known (from this block or an earlier one). */
    public final boolean identified()
    {
        return identified;
    }

    /** Whether every control field of the message (length, ids, tag, key, address) is known. */
    public final boolean ready()
    {
        return ready;
    }

    /** Whether this block completed its message. */
    public final boolean last()
    {
        return last;
    }

    /** Memory blocks accepted, malformed ones included. */
    public final long memoryBlocks()
    {
        return memoryBlocks;
    }

    /** Blocks dropped because they were malformed (each counted under one reason). */
    public final long droppedBlocks()
    {
        return droppedBlocks;
    }

    /** Messages whose last block arrived in order. */
    public final long messagesCompleted()
    {
        return messagesCompleted;
    }

    /** How many blocks were dropped for {@code reason} (a negative code). */
    public final long malformedCount(final int reason)
    {
        return malformed[-reason];
    }

    /** Problems of every reason: dropped blocks, and messages lost while another block was accepted. */
    public final long malformedTotal()
    {
        long total = 0;
        for (final long count : malformed)
        {
            total += count;
        }
        return total;
    }

    /** A short name for an event code or malformed reason. */
    public static String eventName(final int code)
    {
        return switch (code)
        {
            case HEADER -> "header";
            case TAG -> "tag";
            case ADDRESS -> "address";
            case DATA -> "data";
            case RESUME -> "resume";
            case NOTIF -> "notif";
            case GRANT -> "grant";
            case ACK -> "ack";
            case PADDING -> "padding";
            case NOT_MEMORY -> "not-memory";
            case ORPHAN -> "orphan-block";
            case MISSING_TAG -> "missing-tag";
            case LENGTH_MISMATCH -> "length-mismatch";
            case UNKNOWN_RESUME -> "unknown-resume";
            case UNEXPECTED -> "unexpected-block";
            default -> "event-" + code;
        };
    }

    protected final void startBlock()
    {
        memoryBlocks++;
        identified = false;
        ready = false;
        last = false;
        dataBytes = 0;
        dataWord = 0;
    }

    protected final int reject(final int reason)
    {
        malformed[-reason]++;
        droppedBlocks++;
        return reason;
    }

    /** Counts a problem found while handling a block that is itself reported normally. */
    protected final void countMalformed(final int reason)
    {
        malformed[-reason]++;
    }

    protected final void completed()
    {
        last = true;
        messagesCompleted++;
    }

    protected final int single(final int event, final int cls, final int len, final int tagValue, final int flag, final int node)
    {
        messageClass = cls;
        length = len;
        tag = tagValue;
        flags = flag;
        destination = node;
        source = 0;
        identified = true;
        ready = true;
        last = true;
        return event;
    }

    /** Key of a message in a receiver's tables: class, requester and tag. */
    static long messageKey(final int messageClass, final int requester, final int tag)
    {
        return ((long)messageClass << 40) | ((long)requester << 16) | (tag & 0xFFFF);
    }
}
