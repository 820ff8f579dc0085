package org.edm.phy.link;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.AddressBlock;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Reassembler;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.mem.SendStreams;
import org.edm.phy.pcs.BlockSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * Frames mixed with memory blocks through arbiter and RX demux give back identical frames and messages: the whole
 * link, with real messages. Random RREQ/WREQ/RRESP/NOTIF/GRANT/ACK messages are cut into blocks by the
 * {@link Segmenter} of a wire framing, a sender interleaves messages of one class following the {@link SendStreams}
 * resume rule, and random MAC frames go through a {@link MacFrameSource}; a {@link TxSlotArbiter} (memory first, so
 * memory blocks take any slot, mid-frame included) fills the slots, an {@link RxDemux} splits them again and the
 * memory blocks go into a {@link Reassembler}. Every frame and every message (fields and data) must come back, with
 * nothing dropped and nothing malformed.
 * <p>
 * {@code LinkRoundTripPropertyTest} checks the same path with raw memory blocks; this test closes the loop with
 * messages, so a block the demux misroutes (for example an 8-byte data block on sync 00/11) shows up as a broken
 * message.
 */
class LinkMessageRoundTripPropertyTest
{
    private static final int[] CLASSES = { CLASS_RREQ, CLASS_RRESP, CLASS_WREQ, CLASS_NOTIF, CLASS_GRANT, CLASS_ACK };
    private static final HexFormat HEX = HexFormat.of();

    /** A message as the test compares it: every field a receiver can read, data as hex (null when none). */
    record Message(int cls, int length, int source, int destination, int tag, int key, long address, int flags, String data)
    {
    }

    /** What one run sent and received, and the counters that say how it went. */
    record Outcome(
        List<byte[]> sentFrames, List<byte[]> receivedFrames, Map<Long, Message> sentMessages,
        Map<Long, Message> receivedMessages, RxDemux demux, Reassembler reassembler, MessageSource memory,
        int memoryBlocksInsideFrames)
    {
    }

    @Property(tries = 150)
    void wireSevenFramesAndMessagesComeBackIdentical(@ForAll final long seed)
    {
        check(run(Framing.wire(7), seed, 1 + new Random(seed).nextInt(24), 1 + new Random(~seed).nextInt(16)));
    }

    @Property(tries = 150)
    void wireEightFramesAndMessagesComeBackIdentical(@ForAll final long seed)
    {
        check(run(Framing.wire(8), seed, 1 + new Random(seed).nextInt(24), 1 + new Random(~seed).nextInt(16)));
    }

    @Example
    void shouldResumeInterruptedMessagesAndPreemptFramesOften()
    {
        for (final Framing framing : new Framing[] { Framing.wire(7), Framing.wire(8) })
        {
            final Outcome outcome = run(framing, 7, 120, 60);

            check(outcome);
            assertThat(outcome.memory().resumes).as("resume announcements on %s", framing).isGreaterThan(10);
            assertThat(outcome.memoryBlocksInsideFrames()).as("memory blocks inside frames").isGreaterThan(100);
        }
    }

    private static void check(final Outcome outcome)
    {
        assertThat(outcome.demux().totalDrops()).as("frames dropped by the demux").isZero();
        assertThat(outcome.reassembler().malformedTotal()).as("malformed memory sequences").isZero();
        assertThat(outcome.reassembler().droppedBlocks()).isZero();
        assertThat(outcome.receivedFrames()).hasSameSizeAs(outcome.sentFrames());
        for (int i = 0; i < outcome.sentFrames().size(); i++)
        {
            assertThat(outcome.receivedFrames().get(i)).as("frame %d", i).isEqualTo(padded(outcome.sentFrames().get(i)));
        }
        assertThat(outcome.receivedMessages()).isEqualTo(outcome.sentMessages());
        Statistics.label("resumes").collect(outcome.memory().resumes > 0);
        Statistics.label("memory inside frames").collect(outcome.memoryBlocksInsideFrames() > 0);
    }

    private static Outcome run(final Framing framing, final long seed, final int messageCount, final int frameCount)
    {
        final Random random = new Random(seed);
        final MessageSource memory = new MessageSource(framing, random, randomMessages(framing, random, messageCount));
        final List<byte[]> sentFrames = new ArrayList<>();
        final long[] offerSlots = new long[frameCount];
        for (int i = 0; i < frameCount; i++)
        {
            final byte[] frame = new byte[random.nextInt(3) == 0 ? 1 + random.nextInt(80) : 1 + random.nextInt(1514)];
            random.nextBytes(frame);
            sentFrames.add(frame);
            offerSlots[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(2000);
        }
        Arrays.sort(offerSlots);

        final MacFrameSource frames = new MacFrameSource(frameCount, MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH);
        final TxSlotArbiter arbiter = new TxSlotArbiter(memory, frames);
        final MessageCollector collector = new MessageCollector(framing.newReassembler(64));
        final List<byte[]> receivedFrames = new ArrayList<>();
        final RxDemux demux = new RxDemux(
            collector, (buffer, offset, length) -> receivedFrames.add(copy(buffer, offset, length)),
            MacBlockFraming.DEFAULT_MAX_FRAME_LENGTH, framing.dataBytesPerBlock() == 8);
        final int[] insideFrames = new int[1];
        final BlockSink link = (sync, payload) ->
        {
            if (demux.inFrame() && MemoryBlockTypes.isMemoryBlock(sync, payload, true))
            {
                insideFrames[0]++;
            }
            demux.accept(sync, payload);
        };

        int offered = 0;
        long slot = 0;
        while (offered < frameCount || frames.hasWork() || !memory.done())
        {
            while (offered < frameCount && offerSlots[offered] <= slot)
            {
                final byte[] frame = sentFrames.get(offered++);
                assertThat(frames.offer(new UnsafeBuffer(frame), 0, frame.length)).isEqualTo(MacFrameQueue.OK);
            }
            arbiter.emit(slot++, link);
        }
        return new Outcome(sentFrames, receivedFrames, memory.expected(), collector.messages, demux,
            collector.reassembler, memory, insideFrames[0]);
    }

    private static List<Sent> randomMessages(final Framing framing, final Random random, final int count)
    {
        final List<Sent> messages = new ArrayList<>();
        for (int tag = 0; tag < count; tag++)
        {
            final int cls = CLASSES[random.nextInt(CLASSES.length)];
            final int length = switch (random.nextInt(8))
            {
                case 0 -> 1 + random.nextInt(8);
                case 1 -> 1 + random.nextInt(2000);
                default -> 1 + random.nextInt(200);
            };
            final int requester = random.nextInt(framing.maxNode() + 1);
            final int peer = random.nextInt(framing.maxNode() + 1);
            // a NOTIF, GRANT or ACK names one node; the receiver reports it as the destination and the source as 0
            final int source = cls == CLASS_RRESP ? peer : cls >= CLASS_NOTIF ? 0 : requester;
            final int destination = cls == CLASS_RRESP ? requester : peer;
            final MessageDescriptor descriptor = new MessageDescriptor().set(
                cls, length, source, destination, tag, random.nextInt(), random.nextLong() & AddressBlock.MAX_ADDRESS);
            byte[] data = null;
            if (cls == CLASS_WREQ || cls == CLASS_RRESP)
            {
                data = new byte[length];
                random.nextBytes(data);
                descriptor.data(new UnsafeBuffer(data), 0);
            }
            final int flags = switch (cls)
            {
                case CLASS_GRANT -> random.nextBoolean() ? GrantBlock.FLAG_RESPONSE : 0;
                case CLASS_ACK -> random.nextInt(CompletionStatus.NO_RESOURCES + 1);
                default -> 0;
            };
            final long release = random.nextInt(2) == 0 ? 0 : random.nextInt(1500);
            messages.add(new Sent(descriptor, flags, data, framing.blocks(cls, length), release));
        }
        return messages;
    }

    /**
     * The memory side of the sender: in every slot it is offered it sends, with a probability fixed per run, the next
     * block of a message picked at random among those released and allowed by the resume rule.
     */
    static final class MessageSource implements SlotSource
    {
        private final Random random;
        private final List<Sent> messages;
        private final Segmenter segmenter;
        private final SendStreams streams;
        private final double busy;
        private final List<Sent> usable = new ArrayList<>();
        int resumes;

        MessageSource(final Framing framing, final Random random, final List<Sent> messages)
        {
            this.random = random;
            this.messages = messages;
            this.segmenter = framing.newSegmenter();
            this.streams = new SendStreams(framing);
            this.busy = 0.1 + 0.8 * random.nextDouble();
        }

        @Override
        public boolean emit(final long slot, final BlockSink sink)
        {
            if (random.nextDouble() >= busy)
            {
                return false;
            }
            usable.clear();
            for (final Sent m : messages)
            {
                if (!m.done() && m.release <= slot && (m.isSingle() || streams.mayUse(m.cls(), m.key())))
                {
                    usable.add(m);
                }
            }
            if (usable.isEmpty())
            {
                return false;
            }
            final Sent m = usable.get(random.nextInt(usable.size()));
            final MessageDescriptor d = m.descriptor;
            if (m.isSingle())
            {
                final long payload = switch (m.cls())
                {
                    case CLASS_NOTIF -> segmenter.notif(d.length(), d.tag(), 0, d.destination());
                    case CLASS_GRANT -> segmenter.grant(d.length(), d.tag(), m.flags, d.destination());
                    default -> segmenter.ack(d.length(), d.tag(), m.flags, d.destination());
                };
                sink.accept(segmenter.sync(), payload);
                m.next = 1;
                return true;
            }
            final int what = streams.next(m.cls(), m.key(), m.next);
            final long payload = what == SendStreams.MESSAGE_BLOCK ?
                segmenter.encode(d, m.next) : segmenter.encodeResume(d, what - 1);
            sink.accept(segmenter.sync(), payload);
            final boolean last = what == SendStreams.MESSAGE_BLOCK && m.next == m.blocks - 1;
            streams.sent(m.cls(), m.key(), what, m.next, last);
            if (what == SendStreams.MESSAGE_BLOCK)
            {
                m.next++;
            }
            else if (what == SendStreams.RESUME_HEADER)
            {
                resumes++;
            }
            return true;
        }

        boolean done()
        {
            for (final Sent m : messages)
            {
                if (!m.done())
                {
                    return false;
                }
            }
            return true;
        }

        /** The messages as the receiver must report them, by message key. */
        Map<Long, Message> expected()
        {
            final Map<Long, Message> expected = new HashMap<>();
            for (final Sent m : messages)
            {
                final MessageDescriptor d = m.descriptor;
                final Message message = switch (m.cls())
                {
                    case CLASS_NOTIF, CLASS_GRANT, CLASS_ACK ->
                        new Message(m.cls(), d.length(), 0, d.destination(), d.tag(), 0, 0, m.flags, null);
                    case CLASS_RREQ ->
                        new Message(m.cls(), d.length(), d.source(), d.destination(), d.tag(), d.key(), d.address(), 0,
                            null);
                    case CLASS_WREQ ->
                        new Message(m.cls(), d.length(), d.source(), d.destination(), d.tag(), d.key(), d.address(), 0,
                            HEX.formatHex(m.data));
                    default ->
                        new Message(m.cls(), d.length(), d.source(), d.destination(), d.tag(), 0, 0, 0,
                            HEX.formatHex(m.data));
                };
                assertThat(expected.put(m.key(), message)).isNull();
            }
            return expected;
        }
    }

    /** One message on the sender's side and how far it got. */
    static final class Sent
    {
        final MessageDescriptor descriptor;
        final int flags;
        final byte[] data;
        final int blocks;
        final long release;
        int next;

        Sent(final MessageDescriptor descriptor, final int flags, final byte[] data, final int blocks, final long release)
        {
            this.descriptor = descriptor;
            this.flags = flags;
            this.data = data;
            this.blocks = blocks;
            this.release = release;
        }

        int cls()
        {
            return descriptor.messageClass();
        }

        boolean isSingle()
        {
            return cls() >= CLASS_NOTIF;
        }

        boolean done()
        {
            return next >= blocks;
        }

        long key()
        {
            return SendStreams.messageKey(cls(), descriptor.requester(), descriptor.tag());
        }
    }

    /**
     * The receiver's side, written independently of any tool: rebuilds messages from the {@link Reassembler}'s events
     * alone (fields from its accessors, data placed at the offsets it reports), keyed by class, requester and tag.
     */
    static final class MessageCollector implements BlockSink
    {
        final Reassembler reassembler;
        final Map<Long, Message> messages = new HashMap<>();
        private final Map<Long, Message> open = new HashMap<>();
        private final Map<Long, byte[]> data = new HashMap<>();

        MessageCollector(final Reassembler reassembler)
        {
            this.reassembler = reassembler;
        }

        @Override
        public void accept(final int sync, final long payload)
        {
            final Reassembler rx = reassembler;
            final int event = rx.accept(sync, payload);
            assertThat(event).as("event %s", Reassembler.eventName(event)).isPositive();
            switch (event)
            {
                case Reassembler.NOTIF, Reassembler.GRANT, Reassembler.ACK ->
                {
                    final Message single = new Message(rx.messageClass(), rx.length(), rx.source(), rx.destination(),
                        rx.tag(), 0, 0, rx.flags(), null);
                    assertThat(messages.put(key(rx), single)).as("%s received twice", single).isNull();
                    return;
                }
                case Reassembler.HEADER ->
                {
                    return;
                }
                case Reassembler.TAG ->
                {
                    assertThat(open.containsKey(key(rx))).isFalse();
                    open.put(key(rx), new Message(rx.messageClass(), rx.length(), rx.source(), rx.destination(),
                        rx.tag(), rx.key(), 0, 0, null));
                    data.put(key(rx), new byte[rx.length()]);
                }
                case Reassembler.ADDRESS ->
                {
                    final Message m = open.get(key(rx));
                    open.put(key(rx), new Message(m.cls(), m.length(), m.source(), m.destination(), m.tag(), m.key(),
                        rx.address(), 0, null));
                }
                case Reassembler.DATA ->
                {
                    final byte[] bytes = data.get(key(rx));
                    for (int i = 0; i < rx.dataBytes(); i++)
                    {
                        bytes[rx.dataOffset() + i] = (byte)(rx.dataWord() >>> (i << 3));
                    }
                }
                default ->
                {
                    assertThat(event).isEqualTo(Reassembler.RESUME);
                    assertThat(open).containsKey(key(rx));
                }
            }
            if (rx.last())
            {
                final Message m = open.remove(key(rx));
                final byte[] bytes = data.remove(key(rx));
                final boolean hasData = m.cls() != CLASS_RREQ;
                assertThat(messages.put(key(rx), new Message(m.cls(), m.length(), m.source(), m.destination(),
                    m.tag(), m.key(), m.address(), 0, hasData ? HEX.formatHex(bytes) : null))).isNull();
            }
        }

        private static long key(final Reassembler rx)
        {
            return SendStreams.messageKey(rx.messageClass(), rx.requester(), rx.tag());
        }
    }

    private static byte[] padded(final byte[] frame)
    {
        return frame.length >= MacBlockFraming.MIN_FRAME_LENGTH ? frame :
            Arrays.copyOf(frame, MacBlockFraming.MIN_FRAME_LENGTH);
    }

    private static byte[] copy(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return copy;
    }
}
