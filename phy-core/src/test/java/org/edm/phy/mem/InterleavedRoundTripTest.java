package org.edm.phy.mem;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_NOTIF;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/**
 * Messages to blocks to messages with random interleaving: a sender puts one block per slot from a randomly chosen
 * message (following the resume rule), and the receiver must attribute every block to the message it came from and
 * give back identical fields and data.
 */
class InterleavedRoundTripTest
{
    private static final int[] CLASSES = { CLASS_RREQ, CLASS_RRESP, CLASS_WREQ, CLASS_NOTIF, CLASS_GRANT, CLASS_ACK };

    @Property(tries = 300)
    void wireSevenShouldGiveBackEveryMessage(@ForAll final long seed)
    {
        roundTrip(Framing.wire(7), seed);
    }

    @Property(tries = 300)
    void wireEightShouldGiveBackEveryMessage(@ForAll final long seed)
    {
        roundTrip(Framing.wire(8), seed);
    }

    @Property(tries = 300)
    void netsimShouldGiveBackEveryMessage(@ForAll final long seed)
    {
        roundTrip(Framing.netsim(), seed);
    }

    private static void roundTrip(final Framing framing, final long seed)
    {
        final Random random = new Random(seed);
        final List<Sent> messages = randomMessages(framing, random);
        final Segmenter segmenter = framing.newSegmenter();
        final Reassembler receiver = framing.newReassembler(64);
        final SendStreams streams = new SendStreams(framing);
        int multiBlockMessages = 0;
        for (final Sent m : messages)
        {
            multiBlockMessages += m.isSingle() ? 0 : 1;
        }

        final List<Sent> usable = new ArrayList<>();
        while (true)
        {
            usable.clear();
            for (final Sent m : messages)
            {
                if (!m.done() && (m.isSingle() || streams.mayUse(m.cls, m.key())))
                {
                    usable.add(m);
                }
            }
            if (usable.isEmpty())
            {
                break;
            }
            final Sent m = usable.get(random.nextInt(usable.size()));
            if (m.isSingle())
            {
                sendSingle(segmenter, receiver, m);
                continue;
            }
            final int what = streams.next(m.cls, m.key(), m.nextIndex);
            final long payload = what == SendStreams.MESSAGE_BLOCK ?
                segmenter.encode(m.descriptor, m.nextIndex) : segmenter.encodeResume(m.descriptor, what - 1);
            final int event = receiver.accept(segmenter.sync(), payload);
            assertThat(event).as("event for %s block %d (%s)", m.descriptor, m.nextIndex,
                Reassembler.eventName(event)).isPositive();
            final boolean last = what == SendStreams.MESSAGE_BLOCK && m.nextIndex == m.blocks - 1;
            check(framing, receiver, m, event, what, last);
            streams.sent(m.cls, m.key(), what, m.nextIndex, last);
            if (what == SendStreams.MESSAGE_BLOCK)
            {
                m.nextIndex++;
            }
        }

        for (final Sent m : messages)
        {
            assertThat(m.done()).as("%s was sent whole", m.descriptor).isTrue();
            assertThat(m.completedAtReceiver).as("%s completed at the receiver", m.descriptor).isTrue();
            if (framing.carriesData() && m.data != null)
            {
                assertThat(m.received).as("data of %s", m.descriptor).isEqualTo(m.data);
            }
        }
        assertThat(receiver.malformedTotal()).isZero();
        assertThat(receiver.messagesCompleted()).isEqualTo(multiBlockMessages);
    }

    private static void check(
        final Framing framing, final Reassembler rx, final Sent m, final int event, final int what, final boolean last)
    {
        assertThat(rx.messageClass()).isEqualTo(m.cls);
        if (event != Reassembler.PADDING)
        {
            assertThat(rx.length()).isEqualTo(m.descriptor.length());
            assertThat(rx.source()).isEqualTo(m.descriptor.source());
            assertThat(rx.destination()).isEqualTo(m.descriptor.destination());
        }
        if (what != SendStreams.MESSAGE_BLOCK)
        {
            if (what == SendStreams.RESUME_TAG)
            {
                assertThat(event).isEqualTo(Reassembler.RESUME);
                assertThat(rx.tag()).isEqualTo(m.descriptor.tag());
            }
            else
            {
                assertThat(event).isEqualTo(Reassembler.HEADER);
            }
            return;
        }
        if (event == Reassembler.PADDING)
        {
            // netsim: the second block of an RREQ only fills space; the header already completed the request
            assertThat(m.cls).isEqualTo(CLASS_RREQ);
            assertThat(rx.tag()).isEqualTo(m.descriptor.tag());
            return;
        }
        final boolean netsimReadHeader = !framing.carriesData() && m.cls == CLASS_RREQ && m.nextIndex == 0;
        assertThat(rx.blockIndex()).isEqualTo(m.nextIndex);
        assertThat(rx.last()).isEqualTo(last || netsimReadHeader);
        if (rx.identified())
        {
            assertThat(rx.tag()).isEqualTo(m.descriptor.tag());
            assertThat(rx.requester()).isEqualTo(m.descriptor.requester());
        }
        if (rx.ready() && m.cls != CLASS_RRESP && framing.carriesData())
        {
            assertThat(rx.key()).isEqualTo(m.descriptor.key());
            assertThat(rx.address()).isEqualTo(m.descriptor.address());
        }
        if (event == Reassembler.DATA && framing.carriesData())
        {
            for (int i = 0; i < rx.dataBytes(); i++)
            {
                m.received[rx.dataOffset() + i] = (byte)(rx.dataWord() >>> (i << 3));
            }
        }
        if (last || netsimReadHeader)
        {
            m.completedAtReceiver = true;
        }
    }

    private static void sendSingle(final Segmenter segmenter, final Reassembler rx, final Sent m)
    {
        final MessageDescriptor d = m.descriptor;
        final long payload = switch (m.cls)
        {
            case CLASS_NOTIF -> segmenter.notif(d.length(), d.tag(), 0, d.destination());
            case CLASS_GRANT -> segmenter.grant(d.length(), d.tag(), GrantBlock.FLAG_RESPONSE, d.destination());
            default -> segmenter.ack(d.length(), d.tag(), CompletionStatus.BAD_KEY, d.destination());
        };
        final int event = rx.accept(segmenter.sync(), payload);
        assertThat(event).isEqualTo(switch (m.cls)
        {
            case CLASS_NOTIF -> Reassembler.NOTIF;
            case CLASS_GRANT -> Reassembler.GRANT;
            default -> Reassembler.ACK;
        });
        assertThat(rx.length()).isEqualTo(d.length());
        assertThat(rx.tag()).isEqualTo(d.tag());
        assertThat(rx.destination()).isEqualTo(d.destination());
        assertThat(rx.flags()).isEqualTo(m.cls == CLASS_NOTIF ? 0 : m.cls == CLASS_GRANT ? 1 : CompletionStatus.BAD_KEY);
        m.nextIndex = 1;
        m.completedAtReceiver = true;
    }

    private static List<Sent> randomMessages(final Framing framing, final Random random)
    {
        final List<Sent> messages = new ArrayList<>();
        final int count = 1 + random.nextInt(12);
        final int maxNode = Math.min(framing.maxNode(), 15);
        for (int i = 0; i < count; i++)
        {
            final int cls = CLASSES[random.nextInt(CLASSES.length)];
            final int length = switch (random.nextInt(10))
            {
                case 0 -> 1 + random.nextInt(8);
                case 1 -> 1 + random.nextInt(framing.maxLength() >= 65535 ? 65535 : 1 << 16);
                default -> 1 + random.nextInt(300);
            };
            final int requester = random.nextInt(maxNode + 1);
            final int peer = random.nextInt(maxNode + 1);
            final int tag = i;
            final int source = cls == CLASS_RRESP ? peer : requester;
            final int destination = cls == CLASS_RRESP ? requester : peer;
            final MessageDescriptor d = new MessageDescriptor().set(
                cls, length, source, destination, tag, random.nextInt(), random.nextLong() & AddressBlock.MAX_ADDRESS);
            final Sent sent = new Sent(cls, d, cls >= CLASS_NOTIF ? 1 : framing.blocks(cls, length));
            if ((cls == CLASS_WREQ || cls == CLASS_RRESP) && framing.carriesData())
            {
                sent.data = new byte[length];
                random.nextBytes(sent.data);
                sent.received = new byte[length];
                d.data(new UnsafeBuffer(sent.data), 0);
            }
            messages.add(sent);
        }
        return messages;
    }

    private static final class Sent
    {
        final int cls;
        final MessageDescriptor descriptor;
        final int blocks;
        int nextIndex;
        byte[] data;
        byte[] received;
        boolean completedAtReceiver;

        Sent(final int cls, final MessageDescriptor descriptor, final int blocks)
        {
            this.cls = cls;
            this.descriptor = descriptor;
            this.blocks = blocks;
        }

        boolean isSingle()
        {
            return cls >= CLASS_NOTIF;
        }

        boolean done()
        {
            return nextIndex >= blocks;
        }

        long key()
        {
            return SendStreams.messageKey(cls, descriptor.requester(), descriptor.tag());
        }
    }
}
