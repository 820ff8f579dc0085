package org.edm.phy.mem;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

/** Malformed block sequences are counted and dropped, never thrown, and later messages still get through. */
class MalformedSequenceTest
{
    private final Framing framing = Framing.wire(7);
    private final Segmenter segmenter = framing.newSegmenter();
    private final Reassembler rx = framing.newReassembler(4);
    private final MessageDescriptor write = new MessageDescriptor().set(CLASS_WREQ, 20, 1, 2, 7, 99, 0x100);

    @Test
    void shouldCountAMiddleBlockWithNoHeader()
    {
        final long data = segmenter.encode(write, 3);
        assertThat(rx.accept(segmenter.sync(), data)).isEqualTo(Reassembler.ORPHAN);
        assertThat(rx.malformedCount(Reassembler.ORPHAN)).isEqualTo(1);
        assertThatWholeMessageStillPasses();
    }

    @Test
    void shouldCountALastBlockThatComesTooEarly()
    {
        send(write, 0, 1, 2);
        // a 20-byte write needs 3 data blocks; end it after the first
        final long early = DataBlock.encode7(MemoryBlockTypes.WREQ_LAST, 0x41, 1);
        assertThat(rx.accept(Block.SYNC_CONTROL, early)).isEqualTo(Reassembler.LENGTH_MISMATCH);
        assertThat(rx.requester()).isEqualTo(1);
        assertThat(rx.tag()).isEqualTo(7);
        // the rest of the broken message is orphaned, and counted
        assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encode(write, 4))).isEqualTo(Reassembler.ORPHAN);
        assertThatWholeMessageStillPasses();
    }

    @Test
    void shouldCountAMessageThatRunsPastItsLength()
    {
        final MessageDescriptor shortWrite = new MessageDescriptor().set(CLASS_WREQ, 3, 1, 2, 8, 0, 0);
        send(shortWrite, 0, 1, 2);
        final long notLast = DataBlock.encode7(MemoryBlockTypes.WREQ_MIDDLE, 0x414243, 3);
        assertThat(rx.accept(Block.SYNC_CONTROL, notLast)).isEqualTo(Reassembler.LENGTH_MISMATCH);
    }

    @Test
    void shouldCountAHeaderWhoseTagNeverCame()
    {
        rx.accept(Block.SYNC_CONTROL, segmenter.encode(write, 0));
        final MessageDescriptor other = new MessageDescriptor().set(CLASS_WREQ, 1, 1, 2, 9, 0, 0);
        send(other, 0, 1, 2, 3);
        assertThat(rx.last()).isTrue();
        assertThatWholeMessageStillPasses();
        assertThat(rx.malformedCount(Reassembler.MISSING_TAG)).isEqualTo(1);
    }

    @Test
    void shouldCountAResumeOfAnUnknownMessage()
    {
        rx.accept(Block.SYNC_CONTROL, segmenter.encodeResume(write, 0));
        assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encodeResume(write, 1))).isEqualTo(Reassembler.UNKNOWN_RESUME);
        assertThatWholeMessageStillPasses();
    }

    @Test
    void shouldRememberEveryInterruptedMessageBeyondItsInitialSize()
    {
        // 6 writes each interrupted after their tag block by the next one; the receiver started with room for 4
        final MessageDescriptor[] writes = new MessageDescriptor[6];
        for (int tag = 0; tag < writes.length; tag++)
        {
            writes[tag] = new MessageDescriptor().set(CLASS_WREQ, 50, 1, 2, tag, 0, 0);
            send(writes[tag], 0, 1);
        }
        for (final MessageDescriptor m : writes)
        {
            assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encodeResume(m, 0))).isEqualTo(Reassembler.HEADER);
            assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encodeResume(m, 1))).isEqualTo(Reassembler.RESUME);
            final int blocks = framing.blocks(CLASS_WREQ, 50);
            for (int i = 2; i < blocks; i++)
            {
                final long payload = segmenter.encode(m, i);
                assertThat(rx.accept(segmenter.sync(), payload)).isPositive();
            }
            assertThat(rx.last()).isTrue();
        }
        assertThat(rx.malformedTotal()).isZero();
        assertThat(rx.messagesCompleted()).isEqualTo(writes.length);
    }

    @Test
    void shouldRejectNonMemoryBlocks()
    {
        assertThat(rx.accept(Block.SYNC_DATA, 0x1234)).isEqualTo(Reassembler.NOT_MEMORY);
        assertThat(rx.accept(Block.SYNC_CONTROL, Block.IDLE_PAYLOAD)).isEqualTo(Reassembler.NOT_MEMORY);
        assertThat(rx.accept(Block.SYNC_ZERO, 0)).isEqualTo(Reassembler.NOT_MEMORY);
    }

    @Test
    void shouldRejectAnEightByteDataBlockOnASevenByteLink()
    {
        send(write, 0, 1, 2);
        assertThat(rx.accept(DataBlock.sync8(CLASS_WREQ), 0x41)).isEqualTo(Reassembler.NOT_MEMORY);
    }

    @Property(tries = 200)
    void randomBitsNeverThrowAndEveryBlockIsAccountedFor(@ForAll final long seed)
    {
        final Random random = new Random(seed);
        for (final Framing f : new Framing[] { Framing.wire(7), Framing.wire(8), Framing.netsim() })
        {
            final Reassembler receiver = f.newReassembler(8);
            long events = 0;
            long rejected = 0;
            for (int i = 0; i < 500; i++)
            {
                final long payload = random.nextInt(4) == 0
                    ? random.nextLong() : (random.nextLong() & ~0xFFL) | pickType(random);
                final int code = receiver.accept(random.nextInt(4), payload);
                if (code > 0)
                {
                    events++;
                }
                else
                {
                    rejected++;
                }
            }
            assertThat(receiver.memoryBlocks()).isEqualTo(500);
            assertThat(receiver.droppedBlocks()).isEqualTo(rejected);
            assertThat(receiver.malformedTotal()).isGreaterThanOrEqualTo(rejected);
            assertThat(events + rejected).isEqualTo(500);
        }
    }

    private static int pickType(final Random random)
    {
        final int[] types = { 0x0A, 0x1A, 0x2A, 0x0B, 0x1B, 0x2B, 0x0C, 0x1C, 0x2C, 0x0D, 0x0E, 0x0F, 0x1E, 0x78 };
        return types[random.nextInt(types.length)];
    }

    private void send(final MessageDescriptor m, final int... indexes)
    {
        for (final int index : indexes)
        {
            assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encode(m, index))).isPositive();
        }
    }

    private void assertThatWholeMessageStillPasses()
    {
        final MessageDescriptor next = new MessageDescriptor().set(CLASS_RRESP, 9, 2, 1, 3, 0, 0);
        final int blocks = framing.blocks(CLASS_RRESP, 9);
        for (int i = 0; i < blocks; i++)
        {
            assertThat(rx.accept(Block.SYNC_CONTROL, segmenter.encode(next, i))).isPositive();
        }
        assertThat(rx.last()).isTrue();
    }
}
