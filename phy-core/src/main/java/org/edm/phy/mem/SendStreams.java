package org.edm.phy.mem;

/**
 * The sending side of the resume rule of the wire framing, for one direction of one link: tracks, per message class,
 * which message the receiver currently has open, and tells a sender what a message must send next.
 * <ul>
 * <li>A message whose header went out must send its tag block next on that class stream, and a resume announcement
 * must be finished, before any other message of the class may send ({@link #mayUse}).</li>
 * <li>A message that already started and is not the receiver's open one must first send a resume announcement
 * ({@link #next} returns {@link #RESUME_HEADER}, then {@link #RESUME_TAG}).</li>
 * </ul>
 * With a framing whose blocks name their message (netsim) every call says "go ahead". No allocation.
 */
public final class SendStreams
{
    /** Send the message's next block. */
    public static final int MESSAGE_BLOCK = 0;
    /** Send the first block of a resume announcement (the repeated header). */
    public static final int RESUME_HEADER = 1;
    /** Send the second block of a resume announcement (the tag block with RESUME). */
    public static final int RESUME_TAG = 2;

    private static final long NONE = -1L;
    private static final int CLASSES = 3;

    private final boolean enabled;
    private final long[] open = { NONE, NONE, NONE };
    /** Index of the last message block sent by the open message, -1 while a resume announcement is half sent. */
    private final int[] lastIndex = new int[CLASSES];
    private final boolean[] halfResumed = new boolean[CLASSES];

    public SendStreams(final Framing framing)
    {
        enabled = framing.resumeBlocks() > 0;
    }

    /** Whether the message {@code key} of {@code messageClass} may put a block on its class stream now. */
    public boolean mayUse(final int messageClass, final long key)
    {
        if (!enabled)
        {
            return true;
        }
        final int c = slot(messageClass);
        if (c < 0 || open[c] == key || open[c] == NONE)
        {
            return true;
        }
        return !halfResumed[c] && lastIndex[c] != 0;
    }

    /** What message {@code key} must send before block {@code index}: MESSAGE_BLOCK, RESUME_HEADER or RESUME_TAG. */
    public int next(final int messageClass, final long key, final int index)
    {
        if (!enabled)
        {
            return MESSAGE_BLOCK;
        }
        final int c = slot(messageClass);
        if (c < 0 || index == 0)
        {
            return MESSAGE_BLOCK;
        }
        if (open[c] != key)
        {
            return RESUME_HEADER;
        }
        return halfResumed[c] ? RESUME_TAG : MESSAGE_BLOCK;
    }

    /**
     * Records that {@code what} was sent for message {@code key}.
     *
     * @param index the message block index when {@code what} is MESSAGE_BLOCK.
     * @param last  whether that block was the message's last.
     */
    public void sent(final int messageClass, final long key, final int what, final int index, final boolean last)
    {
        if (!enabled)
        {
            return;
        }
        final int c = slot(messageClass);
        if (c < 0)
        {
            return;
        }
        switch (what)
        {
            case RESUME_HEADER -> {
                open[c] = key;
                lastIndex[c] = -1;
                halfResumed[c] = true;
            }
            case RESUME_TAG -> halfResumed[c] = false;
            default -> {
                open[c] = last ? NONE : key;
                lastIndex[c] = index;
                halfResumed[c] = false;
            }
        }
    }

    /** Forgets every open message, for a link that was reset. */
    public void reset()
    {
        for (int c = 0; c < CLASSES; c++)
        {
            open[c] = NONE;
            halfResumed[c] = false;
        }
    }

    /** The key a sender uses for a message: class, requester and tag. */
    public static long messageKey(final int messageClass, final int requester, final int tag)
    {
        return Reassembler.messageKey(messageClass, requester, tag);
    }

    private static int slot(final int messageClass)
    {
        final int c = messageClass - MemoryBlockTypes.CLASS_RREQ;
        return c >= 0 && c < CLASSES ? c : -1;
    }
}
