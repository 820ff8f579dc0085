package org.edm.bench.roce;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.wire.GoldenFrames;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Wireshark's dissector decodes our frames as RoCEv2 ("RRoCE") with the opcodes and fields we meant: a pcap of real
 * exchanges goes through {@code tshark -T fields}, and every field it prints is compared with the golden values
 * (first four frames) and with our own reader (all frames). tshark does not verify the ICRC (see the scapy test);
 * it does check the IPv4 header checksum when asked. Skips, saying so, when tshark is missing.
 */
class TsharkDecodeTest
{
    private static final List<String> FIELDS = List.of(
        "_ws.col.Protocol", "infiniband.bth.opcode", "infiniband.bth.se", "infiniband.bth.m",
        "infiniband.bth.padcnt", "infiniband.bth.tver", "infiniband.bth.p_key", "infiniband.bth.destqp",
        "infiniband.bth.a", "infiniband.bth.psn", "infiniband.reth.va", "infiniband.reth.r_key",
        "infiniband.reth.dmalen", "infiniband.aeth.syndrome", "infiniband.aeth.msn", "infiniband.invariant.crc",
        "udp.srcport", "udp.dstport", "ip.checksum.status", "ip.flags.df", "ip.ttl", "_ws.col.Info");

    private static final Map<Integer, String> NAMES = Map.of(
        RoceOpcodes.RDMA_WRITE_FIRST, "RC RDMA Write First",
        RoceOpcodes.RDMA_WRITE_MIDDLE, "RC RDMA Write Middle",
        RoceOpcodes.RDMA_WRITE_LAST, "RC RDMA Write Last",
        RoceOpcodes.RDMA_WRITE_ONLY, "RC RDMA Write Only",
        RoceOpcodes.RDMA_READ_REQUEST, "RC RDMA Read Request",
        RoceOpcodes.RDMA_READ_RESPONSE_FIRST, "RC RDMA Read Response First",
        RoceOpcodes.RDMA_READ_RESPONSE_MIDDLE, "RC RDMA Read Response Middle",
        RoceOpcodes.RDMA_READ_RESPONSE_LAST, "RC RDMA Read Response Last",
        RoceOpcodes.RDMA_READ_RESPONSE_ONLY, "RC RDMA Read Response Only",
        RoceOpcodes.ACKNOWLEDGE, "RC Acknowledge");

    @BeforeAll
    static void requireTshark()
    {
        final ExternalTool.Result probe = ExternalTool.run(List.of("tshark", "--version"), "", null);
        assumeTrue(probe != null && probe.exitCode() == 0,
            "skipped: tshark is not installed (apt-get install tshark)");
    }

    private static List<Map<String, String>> decode(final List<byte[]> frames, final Path directory)
        throws Exception
    {
        final Path pcap = directory.resolve("roce.pcap");
        PcapFile.write(pcap, frames);
        final List<String> command = new ArrayList<>(List.of(
            "tshark", "-n", "-r", pcap.toString(), "-o", "ip.check_checksum:TRUE", "-T", "fields",
            "-E", "separator=/t", "-E", "occurrence=f"));
        for (final String field : FIELDS)
        {
            command.add("-e");
            command.add(field);
        }
        final ExternalTool.Result result = ExternalTool.run(command, "", directory);
        assertThat(result).as("tshark ran").isNotNull();
        assertThat(result.exitCode()).as("tshark failed: %s", result.errors()).isZero();
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : result.output().lines().toList())
        {
            final String[] values = line.split("\t", -1);
            assertThat(values).as("columns of %s", line).hasSize(FIELDS.size());
            final Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < values.length; i++)
            {
                row.put(FIELDS.get(i), values[i].strip());
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void shouldDecodeTheGoldenFramesFieldByField(@TempDir final Path directory) throws Exception
    {
        final List<Map<String, String>> rows = decode(List.of(GoldenFrames.encoded()), directory);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(0)).containsAllEntriesOf(Map.of(
            "_ws.col.Protocol", "RRoCE", "infiniband.bth.opcode", "12", "infiniband.bth.psn", "256",
            "infiniband.bth.destqp", "0x000012", "infiniband.bth.a", "1", "infiniband.reth.va", "0x0000000000001000",
            "infiniband.reth.r_key", "0x0000002a", "infiniband.reth.dmalen", "8",
            "infiniband.invariant.crc", "0xd3aa1a2a", "udp.dstport", "4791"));
        assertThat(rows.get(0).get("_ws.col.Info")).startsWith("RC RDMA Read Request");
        assertThat(rows.get(1)).containsAllEntriesOf(Map.of(
            "infiniband.bth.opcode", "16", "infiniband.bth.psn", "256", "infiniband.bth.destqp", "0x000011",
            "infiniband.bth.a", "0", "infiniband.aeth.syndrome", "31", "infiniband.aeth.msn", "1",
            "infiniband.invariant.crc", "0x091f9260", "udp.srcport", "50262"));
        assertThat(rows.get(2)).containsAllEntriesOf(Map.of(
            "infiniband.bth.opcode", "10", "infiniband.bth.psn", "257", "infiniband.bth.padcnt", "3",
            "infiniband.reth.va", "0x0000000000002000", "infiniband.reth.dmalen", "5",
            "infiniband.invariant.crc", "0x9216b039"));
        assertThat(rows.get(3)).containsAllEntriesOf(Map.of(
            "infiniband.bth.opcode", "17", "infiniband.bth.psn", "257", "infiniband.aeth.syndrome", "31",
            "infiniband.aeth.msn", "2", "infiniband.invariant.crc", "0xf7027301"));
        assertThat(rows).allSatisfy(row -> assertThat(row).containsAllEntriesOf(Map.of(
            "ip.checksum.status", "1", "ip.flags.df", "1", "ip.ttl", "64", "infiniband.bth.p_key", "65535",
            "infiniband.bth.tver", "0")));
    }

    @Test
    void shouldDecodeEveryFrameOfRealExchangesAsWeEncodedIt(@TempDir final Path directory) throws Exception
    {
        final List<byte[]> frames = SampleExchange.frames();

        final List<Map<String, String>> rows = decode(frames, directory);

        assertThat(rows).hasSize(frames.size());
        final RocePacket packet = new RocePacket();
        boolean sawSequenceNak = false;
        boolean sawAccessNak = false;
        for (int i = 0; i < frames.size(); i++)
        {
            final byte[] frame = frames.get(i);
            assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).isEqualTo(RocePacket.OK);
            final Map<String, String> row = rows.get(i);
            final int opcode = packet.opcode();
            final String what = "frame " + i + " (" + RoceOpcodes.name(opcode) + ")";
            assertThat(row.get("_ws.col.Protocol")).as(what).isEqualTo("RRoCE");
            assertThat(row.get("_ws.col.Info")).as(what).startsWith(NAMES.get(opcode));
            assertThat(row.get("infiniband.bth.opcode")).as(what).isEqualTo(Integer.toString(opcode));
            assertThat(row.get("infiniband.bth.psn")).as(what).isEqualTo(Integer.toString(packet.psn()));
            assertThat(row.get("infiniband.bth.destqp")).as(what)
                .isEqualTo(String.format("0x%06x", packet.destinationQp()));
            assertThat(row.get("infiniband.bth.a")).as(what).isEqualTo(packet.ackRequest() ? "1" : "0");
            assertThat(row.get("infiniband.bth.padcnt")).as(what).isEqualTo(Integer.toString(packet.padCount()));
            assertThat(row.get("infiniband.bth.se")).as(what).isEqualTo("0");
            assertThat(row.get("infiniband.bth.m")).as(what).isEqualTo("0");
            assertThat(row.get("infiniband.bth.p_key")).as(what).isEqualTo("65535");
            assertThat(row.get("infiniband.invariant.crc")).as(what)
                .isEqualTo(String.format("0x%08x", Integer.reverseBytes(packet.icrc())));
            assertThat(row.get("udp.dstport")).as(what).isEqualTo("4791");
            assertThat(row.get("udp.srcport")).as(what).isEqualTo(Integer.toString(packet.udpSourcePort()));
            assertThat(row.get("ip.checksum.status")).as(what).isEqualTo("1");
            if (RoceOpcodes.hasReth(opcode))
            {
                assertThat(row.get("infiniband.reth.va")).as(what)
                    .isEqualTo(String.format("0x%016x", packet.virtualAddress()));
                assertThat(row.get("infiniband.reth.r_key")).as(what).isEqualTo(String.format("0x%08x", packet.rkey()));
                assertThat(row.get("infiniband.reth.dmalen")).as(what).isEqualTo(Long.toString(packet.dmaLength()));
            }
            else
            {
                assertThat(row.get("infiniband.reth.va")).as(what).isEmpty();
            }
            if (RoceOpcodes.hasAeth(opcode))
            {
                assertThat(row.get("infiniband.aeth.syndrome")).as(what)
                    .isEqualTo(Integer.toString(packet.syndrome()));
                assertThat(row.get("infiniband.aeth.msn")).as(what).isEqualTo(Integer.toString(packet.msn()));
                sawSequenceNak |= packet.syndrome() == 0x60;
                sawAccessNak |= packet.syndrome() == 0x62;
            }
            else
            {
                assertThat(row.get("infiniband.aeth.syndrome")).as(what).isEmpty();
            }
        }
        assertThat(sawSequenceNak).as("a NAK (PSN sequence error) was decoded").isTrue();
        assertThat(sawAccessNak).as("a NAK (remote access error) was decoded").isTrue();
    }
}
