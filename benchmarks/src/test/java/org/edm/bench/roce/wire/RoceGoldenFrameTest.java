package org.edm.bench.roce.wire;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class RoceGoldenFrameTest
{
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shouldEncodeTheHandWrittenFramesByteForByte()
    {
        final byte[][] frames = GoldenFrames.encoded();

        assertThat(HEX.formatHex(frames[0])).isEqualTo(GoldenFrames.READ_REQUEST);
        assertThat(HEX.formatHex(frames[1])).isEqualTo(GoldenFrames.READ_RESPONSE_ONLY);
        assertThat(HEX.formatHex(frames[2])).isEqualTo(GoldenFrames.WRITE_ONLY);
        assertThat(HEX.formatHex(frames[3])).isEqualTo(GoldenFrames.ACK);
    }

    @Test
    void shouldHaveTheFrameLengthsOfTheLayouts()
    {
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_REQUEST, 0)).isEqualTo(74);
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_RESPONSE_ONLY, 8)).isEqualTo(70);
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_WRITE_ONLY, 5)).isEqualTo(82);
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.ACKNOWLEDGE, 0)).isEqualTo(62);
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_WRITE_MIDDLE, 1024)).isEqualTo(58 + 1024);
        assertThat(RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_RESPONSE_MIDDLE, 4096)).isEqualTo(58 + 4096);
    }

    @Test
    void shouldReadBackEveryFieldOfTheReadRequest()
    {
        final RocePacket packet = new RocePacket();
        final byte[] frame = GoldenFrames.bytes(GoldenFrames.READ_REQUEST);

        assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).isEqualTo(RocePacket.OK);
        assertThat(packet.opcode()).isEqualTo(RoceOpcodes.RDMA_READ_REQUEST);
        assertThat(packet.psn()).isEqualTo(0x100);
        assertThat(packet.ackRequest()).isTrue();
        assertThat(packet.destinationQp()).isEqualTo(GoldenFrames.QP_B);
        assertThat(packet.pkey()).isEqualTo(0xFFFF);
        assertThat(packet.sourceMac()).isEqualTo(GoldenFrames.MAC_A);
        assertThat(packet.destinationMac()).isEqualTo(GoldenFrames.MAC_B);
        assertThat(packet.sourceIp()).isEqualTo(GoldenFrames.IP_A);
        assertThat(packet.destinationIp()).isEqualTo(GoldenFrames.IP_B);
        assertThat(packet.udpSourcePort()).isEqualTo(GoldenFrames.PORT_A);
        assertThat(packet.virtualAddress()).isEqualTo(0x1000);
        assertThat(packet.rkey()).isEqualTo(0x2A);
        assertThat(packet.dmaLength()).isEqualTo(8);
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.icrc()).isEqualTo(0x2A1AAAD3);
    }

    @Test
    void shouldReadBackPayloadPadAndAeth()
    {
        final RocePacket packet = new RocePacket();
        final byte[] write = GoldenFrames.bytes(GoldenFrames.WRITE_ONLY);
        assertThat(packet.wrap(new UnsafeBuffer(write), 0, write.length, true)).isEqualTo(RocePacket.OK);
        assertThat(packet.padCount()).isEqualTo(3);
        assertThat(packet.payloadLength()).isEqualTo(5);
        assertThat(new String(write, packet.payloadOffset(), packet.payloadLength())).isEqualTo("hello");

        final byte[] ack = GoldenFrames.bytes(GoldenFrames.ACK);
        assertThat(packet.wrap(new UnsafeBuffer(ack), 0, ack.length, true)).isEqualTo(RocePacket.OK);
        assertThat(packet.opcode()).isEqualTo(RoceOpcodes.ACKNOWLEDGE);
        assertThat(packet.syndrome()).isEqualTo(0x1F);
        assertThat(Aeth.type(packet.syndrome())).isEqualTo(Aeth.TYPE_ACK);
        assertThat(packet.msn()).isEqualTo(2);
        assertThat(packet.payloadLength()).isZero();
    }

    @Test
    void shouldEncodeNakSyndromes()
    {
        assertThat(Aeth.nakSyndrome(Aeth.NAK_PSN_SEQUENCE_ERROR)).isEqualTo(0x60);
        assertThat(Aeth.nakSyndrome(Aeth.NAK_INVALID_REQUEST)).isEqualTo(0x61);
        assertThat(Aeth.nakSyndrome(Aeth.NAK_REMOTE_ACCESS_ERROR)).isEqualTo(0x62);
        assertThat(Aeth.nakSyndrome(Aeth.NAK_REMOTE_OPERATIONAL_ERROR)).isEqualTo(0x63);
        assertThat(Aeth.type(0x62)).isEqualTo(Aeth.TYPE_NAK);
        assertThat(Aeth.value(0x62)).isEqualTo(Aeth.NAK_REMOTE_ACCESS_ERROR);
    }
}
