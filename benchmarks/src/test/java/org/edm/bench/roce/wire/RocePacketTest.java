package org.edm.bench.roce.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RocePacketTest
{
    private final RocePacket packet = new RocePacket();

    private int wrap(final byte[] frame)
    {
        return packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true);
    }

    @Test
    void shouldTakeEveryGoldenFrame()
    {
        for (final byte[] frame : GoldenFrames.encoded())
        {
            assertThat(wrap(frame)).isEqualTo(RocePacket.OK);
        }
    }

    @Test
    void shouldIgnoreEthernetPaddingAfterTheDatagram()
    {
        final byte[] ack = GoldenFrames.bytes(GoldenFrames.ACK);
        final byte[] padded = java.util.Arrays.copyOf(ack, ack.length + 6);

        assertThat(wrap(padded)).isEqualTo(RocePacket.OK);
        assertThat(packet.msn()).isEqualTo(2);
    }

    @Test
    void shouldRejectOtherFrames()
    {
        final byte[] frame = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);
        frame[12] = (byte)0x88;
        frame[13] = (byte)0xB5;
        assertThat(wrap(frame)).isEqualTo(RocePacket.NOT_ROCE);

        final byte[] otherPort = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);
        otherPort[RoceFrameWriter.UDP_OFFSET + UdpHeader.DESTINATION_PORT_OFFSET + 1] = 0x01;
        assertThat(wrap(otherPort)).isEqualTo(RocePacket.NOT_ROCE);

        assertThat(wrap(new byte[20])).isEqualTo(RocePacket.NOT_ROCE);
    }

    @Test
    void shouldRejectABadIpChecksum()
    {
        final byte[] frame = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);
        frame[RoceFrameWriter.IP_OFFSET + Ipv4Header.TTL_OFFSET]--;

        assertThat(wrap(frame)).isEqualTo(RocePacket.BAD_IP_CHECKSUM);
    }

    @Test
    void shouldRejectABadIcrcButOnlyWhenAskedToCheckIt()
    {
        final byte[] frame = GoldenFrames.bytes(GoldenFrames.WRITE_ONLY);
        frame[RoceFrameWriter.payloadOffset(RoceOpcodes.RDMA_WRITE_ONLY)] ^= 0x20;

        assertThat(wrap(frame)).isEqualTo(RocePacket.BAD_ICRC);
        assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, false)).isEqualTo(RocePacket.OK);
    }

    @Test
    void shouldRejectTruncatedAndInconsistentLengths()
    {
        final byte[] frame = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);
        assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length - 1, true)).isEqualTo(RocePacket.MALFORMED);

        final byte[] udpLength = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);
        udpLength[RoceFrameWriter.UDP_OFFSET + UdpHeader.LENGTH_OFFSET + 1]++;
        assertThat(wrap(udpLength)).isEqualTo(RocePacket.MALFORMED);
    }

    @Test
    void shouldRejectOpcodesItDoesNotSpeak()
    {
        final RoceFrameWriter writer = GoldenFrames.writerA();
        final byte[] frame = new byte[RoceFrameWriter.FIXED_OVERHEAD + 8];
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        final int sendOnly = 0x04;
        writer.begin(buffer, 0, sendOnly, 7, true, 8);
        writer.seal(buffer, 0, sendOnly, 8);

        assertThat(wrap(frame)).isEqualTo(RocePacket.UNSUPPORTED_OPCODE);
    }
}
