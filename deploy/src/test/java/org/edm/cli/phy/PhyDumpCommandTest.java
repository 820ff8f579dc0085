package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.cli.phy.EdmRun.Result;
import org.edm.phy.carrier.CarrierFrame;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.GrantBlock;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.cli.phy.CarrierCapture.HOST_MAC;
import static org.edm.cli.phy.CarrierCapture.SWITCH_MAC;

/**
 * {@code edm phy dump} on pcap files this test writes: carrier frames made by the real packer from real segmenter and
 * MAC frame blocks, foreign frames, a broken carrier frame, a duplicate, and a record cut off by the end of the file.
 */
class PhyDumpCommandTest
{
    private static final long T0 = 1_735_689_600L; // 2025-01-01 00:00:00 UTC

    @TempDir
    Path dir;

    private final MessageDescriptor read = new MessageDescriptor().set(
        MemoryBlockTypes.CLASS_RREQ, 64, 1, 2, 7, 0x2A, 0x1000);
    private final MessageDescriptor response = new MessageDescriptor().set(
        MemoryBlockTypes.CLASS_RRESP, 10, 2, 1, 7, 0, 0).data(new UnsafeBuffer(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }), 0);

    /** The capture of the class comment: carriers both ways, foreign frames, one broken carrier, a cut last record. */
    private byte[] mixedCapture()
    {
        final CarrierCapture host = new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(7));
        final CarrierCapture sw = new CarrierCapture(SWITCH_MAC, HOST_MAC, Framing.wire(7));
        final byte[] readFrame = host.message(read).frame();
        final byte[] notif = host.notif(16, 8, 2).frame();
        final byte[] responseStart = sw.grant(64, 7, GrantBlock.FLAG_RESPONSE, 1).message(response, 0, 3).frame();
        final byte[] responseEnd = sw.message(response, 3, 4).frame();
        final byte[] broken = sw.grant(64, 7, GrantBlock.FLAG_RESPONSE, 1).frame();
        broken[CarrierFrame.BLOCK_COUNT_OFFSET + 1] = 5;
        return PcapFileWriter.ethernet()
            .record(T0, 0, CarrierCapture.foreign(HOST_MAC, 0x0806))
            .record(T0, 1_000, readFrame)
            .record(T0, 2_000, CarrierCapture.foreign(HOST_MAC, 0x0800))
            .record(T0, 3_000, responseStart)
            .record(T0, 4_000, responseEnd)
            .record(T0, 5_000, CarrierCapture.foreign(SWITCH_MAC, 0x0806))
            .record(T0, 6_000, broken)
            .record(T0, 7_000, notif)
            .record(T0, 8_000, notif)
            .truncated(T0, 9_000, notif, 20)
            .toByteArray();
    }

    private static final String MIXED_DUMP = """
        #2 2025-01-01 00:00:00.000001 02:00:00:00:00:01 > 02:00:00:00:00:02 carrier seq=0 restart blocks=3 span=3 \
        first-slot=0
            0  10 004000001000020A  RREQ/first len=64 1->2
            1  10 00070000002A001A  RREQ/middle tag=7 key=0x2A
            2  10 000000000010002A  RREQ/last address=0x1000
           => RREQ src=1 dst=2 tag=7 key=0x2A address=0x1000 length=64
        #4 2025-01-01 00:00:00.000003 02:00:00:00:00:02 > 02:00:00:00:00:01 carrier seq=0 restart blocks=4 span=4 \
        first-slot=0
            0  10 004000071000010E  GRANT quota=64 tag=7 peer=1 response
           => GRANT peer=1 tag=7 quota=64 for=response
            1  10 000A00002000010B  RRESP/first len=10 2->1
            2  10 000700000000001B  RRESP/middle tag=7
            3  10 070605040302011B  RRESP/middle data 7 bytes
        #5 2025-01-01 00:00:00.000004 02:00:00:00:00:02 > 02:00:00:00:00:01 carrier seq=1 blocks=1 span=1 \
        first-slot=4
            0  10 000000000A09082B  RRESP/last data 3 bytes
           => RRESP src=2 dst=1 tag=7 length=10 data=0102030405060708090A
        #7 2025-01-01 00:00:00.000006 02:00:00:00:00:02 > 02:00:00:00:00:01 malformed carrier: bad length \
        (5 blocks need 88 bytes, the frame has 56); skipped
        #8 2025-01-01 00:00:00.000007 02:00:00:00:00:01 > 02:00:00:00:00:02 carrier seq=1 blocks=1 span=1 \
        first-slot=3
            0  10 001000080000020D  NOTIF len=16 tag=8 dst=2
           => NOTIF dst=2 tag=8 length=16
        #9 2025-01-01 00:00:00.000008 02:00:00:00:00:01 > 02:00:00:00:00:02 carrier seq=1 blocks=1 span=1 \
        first-slot=3 duplicate (by its sequence number); skipped
        #10 truncated record: the file ends after 20 of its 56 bytes; skipped
        summary: 10 packets, 4 carrier frames (9 blocks), 4 messages, 0 MAC frames carried
        skipped: 3 non-carrier frames (ARP x2, IPv4 x1), 1 malformed carrier (bad length), 1 duplicate carrier, \
        1 truncated record
        """;

    @Test
    void shouldPrintBlocksAndMessagesAndSayWhatItSkipped() throws IOException
    {
        final Path file = Files.write(dir.resolve("mixed.pcap"), mixedCapture());

        final Result result = EdmRun.run("", "phy", "dump", file.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(MIXED_DUMP);
    }

    /**
     * The README's example capture ({@code example.pcap} next to this class in the test resources) is this test's
     * mixed capture, so the README's output is checked here too.
     */
    @Test
    void shouldKeepTheReadmeExampleCaptureAsThisTestBuildsIt() throws IOException
    {
        try (java.io.InputStream example = getClass().getResourceAsStream("example.pcap"))
        {
            assertThat(example).as("example.pcap in the test resources").isNotNull();
            assertThat(example.readAllBytes()).isEqualTo(mixedCapture());
        }
    }

    @Test
    void shouldPrintOnlyMessagesWithNoBlocks() throws IOException
    {
        final Path file = Files.write(dir.resolve("mixed.pcap"), mixedCapture());

        final Result result = EdmRun.run("", "phy", "dump", "--no-blocks", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("""
            #2 2025-01-01 00:00:00.000001 02:00:00:00:00:01 > 02:00:00:00:00:02 RREQ src=1 dst=2 tag=7 key=0x2A \
            address=0x1000 length=64
            #4 2025-01-01 00:00:00.000003 02:00:00:00:00:02 > 02:00:00:00:00:01 GRANT peer=1 tag=7 quota=64 \
            for=response
            #5 2025-01-01 00:00:00.000004 02:00:00:00:00:02 > 02:00:00:00:00:01 RRESP src=2 dst=1 tag=7 length=10 \
            data=0102030405060708090A
            #7 2025-01-01 00:00:00.000006 02:00:00:00:00:02 > 02:00:00:00:00:01 malformed carrier: bad length \
            (5 blocks need 88 bytes, the frame has 56); skipped
            #8 2025-01-01 00:00:00.000007 02:00:00:00:00:01 > 02:00:00:00:00:02 NOTIF dst=2 tag=8 length=16
            #9 2025-01-01 00:00:00.000008 02:00:00:00:00:01 > 02:00:00:00:00:02 carrier seq=1 blocks=1 span=1 \
            first-slot=3 duplicate (by its sequence number); skipped
            #10 truncated record""");
        assertThat(result.out()).doesNotContain("RREQ/first");
    }

    @Test
    void shouldStopAfterTheCountOfPackets() throws IOException
    {
        final Path file = Files.write(dir.resolve("mixed.pcap"), mixedCapture());

        final Result result = EdmRun.run("", "phy", "dump", "-c", "3", file.toString());

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("=> RREQ").doesNotContain("#4 ").endsWith("""
            summary: 3 packets, 1 carrier frame (3 blocks), 1 message, 0 MAC frames carried; stopped after 3 packets (-c)
            skipped: 2 non-carrier frames (ARP x1, IPv4 x1)
            """);
    }

    @Test
    void shouldReadEitherByteOrderAndNanosecondTimestampsAlike()
    {
        final byte[] micro = mixedCapture();
        for (final ByteOrder order : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN })
        {
            final byte[] converted = convert(micro, order, true);

            final Result result = EdmRun.run(converted, "phy", "dump", "-");

            assertThat(result.exit()).as("%s", order).isZero();
            assertThat(result.out().replaceAll("(\\.\\d{6})000 ", "$1 ")).as("%s", order).isEqualTo(MIXED_DUMP);
            assertThat(result.out()).contains("#2 2025-01-01 00:00:00.000001000 ");
        }
    }

    @Test
    void shouldReadLinuxCookedCapturesWithTheDestinationUnknown()
    {
        final byte[] carrier = new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(7)).message(read).frame();
        final byte[] sll = new byte[16 + carrier.length - 14];
        sll[1] = 4; // sent by us
        sll[3] = 1; // ARPHRD_ETHER
        sll[5] = 6; // address length
        System.arraycopy(carrier, 6, sll, 6, 6);
        sll[14] = (byte)0x88;
        sll[15] = (byte)0xB5;
        System.arraycopy(carrier, 14, sll, 16, carrier.length - 14);
        final byte[] sll2 = new byte[20 + carrier.length - 14];
        sll2[0] = (byte)0x88;
        sll2[1] = (byte)0xB5;
        sll2[9] = 1;
        sll2[11] = 6;
        System.arraycopy(carrier, 6, sll2, 12, 6);
        System.arraycopy(carrier, 14, sll2, 20, carrier.length - 14);

        for (final Object[] capture : new Object[][] { { 113, sll }, { 276, sll2 } })
        {
            final byte[] pcap = new PcapFileWriter(ByteOrder.LITTLE_ENDIAN, false, (int)capture[0])
                .record(T0, 0, (byte[])capture[1]).toByteArray();

            final Result result = EdmRun.run(pcap, "phy", "dump", "--no-blocks", "-");

            assertThat(result.exit()).isZero();
            assertThat(result.out()).as("link type %s", capture[0]).startsWith(
                "#1 2025-01-01 00:00:00.000000 02:00:00:00:00:01 > ? RREQ src=1 dst=2 tag=7 key=0x2A address=0x1000 " +
                "length=64\n");
        }
    }

    @Test
    void shouldGiveBackAMacFrameInterruptedByMemoryBlocksAcrossCarrierFrames()
    {
        final byte[] ipv4 = CarrierCapture.foreign(HOST_MAC, 0x0800);
        final CarrierCapture host = new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(7));
        final FrameBlocks frame = FrameBlocks.of(ipv4);
        // start and two data blocks, the whole RREQ, then the rest of the frame in the next carrier frame
        final byte[] first = host.blocks(frame, 0, 3).message(read).frame();
        final byte[] second = host.blocks(frame, 3, frame.size()).frame();
        final byte[] pcap = PcapFileWriter.ethernet().record(T0, 0, first).record(T0, 1_000, second).toByteArray();

        final Result result = EdmRun.run(pcap, "phy", "dump", "-");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("""
                0  10 D555555555555578  START_0
                1  01 0002FFFFFFFFFFFF  data
            """).contains("""
               => RREQ src=1 dst=2 tag=7 key=0x2A address=0x1000 length=64
            #2 2025-01-01 00:00:00.000001 02:00:00:00:00:01 > 02:00:00:00:00:02 carrier seq=1""").contains("""
               => frame 60 bytes 02:00:00:00:00:01 > ff:ff:ff:ff:ff:ff IPv4
            summary: 2 packets, 2 carrier frames (13 blocks), 1 message, 1 MAC frame carried
            skipped: nothing
            """);
    }

    @Test
    void shouldReportBrokenMemorySequencesLostCarrierFramesAndWhatWasLeftIncomplete()
    {
        final CarrierCapture host = new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(7));
        final MessageDescriptor write = new MessageDescriptor().set(MemoryBlockTypes.CLASS_WREQ, 20, 1, 2, 9, 0, 0);
        final FrameBlocks frame = FrameBlocks.of(CarrierCapture.foreign(HOST_MAC, 0x0806));
        final byte[] orphan = host.message(read, 1, 3).frame();
        final byte[] frameStart = host.blocks(frame, 0, 3).frame();
        host.blocks(frame, 3, frame.size()).frame(); // lost
        final byte[] writeStart = host.message(write, 0, 4).frame();
        final byte[] pcap = PcapFileWriter.ethernet()
            .record(T0, 0, orphan).record(T0, 0, frameStart).record(T0, 0, writeStart).toByteArray();

        final Result result = EdmRun.run(pcap, "phy", "dump", "-");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("""
                0  10 00070000002A001A  RREQ/middle malformed: orphan-block
               !! orphan-block: RREQ/middle with no RREQ open
            """).contains("carrier seq=3 blocks=4 span=4 first-slot=12 (1 lost before it)\n   !! carried frame dropped: frame cut by lost carrier " +
            "frames\n").endsWith("""
            lost: 1 carrier frame missing from the link sequence numbers
            problems: 3: orphan-block in #1, orphan-block in #1, carried frame dropped in #3
            incomplete at the end: 02:00:00:00:00:01 WREQ src=1 dst=2 tag=9 length=20 from #3 (4 of 6 blocks)
            """);
    }

    @Test
    void shouldReadEightByteDataBlocksWithTheWireEightFraming()
    {
        final MessageDescriptor write = new MessageDescriptor().set(MemoryBlockTypes.CLASS_WREQ, 12, 1, 2, 9, 0, 0)
            .data(new UnsafeBuffer("Hello, world".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        final byte[] pcap = PcapFileWriter.ethernet()
            .record(T0, 0, new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(8)).message(write).frame())
            .toByteArray();

        final Result wire8 = EdmRun.run(pcap, "phy", "dump", "--framing", "wire-8", "-");
        final Result wire7 = EdmRun.run(pcap, "phy", "dump", "-");

        assertThat(wire8.out()).contains("""
                3  00 77202C6F6C6C6548  WREQ/data-8 data 8 bytes
                4  00 00000000646C726F  WREQ/data-8 data 4 bytes
               => WREQ src=1 dst=2 tag=9 key=0x0 address=0x0 length=12 data=48656C6C6F2C20776F726C64
            """);
        assertThat(wire7.out()).contains("3  00 77202C6F6C6C6548  invalid sync header 00")
            .contains("!! frame stream: invalid sync header").contains("incomplete at the end");
    }

    @Test
    void shouldSayWhenTheSnapLengthCutACarrierFrame()
    {
        final byte[] carrier = new CarrierCapture(HOST_MAC, SWITCH_MAC, Framing.wire(7)).message(read).frame();
        final byte[] pcap = PcapFileWriter.ethernet()
            .snapped(T0, 0, Arrays.copyOf(carrier, 48), carrier.length).toByteArray();

        final Result result = EdmRun.run(pcap, "phy", "dump", "-");

        assertThat(result.out()).contains("malformed carrier: cut by snap length (3 blocks need 72 bytes, the " +
            "capture kept 48 of 72); skipped").contains("skipped: 1 malformed carrier (cut by snap length)");
    }

    @Test
    void shouldRefuseWhatItCannotReadInOneLine() throws IOException
    {
        final byte[] pcapng = { 0x0A, 0x0D, 0x0D, 0x0A, 0, 0, 0, 0x1C, 0x4D, 0x3C, 0x2B, 0x1A };
        final byte[] wifi = new PcapFileWriter(ByteOrder.LITTLE_ENDIAN, false, 105).toByteArray();
        final byte[] text = "hello, this is not a capture file".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        final byte[] corruptRecord = Arrays.copyOf(PcapFileWriter.ethernet().toByteArray(), 24 + 16);
        corruptRecord[24 + 11] = 0x7F; // captured length 0x7F000000

        assertRefused(pcapng, "edm phy dump: <stdin>: this is a pcapng file; only classic pcap is read");
        assertRefused(wifi, "edm phy dump: <stdin>: IEEE 802.11 captures are not supported");
        assertRefused(text, "edm phy dump: <stdin>: not a pcap file: magic number 6C6C6568");
        assertRefused(new byte[3], "edm phy dump: <stdin>: not a pcap file: only 3 bytes");
        assertRefused(corruptRecord, "edm phy dump: <stdin>: record 1 at byte 24 declares 2130706432 captured bytes; " +
            "the file is corrupt");
        final Result missing = EdmRun.run("", "phy", "dump", dir.resolve("absent.pcap").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("edm phy dump: " + dir.resolve("absent.pcap") + ": no such file\n");
        final Result badCount = EdmRun.run("", "phy", "dump", "-c", "0", "-");
        assertThat(badCount.exit()).isEqualTo(2);
        assertThat(badCount.err()).contains("-c 0 must be at least 1").doesNotContain("\tat ");
    }

    private static void assertRefused(final byte[] capture, final String message)
    {
        final Result result = EdmRun.run(capture, "phy", "dump", "-");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith(message);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** A little-endian microsecond capture rewritten in {@code order}, with nanosecond timestamps if asked. */
    private static byte[] convert(final byte[] pcap, final ByteOrder order, final boolean nanosecond)
    {
        final java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(pcap).order(ByteOrder.LITTLE_ENDIAN);
        final PcapFileWriter writer = new PcapFileWriter(order, nanosecond, in.getInt(20));
        int position = 24;
        while (position + 16 <= pcap.length)
        {
            final long seconds = in.getInt(position) & 0xFFFF_FFFFL;
            final int nanos = in.getInt(position + 4) * 1000;
            final int captured = in.getInt(position + 8);
            final int present = Math.min(captured, pcap.length - position - 16);
            final byte[] data = Arrays.copyOfRange(pcap, position + 16, position + 16 + present);
            if (present < captured)
            {
                writer.truncated(seconds, nanos, Arrays.copyOf(data, captured), present);
            }
            else
            {
                writer.record(seconds, nanos, data);
            }
            position += 16 + present;
        }
        return writer.toByteArray();
    }
}
