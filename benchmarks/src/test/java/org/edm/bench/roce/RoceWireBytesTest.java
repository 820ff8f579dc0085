package org.edm.bench.roce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Wire bytes per direction against hand-computed cases (header sizes from the layouts; +4 FCS, +8 preamble, +12 IFG). */
class RoceWireBytesTest
{
    @Test
    void shouldCountPreambleFcsGapAndTheMinimumFrame()
    {
        assertThat(RoceWireBytes.onWire(60)).isEqualTo(84);
        assertThat(RoceWireBytes.onWire(20)).as("padded to the minimum frame").isEqualTo(84);
        assertThat(RoceWireBytes.onWire(62)).isEqualTo(86);
        assertThat(RoceWireBytes.onWire(1514)).isEqualTo(1538);
    }

    @Test
    void shouldMatchTheSmallReadsAndWritesWorkedOutByHand()
    {
        // READ request: 14 + 20 + 8 + 12 + RETH 16 + ICRC 4 = 74; + FCS 4 + preamble 8 + IFG 12 = 98
        assertThat(RoceWireBytes.readRequestBytes(8, 1024)).isEqualTo(98);
        // READ Response Only: 14 + 20 + 8 + 12 + AETH 4 + 8 + 4 = 70 -> 94
        assertThat(RoceWireBytes.readResponseBytes(8, 1024)).isEqualTo(94);
        // 64 bytes: 62 + 64 + 4 = 130 -> 150
        assertThat(RoceWireBytes.readResponseBytes(64, 1024)).isEqualTo(150);
        // WRITE Only: 14 + 20 + 8 + 12 + RETH 16 + 8 + 4 = 82 -> 106; 64 bytes: 138 -> 162
        assertThat(RoceWireBytes.writeRequestBytes(8, 1024)).isEqualTo(106);
        assertThat(RoceWireBytes.writeRequestBytes(64, 1024)).isEqualTo(162);
        // ACK: 14 + 20 + 8 + 12 + AETH 4 + 4 = 62 -> 86
        assertThat(RoceWireBytes.writeAckBytes(8, 1024, 16)).isEqualTo(86);
        // 1 byte: padded to 4 in the packet
        assertThat(RoceWireBytes.readResponseBytes(1, 1024)).isEqualTo(62 + 4 + 4 + 20);
    }

    @ParameterizedTest(name = "{0} bytes, mtu {1}")
    @CsvSource({
        // length, mtu, request direction, response direction (ACKs with coalescing 16)
        // READ 4096 at 1024: First 62+1024+4+20, 2 Middle 58+1024+4+20, Last 62+1024+4+20
        "4096, 1024, 98, 4432",
        // READ 1025 at 1024: First 62+1024+24 = 1110, Last 62+1+3 pad+24 = 90
        "1025, 1024, 98, 1200",
        // READ 1 MB at 4096: 256 packets, 2 with AETH: 254 * (58+4096+24) + 2 * (62+4096+24)
        "1048576, 4096, 98, 1069576"})
    void shouldSegmentReadsAtThePathMtu(final long length, final int mtu, final long request, final long response)
    {
        assertThat(RoceWireBytes.readRequestBytes(length, mtu)).isEqualTo(request);
        assertThat(RoceWireBytes.readResponseBytes(length, mtu)).isEqualTo(response);
    }

    @Test
    void shouldSegmentWritesAtThePathMtu()
    {
        // WRITE 3000 at 1024: First 74+1024+24 = 1122, Middle 58+1024+24 = 1106, Last 58+952+24 = 1034
        assertThat(RoceWireBytes.writeRequestBytes(3000, 1024)).isEqualTo(1122 + 1106 + 1034);
        // 40 packets with an ACK every 16 and one on the last: 3 ACKs
        assertThat(RoceWireBytes.writeAcks(40 * 1024, 1024, 16)).isEqualTo(3);
        assertThat(RoceWireBytes.writeAckBytes(40 * 1024, 1024, 16)).isEqualTo(3 * 86);
        assertThat(RoceWireBytes.writeAcks(32 * 1024, 1024, 16)).isEqualTo(2);
        assertThat(RoceWireBytes.writeAcks(40 * 1024, 1024, 0)).isEqualTo(1);
    }

    @Test
    void shouldAgreeWithTheFramesAQueuePairActuallySends()
    {
        for (final int length : new int[] { 1, 8, 64, 1000, 3000, 70_000 })
        {
            final RoceLink link = new RoceLink(RoceLink.defaultConfig(), 1, 4);
            link.record = true;
            link.a.submitRead(1, 0, RoceLink.RKEY, length, null, 0, link.now);
            link.runUntilCompleted(1, 1_000_000_000L);
            link.settle();
            final long readBytes = link.sent.stream().mapToLong(f -> RoceWireBytes.onWire(f.length)).sum();
            assertThat(readBytes).as("READ %d", length)
                .isEqualTo(RoceWireBytes.readRequestBytes(length, 1024) + RoceWireBytes.readResponseBytes(length, 1024));

            final RoceLink writes = new RoceLink(RoceLink.defaultConfig(), 1, 4);
            writes.record = true;
            writes.a.submitWrite(1, 0, RoceLink.RKEY, length, null, 0, writes.now);
            writes.runUntilCompleted(1, 1_000_000_000L);
            writes.settle();
            final long writeBytes = writes.sent.stream().mapToLong(f -> RoceWireBytes.onWire(f.length)).sum();
            assertThat(writeBytes).as("WRITE %d", length).isEqualTo(
                RoceWireBytes.writeRequestBytes(length, 1024) + RoceWireBytes.writeAckBytes(length, 1024, 16));
        }
    }
}
