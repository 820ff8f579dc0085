package org.edm.bench.roce.fabric;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.ExternalTool;
import org.edm.bench.roce.PcapFile;
import org.edm.bench.roce.RoceStatus;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.bench.roce.wire.RocePacket;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The frames the fabric really carried decode in Wireshark as RoCEv2 with the opcodes and fields the queue pairs
 * meant: both hosts' downlinks are tapped at the carrier level, decoded back into MAC frames by an independent PHY
 * receiver (FCS checked), written to a pcap and read by {@code tshark}. Single- and multi-packet WRITEs and READs and a
 * READ outside the region give every opcode the baseline uses, ACKs and a NAK included.
 */
class RoceFabricTsharkTest
{
    private static final List<String> FIELDS = List.of("_ws.col.Protocol", "infiniband.bth.opcode",
        "infiniband.bth.psn", "infiniband.bth.destqp", "infiniband.reth.dmalen", "infiniband.aeth.syndrome",
        "udp.dstport", "ip.checksum.status", "_ws.col.Info");

    private final RackDescription rack = RoceFabrics.rack("tshark", COMPUTE, MEMORY);
    private final List<FrameCapture> taps = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();

    @BeforeAll
    static void requireTshark()
    {
        final ExternalTool.Result probe = ExternalTool.run(List.of("tshark", "--version"), "", null);
        assumeTrue(probe != null && probe.exitCode() == 0,
            "skipped: tshark is not installed (apt-get install tshark)");
    }

    @Test
    void shouldDecodeEveryFrameCapturedOffTheFabricAsRoceWithTheRightOpcodes(@TempDir final Path directory)
        throws Exception
    {
        final List<byte[]> frames = new ArrayList<>();
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10),
            RoceBaselineOptions.defaults().withQueuePairs(1), (host, port) ->
            {
                final FrameCapture tap = new FrameCapture(port);
                taps.add(tap);
                return tap;
            }))
        {
            final RoceClient client = RoceBaseline.client(fabric, "h0", "h1");
            final UnsafeBuffer local = new UnsafeBuffer(ByteBuffer.allocateDirect(8192));
            for (final int size : new int[] { 8, 64, 3000 })
            {
                run(fabric, client, client.write(1024, size, local, 0, size));
                run(fabric, client, client.read(1024, size, local, 0, size));
            }
            run(fabric, client, client.read(RoceFabrics.REGION_BYTES, 8, local, 0, 0));
            for (final FrameCapture tap : taps)
            {
                frames.addAll(tap.macFrames());
            }
        }
        assertThat(statuses).hasSize(7).startsWith(0, 0, 0, 0, 0, 0).endsWith(RoceStatus.REMOTE_ACCESS_ERROR);

        final List<Map<String, String>> rows = tshark(frames, directory);

        assertThat(rows).hasSize(frames.size());
        final RocePacket packet = new RocePacket();
        final Set<String> seen = new TreeSet<>();
        for (int i = 0; i < frames.size(); i++)
        {
            final byte[] frame = frames.get(i);
            assertThat(packet.wrap(new UnsafeBuffer(frame), 0, frame.length, true)).as("frame %d parses", i)
                .isEqualTo(RocePacket.OK);
            final Map<String, String> row = rows.get(i);
            final String what = "frame " + i + " (" + RoceOpcodes.name(packet.opcode()) + ")";
            assertThat(row.get("_ws.col.Protocol")).as(what).isEqualTo("RRoCE");
            assertThat(row.get("infiniband.bth.opcode")).as(what).isEqualTo(Integer.toString(packet.opcode()));
            assertThat(row.get("infiniband.bth.psn")).as(what).isEqualTo(Integer.toString(packet.psn()));
            assertThat(row.get("infiniband.bth.destqp")).as(what)
                .isEqualTo(String.format("0x%06x", packet.destinationQp()));
            assertThat(row.get("udp.dstport")).as(what).isEqualTo("4791");
            assertThat(row.get("ip.checksum.status")).as(what).isEqualTo("1");
            if (RoceOpcodes.hasReth(packet.opcode()))
            {
                assertThat(row.get("infiniband.reth.dmalen")).as(what).isEqualTo(Long.toString(packet.dmaLength()));
            }
            if (RoceOpcodes.hasAeth(packet.opcode()))
            {
                assertThat(row.get("infiniband.aeth.syndrome")).as(what).isEqualTo(Integer.toString(packet.syndrome()));
            }
            seen.add(row.get("_ws.col.Info").replaceAll(" QP=.*", "").strip());
        }
        assertThat(seen).containsExactlyInAnyOrder("RC RDMA Write First", "RC RDMA Write Middle",
            "RC RDMA Write Last", "RC RDMA Write Only", "RC RDMA Read Request", "RC RDMA Read Response First",
            "RC RDMA Read Response Middle", "RC RDMA Read Response Last", "RC RDMA Read Response Only",
            "RC Acknowledge");
        assertThat(rows).anySatisfy(row -> assertThat(row.get("infiniband.aeth.syndrome")).isEqualTo("98"));
    }

    private void run(final LocalFabric fabric, final RoceClient client, final int submitted)
    {
        assertThat(submitted).isZero();
        assertThat(RoceFabrics.runUntil(fabric, () ->
        {
            client.poll((token, status) -> statuses.add(status), 8);
            return client.outstanding() == 0;
        }, 20)).isTrue();
    }

    private static List<Map<String, String>> tshark(final List<byte[]> frames, final Path directory) throws Exception
    {
        final Path pcap = directory.resolve("fabric.pcap");
        PcapFile.write(pcap, frames);
        final List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", pcap.toString(),
            "-o", "ip.check_checksum:TRUE", "-T", "fields", "-E", "separator=/t", "-E", "occurrence=f"));
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
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < FIELDS.size(); i++)
            {
                row.put(FIELDS.get(i), i < values.length ? values[i].strip() : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
