package org.edm.cli.phy;

import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.Reassembler;
import org.edm.phy.mem.SendStreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Rebuilds whole memory messages from the memory blocks of one link direction, for the text tools ({@code edm phy
 * mem parse}, {@code edm phy dump}). The protocol work is the {@link Reassembler}'s: it says what each block is and
 * whether it completed its message, and counts malformed sequences by reason. This class only collects what the
 * events report (fields, data at the offsets given) into {@link MemoryMessage}s keyed by class, requester and tag, so
 * interleaved messages come apart exactly as a receiver would take them apart. It also turns each malformed count into
 * a problem report naming where it was found, and has every block described ({@link MemoryBlockText}).
 * <p>
 * Where a block was is a {@code long} position chosen by the caller (an input line, a packet number), named for
 * messages by the function given at construction. Allocates freely: this is a control-plane tool, not the data path.
 */
final class MessageAssembler
{
    /** One problem: where it was found, the Reassembler's reason name, and a sentence for the user. */
    record Problem(long position, String reason, String text)
    {
    }

    /** What one block turned out to be. */
    record BlockReport(String description, MemoryMessage completed, List<Problem> problems)
    {
    }

    private static final int[] REASONS = {
        Reassembler.ORPHAN, Reassembler.MISSING_TAG, Reassembler.LENGTH_MISMATCH, Reassembler.UNKNOWN_RESUME,
        Reassembler.UNEXPECTED };
    private static final int MAX_PAUSED = 256;

    private final Framing framing;
    private final Reassembler reassembler;
    private final LongFunction<String> positionName;
    private final Map<Long, MemoryMessage> open = new LinkedHashMap<>();
    private final List<MemoryMessage> abandoned = new ArrayList<>();
    private final long[] headerPosition = { -1, -1, -1 };
    private final long[] countsBefore = new long[REASONS.length];
    private final List<Problem> allProblems = new ArrayList<>();
    private long messagesCompleted;

    /**
     * @param positionName how a position is named in messages, for example {@code p -> "line " + p}.
     */
    MessageAssembler(final Framing framing, final LongFunction<String> positionName)
    {
        this.framing = framing;
        this.reassembler = framing.newReassembler(MAX_PAUSED);
        this.positionName = positionName;
    }

    /** Whether a block is a memory block of this framing (the others belong to the MAC frame stream). */
    boolean isMemoryBlock(final int sync, final long payload)
    {
        return MemoryBlockTypes.isMemoryBlock(sync, payload, FramingOption.eightByteData(framing));
    }

    /** Takes the next memory block of the link direction, found at {@code position}. */
    BlockReport accept(final int sync, final long payload, final long position)
    {
        final Reassembler rx = reassembler;
        for (int i = 0; i < REASONS.length; i++)
        {
            countsBefore[i] = rx.malformedCount(REASONS[i]);
        }
        final long[] headersBefore = headerPosition.clone();
        final int event = rx.accept(sync, payload);
        final String block = MemoryBlockText.blockName(sync, payload);
        final String description = MemoryBlockText.describe(event, block, rx);
        final int c = rx.messageClass() - MemoryBlockTypes.CLASS_RREQ;
        MemoryMessage message = null;
        switch (event)
        {
            case Reassembler.HEADER ->
            {
                if (rx.identified())
                {
                    message = start(position);
                    message.blocks = 1;
                }
                else
                {
                    headerPosition[c] = position;
                }
            }
            case Reassembler.TAG ->
            {
                message = start(headerPosition[c] >= 0 ? headerPosition[c] : position);
                message.blocks = 2;
                headerPosition[c] = -1;
            }
            case Reassembler.RESUME ->
            {
                headerPosition[c] = -1;
                message = open.get(key());
                if (message == null)
                {
                    message = revive();
                }
                if (message != null)
                {
                    message.resumes++;
                }
            }
            case Reassembler.ADDRESS ->
            {
                message = continued(position);
                message.address = rx.address();
            }
            case Reassembler.DATA ->
            {
                message = continued(position);
                if (message.data != null && rx.dataOffset() + rx.dataBytes() <= message.data.length)
                {
                    for (int i = 0; i < rx.dataBytes(); i++)
                    {
                        message.data[rx.dataOffset() + i] = (byte)(rx.dataWord() >>> (i << 3));
                    }
                }
            }
            default ->
            {
                // single-block messages complete below; padding and malformed blocks belong to no open message
            }
        }
        if (message != null)
        {
            message.lastPosition = position;
        }
        final MemoryMessage completed = event > 0 ? completedBy(event, message, position) : null;
        final List<Problem> problems = problems(event, block, position, headersBefore);
        return new BlockReport(description, completed, problems);
    }

    /** Messages begun and never completed (still open, or replaced by a message with the same tag), oldest first. */
    List<MemoryMessage> incomplete()
    {
        final List<MemoryMessage> incomplete = new ArrayList<>(abandoned);
        incomplete.addAll(open.values());
        return incomplete;
    }

    /** Positions of headers still waiting for their tag block. */
    List<Long> headersWithoutTag()
    {
        final List<Long> positions = new ArrayList<>();
        for (final long position : headerPosition)
        {
            if (position >= 0)
            {
                positions.add(position);
            }
        }
        return positions;
    }

    /** Blocks a message of its class and length takes (resume announcements not counted). */
    int blocksOf(final MemoryMessage message)
    {
        return framing.blocks(message.messageClass, message.length);
    }

    /** Every problem found so far. */
    List<Problem> problems()
    {
        return allProblems;
    }

    long messagesCompleted()
    {
        return messagesCompleted;
    }

    long memoryBlocks()
    {
        return reassembler.memoryBlocks();
    }

    private MemoryMessage completedBy(final int event, final MemoryMessage message, final long position)
    {
        final Reassembler rx = reassembler;
        if (event == Reassembler.NOTIF || event == Reassembler.GRANT || event == Reassembler.ACK)
        {
            final MemoryMessage single = new MemoryMessage(rx.messageClass(), position);
            single.length = rx.length();
            single.tag = rx.tag();
            single.flags = rx.flags();
            single.destination = rx.destination();
            single.blocks = 1;
            messagesCompleted++;
            return single;
        }
        if (message == null || !rx.last() || event == Reassembler.PADDING)
        {
            return null;
        }
        open.remove(key());
        messagesCompleted++;
        return message;
    }

    /** A message whose first identified block this is. */
    private MemoryMessage start(final long firstPosition)
    {
        final Reassembler rx = reassembler;
        final MemoryMessage message = new MemoryMessage(rx.messageClass(), firstPosition);
        message.length = rx.length();
        message.source = rx.source();
        message.destination = rx.destination();
        message.tag = rx.tag();
        message.key = rx.key();
        message.carriesKey = framing.carriesData();
        if (framing.carriesData() && rx.messageClass() != MemoryBlockTypes.CLASS_RREQ)
        {
            message.data = new byte[rx.length()];
        }
        final MemoryMessage previous = open.put(key(), message);
        if (previous != null)
        {
            abandoned.add(previous);
        }
        return message;
    }

    /**
     * The open message this block belongs to. The Reassembler has it open, so it was started here too, unless two
     * messages with the same class, requester and tag were on the link at once; then the one the Reassembler means is
     * begun afresh (the other is reported incomplete).
     */
    private MemoryMessage continued(final long position)
    {
        final Reassembler rx = reassembler;
        final MemoryMessage message = open.get(key());
        final boolean same = message != null && message.length == rx.length() && message.source == rx.source() &&
            message.destination == rx.destination();
        final MemoryMessage found = same ? message : start(position);
        found.blocks++;
        return found;
    }

    private List<Problem> problems(final int event, final String block, final long position, final long[] headersBefore)
    {
        final Reassembler rx = reassembler;
        final int c = rx.messageClass() - MemoryBlockTypes.CLASS_RREQ;
        if (event < 0 && c >= 0 && c < headerPosition.length)
        {
            // a rejected block leaves its class stream idle: no header is waiting for its tag any more
            headerPosition[c] = -1;
        }
        final List<Problem> problems = new ArrayList<>(1);
        for (int i = 0; i < REASONS.length; i++)
        {
            if (rx.malformedCount(REASONS[i]) == countsBefore[i])
            {
                continue;
            }
            final int reason = REASONS[i];
            final String cls = MemoryMessage.className(rx.messageClass());
            final String text = switch (reason)
            {
                case Reassembler.ORPHAN -> block + " with no " + cls + " open";
                case Reassembler.MISSING_TAG -> "the " + cls + " header at " +
                    positionName.apply(headersBefore[Math.max(0, c)]) + " was not followed by its tag block";
                case Reassembler.LENGTH_MISMATCH -> block + " disagrees with the length in the header" + dropped();
                case Reassembler.UNKNOWN_RESUME -> "resume of " + cls + " tag=" + rx.tag() +
                    ", which was not interrupted on this link";
                default -> event > 0 ?
                    block + " reuses the tag of an open " + cls + ", which is dropped" :
                    block + " cannot appear here" + dropped();
            };
            final String name = Reassembler.eventName(reason);
            final Problem problem = new Problem(position, name, name + ": " + text);
            problems.add(problem);
            allProblems.add(problem);
        }
        return problems;
    }

    /** For a rejected block that ends the message it belonged to: forget the message, and say which it was. */
    private String dropped()
    {
        final Reassembler rx = reassembler;
        if (!rx.identified())
        {
            return "";
        }
        final MemoryMessage message = open.remove(key());
        if (message == null)
        {
            return "; " + MemoryMessage.className(rx.messageClass()) + " src=" + rx.source() + " dst=" +
                rx.destination() + " tag=" + rx.tag() + " length=" + rx.length() + " is dropped";
        }
        return "; " + message.identity() + " from " + positionName.apply(message.firstPosition) + " is dropped";
    }

    /**
     * A message that a newer one with the same class, requester and tag displaced here, and that the Reassembler has
     * just resumed: back to the open ones, with the data it already has.
     */
    private MemoryMessage revive()
    {
        final Reassembler rx = reassembler;
        for (int i = abandoned.size() - 1; i >= 0; i--)
        {
            final MemoryMessage message = abandoned.get(i);
            if (message.messageClass == rx.messageClass() && message.tag == rx.tag() &&
                message.length == rx.length() && message.source == rx.source() &&
                message.destination == rx.destination())
            {
                abandoned.remove(i);
                open.put(key(), message);
                return message;
            }
        }
        return null;
    }

    private long key()
    {
        final Reassembler rx = reassembler;
        return SendStreams.messageKey(rx.messageClass(), rx.requester(), rx.tag());
    }
}
