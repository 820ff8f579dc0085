package org.edm.bench.roce;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our ICRC against an independent implementation: scapy's RoCE layer ({@code scapy.contrib.roce.BTH}, which computes
 * the ICRC over IPv4) recomputes the ICRC of every frame of real exchanges and must get the 4 bytes we sent; with one
 * protected byte flipped, scapy and our reader both reject the frame. Skips, saying so, when Python or scapy is
 * missing ({@code .ci/run} installs them).
 */
class ScapyIcrcTest
{
    private static final String SCRIPT = String.join("\n",
        "import sys",
        "from scapy.layers.l2 import Ether",
        "from scapy.contrib.roce import BTH",
        "for line in sys.stdin:",
        "    line = line.strip()",
        "    if not line:",
        "        continue",
        "    packet = Ether(bytes.fromhex(line))",
        "    print(packet[BTH].compute_icrc(None).hex() if BTH in packet else 'no-bth')",
        "");
    private static final HexFormat HEX = HexFormat.of();

    @BeforeAll
    static void requireScapy()
    {
        final ExternalTool.Result probe = ExternalTool.run(
            List.of(ExternalTool.python(), "-c", "import scapy.contrib.roce"), "", null);
        assumeTrue(probe != null && probe.exitCode() == 0,
            "skipped: scapy is not importable by '" + ExternalTool.python() + "' (pip install scapy, or " +
            "apt-get install python3-scapy and set EDM_PYTHON to the interpreter it went to)");
    }

    private static List<String> scapyIcrcs(final List<byte[]> frames)
    {
        final StringBuilder input = new StringBuilder();
        for (final byte[] frame : frames)
        {
            input.append(HEX.formatHex(frame)).append('\n');
        }
        final ExternalTool.Result result = ExternalTool.run(List.of(ExternalTool.python(), "-c", SCRIPT),
            input.toString(), null);
        assertThat(result).as("scapy ran").isNotNull();
        assertThat(result.exitCode()).as("scapy failed: %s", result.errors()).isZero();
        return result.output().lines().toList();
    }

    private static String wireIcrc(final byte[] frame)
    {
        return HEX.formatHex(Arrays.copyOfRange(frame, frame.length - 4, frame.length));
    }

    @Test
    void scapyShouldComputeTheIcrcWeSent()
    {
        final List<byte[]> frames = SampleExchange.frames();
        final Set<Integer> opcodes = new TreeSet<>();
        final Set<Integer> pads = new TreeSet<>();
        final RocePacket packet = new RocePacket();
        for (final byte[] frame : frames)
        {
            assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).isEqualTo(RocePacket.OK);
            opcodes.add(packet.opcode());
            pads.add(packet.padCount());
        }
        assertThat(opcodes).containsExactly(
            RoceOpcodes.RDMA_WRITE_FIRST, RoceOpcodes.RDMA_WRITE_MIDDLE, RoceOpcodes.RDMA_WRITE_LAST,
            RoceOpcodes.RDMA_WRITE_ONLY, RoceOpcodes.RDMA_READ_REQUEST, RoceOpcodes.RDMA_READ_RESPONSE_FIRST,
            RoceOpcodes.RDMA_READ_RESPONSE_MIDDLE, RoceOpcodes.RDMA_READ_RESPONSE_LAST,
            RoceOpcodes.RDMA_READ_RESPONSE_ONLY, RoceOpcodes.ACKNOWLEDGE);
        assertThat(pads).containsExactly(0, 1, 2, 3);

        final List<String> computed = scapyIcrcs(frames);

        assertThat(computed).hasSize(frames.size());
        for (int i = 0; i < frames.size(); i++)
        {
            assertThat(computed.get(i)).as("ICRC of frame %d: %s", i, HEX.formatHex(frames.get(i)))
                .isEqualTo(wireIcrc(frames.get(i)));
        }
    }

    @Test
    void scapyAndWeShouldBothRejectAFlippedByte()
    {
        final List<byte[]> frames = SampleExchange.frames();
        final List<byte[]> corrupted = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += 3)
        {
            final byte[] frame = frames.get(i).clone();
            final int protectedBytes = frame.length - 4 - RoceFrameWriter.EXTENSION_OFFSET;
            final int at = i % 2 == 0 ?
                RoceFrameWriter.BTH_OFFSET + 11 :
                RoceFrameWriter.EXTENSION_OFFSET + (i * 7) % protectedBytes;
            frame[at] ^= 0x04;
            corrupted.add(frame);
        }

        final List<String> computed = scapyIcrcs(corrupted);

        final RocePacket packet = new RocePacket();
        assertThat(computed).hasSize(corrupted.size());
        for (int i = 0; i < corrupted.size(); i++)
        {
            final byte[] frame = corrupted.get(i);
            assertThat(computed.get(i)).as("scapy on corrupted frame %d", i).isNotEqualTo(wireIcrc(frame));
            assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).isEqualTo(RocePacket.BAD_ICRC);
        }
    }
}
