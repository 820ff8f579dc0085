package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The message assembler where the Reassembler's view and a simple map of open messages could drift apart. */
class MessageAssemblerTest
{
    private final Framing framing = Framing.wire(7);
    private final Segmenter segmenter = framing.newSegmenter();
    private final MessageAssembler assembler = new MessageAssembler(framing, p -> "line " + p);
    private final List<String> completed = new ArrayList<>();
    private long line;

    private void send(final long payload)
    {
        final MessageAssembler.BlockReport report = assembler.accept(segmenter.sync(), payload, ++line);
        if (report.completed() != null)
        {
            completed.add(report.completed().toString());
        }
    }

    @Test
    void shouldKeepTheDataOfAMessageThatAnotherWithTheSameTagInterruptedAndThatWasResumed()
    {
        // two writes from node 1 to node 2 with the same tag: the second interrupts the first after its first data
        // block and completes; then the first resumes and completes with all its bytes
        final MessageDescriptor first = write(5, "first write");
        final MessageDescriptor second = write(5, "2nd");
        for (int i = 0; i < 4; i++)
        {
            send(segmenter.encode(first, i));
        }
        for (int i = 0; i < 4; i++)
        {
            send(segmenter.encode(second, i));
        }
        send(segmenter.encodeResume(first, 0));
        send(segmenter.encodeResume(first, 1));
        send(segmenter.encode(first, 4));

        assertThat(completed).containsExactly(
            "WREQ src=1 dst=2 tag=5 key=0x0 address=0x0 length=3 data=326E64",
            "WREQ src=1 dst=2 tag=5 key=0x0 address=0x0 length=11 data=6669727374207772697465 resumed=1");
        assertThat(assembler.incomplete()).isEmpty();
        assertThat(assembler.problems()).isEmpty();
    }

    @Test
    void shouldReportTheOlderOfTwoOpenMessagesWithOneTagIncompleteWhenItNeverResumes()
    {
        final MessageDescriptor first = write(5, "first write");
        final MessageDescriptor second = write(5, "2nd");
        for (int i = 0; i < 4; i++)
        {
            send(segmenter.encode(first, i));
        }
        for (int i = 0; i < 4; i++)
        {
            send(segmenter.encode(second, i));
        }

        assertThat(completed).hasSize(1);
        assertThat(assembler.incomplete()).hasSize(1);
        assertThat(assembler.incomplete().get(0).identity()).isEqualTo("WREQ src=1 dst=2 tag=5 length=11");
        assertThat(assembler.incomplete().get(0).firstPosition).isEqualTo(1);
    }

    private static MessageDescriptor write(final int tag, final String text)
    {
        final byte[] data = text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return new MessageDescriptor().set(MemoryBlockTypes.CLASS_WREQ, data.length, 1, 2, tag, 0, 0)
            .data(new UnsafeBuffer(data), 0);
    }
}
