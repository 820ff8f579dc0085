package org.edm.bench.frames;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchFrameTest
{
    @Test
    void shouldReadBackEveryHeaderField()
    {
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);
        final int length = BenchFrame.writeHeader(frame, 2, 0x02_ed_00_00_00_01L, 0x02_ed_00_00_00_02L,
            BenchFrame.READ_DATA, 0x0003_0007, 65536, 1478, 123_456_789_012L);

        assertThat(length).isEqualTo(BenchFrame.HEADER_LENGTH).isEqualTo(36);
        assertThat(BenchFrame.isBenchFrame(frame, 2, 36)).isTrue();
        assertThat(BenchFrame.isBenchFrame(frame, 2, 35)).isFalse();
        assertThat(BenchFrame.kind(frame, 2)).isEqualTo(BenchFrame.READ_DATA);
        assertThat(BenchFrame.tag(frame, 2)).isEqualTo(0x0003_0007);
        assertThat(BenchFrame.length(frame, 2)).isEqualTo(65536);
        assertThat(BenchFrame.fragmentOffset(frame, 2)).isEqualTo(1478);
        assertThat(BenchFrame.sentNanos(frame, 2)).isEqualTo(123_456_789_012L);
        assertThat(BenchFrame.source(frame, 2)).isEqualTo(0x02_ed_00_00_00_02L);
        // on the wire: destination first, EtherType 0x88B6 big-endian at 12
        assertThat(frame.getByte(2 + 5)).isEqualTo((byte)0x01);
        assertThat(frame.getByte(2 + 12)).isEqualTo((byte)0x88);
        assertThat(frame.getByte(2 + 13)).isEqualTo((byte)0xB6);
    }

    @Test
    void shouldCountWireBytesWithFramingAndTheMinimumFrame()
    {
        assertThat(BenchFrame.onWire(36)).isEqualTo(64 + 8 + 12);
        assertThat(BenchFrame.onWire(60)).isEqualTo(84);
        assertThat(BenchFrame.onWire(1514)).isEqualTo(1538);
        assertThat(BenchFrame.payloadPerFrame(1514)).isEqualTo(1478);
    }
}
