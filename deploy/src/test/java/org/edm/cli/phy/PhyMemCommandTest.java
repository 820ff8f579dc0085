package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.cli.phy.EdmRun.Result;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.pcs.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edm phy mem build} and {@code edm phy mem parse} through the real entry point. */
class PhyMemCommandTest
{
    private static Result run(final String stdin, final String... args)
    {
        return EdmRun.run(stdin, args);
    }

    private static String build(final String args)
    {
        final Result result = run("", ("phy mem build " + args).split(" "));
        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        return result.out();
    }

    @Test
    void shouldBuildTheBlocksOfEveryMessageClass()
    {
        // layouts: header [63:48] length, [47:28] source, [27:8] destination; tag block [63:48] tag, [47:16] key;
        // address block [63:8] address; NOTIF/GRANT/ACK [63:48] length, [47:32] tag, [31:28] flags, [27:8] node
        assertThat(build("rreq --src 1 --dst 2 --tag 7 --key 0x2a --address 0x1000 --length 64")).isEqualTo("""
            10 004000001000020A
            10 00070000002A001A
            10 000000000010002A
            """);
        assertThat(build("wreq --src 1 --dst 2 --tag 8 --address 0x1000 --data 48656c6c6f2c20776f726c64"))
            .isEqualTo("""
            10 000C00001000020C
            10 000800000000001C
            10 000000000010001C
            10 202C6F6C6C65481C
            10 0000646C726F772C
            """);
        assertThat(build("rresp --src 2 --dst 1 --tag 7 --data 0102030405060708090a --framing wire-8")).isEqualTo("""
            10 000A00002000010B
            10 000700000000001B
            11 0807060504030201
            11 0000000000000A09
            """);
        assertThat(build("wreq --src 1 --dst 2 --tag 9 --length 3")).endsWith("10 000000000000002C\n");
        assertThat(build("notif --dst 2 --tag 8 --length 5")).isEqualTo("10 000500080000020D\n");
        assertThat(build("grant --peer 2 --tag 8 --quota 256")).isEqualTo("10 010000080000020E\n");
        assertThat(build("grant --peer 1 --tag 7 --quota 64 --response")).isEqualTo("10 004000071000010E\n");
        assertThat(build("ack --requester 1 --tag 7 --status bad-key")).isEqualTo("10 000000071000010F\n");
        assertThat(build("ack --requester 1 --tag 8 --length 5 --status 0")).isEqualTo("10 000500080000010F\n");
    }

    @Test
    void shouldAnnotateBlocksWithCommentsThatTheParsersIgnore()
    {
        final String annotated = build("rreq --src 1 --dst 2 --tag 7 --key 0x2a --address 0x1000 --length 64 " +
            "--annotate");

        assertThat(annotated).isEqualTo("""
            10 004000001000020A  # RREQ/first len=64 1->2
            10 00070000002A001A  # RREQ/middle tag=7 key=0x2A
            10 000000000010002A  # RREQ/last address=0x1000
            """);
        assertThat(run(annotated, "phy", "mem", "parse").out())
            .isEqualTo("RREQ src=1 dst=2 tag=7 key=0x2A address=0x1000 length=64  # lines 1-3\n");
    }

    @Test
    void shouldParseWhatItBuiltBackIntoTheSameMessages()
    {
        final String stream = build("rreq --src 1 --dst 2 --tag 7 --key 0x2a --address 0x1000 --length 64") +
            build("notif --dst 2 --tag 8 --length 12") +
            build("grant --peer 2 --tag 8 --quota 256") +
            build("wreq --src 1 --dst 2 --tag 8 --key 0xdeadbeef --address 0xffffffffffffff --data " +
                "48656c6c6f2c20776f726c64") +
            build("ack --requester 1 --tag 8 --length 12") +
            build("grant --peer 1 --tag 7 --quota 64 --response") +
            build("rresp --src 2 --dst 1 --tag 7 --length 64") +
            build("ack --requester 1 --tag 9 --status out-of-bounds");

        final Result result = run(stream, "phy", "mem", "parse");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
            RREQ src=1 dst=2 tag=7 key=0x2A address=0x1000 length=64  # lines 1-3
            NOTIF dst=2 tag=8 length=12  # line 4
            GRANT peer=2 tag=8 quota=256 for=write  # line 5
            WREQ src=1 dst=2 tag=8 key=0xDEADBEEF address=0xFFFFFFFFFFFFFF length=12 \
            data=48656C6C6F2C20776F726C64  # lines 6-10
            ACK requester=1 tag=8 length=12 status=success  # line 11
            GRANT peer=1 tag=7 quota=64 for=response  # line 12
            RRESP src=2 dst=1 tag=7 length=64 data=%s  # lines 13-24
            ACK requester=1 tag=9 length=0 status=out-of-bounds  # line 25
            """.formatted("00".repeat(64)));
    }

    @Test
    void shouldTakeInterleavedMessagesApartIncludingAResumedOne()
    {
        // an RRESP with a WREQ inside it (different classes interleave freely), and a second WREQ that interrupts
        // the first after its address; the first comes back with a resume announcement (header, tag with RESUME)
        final Framing framing = Framing.wire(7);
        final Segmenter segmenter = framing.newSegmenter();
        final MessageDescriptor response = new MessageDescriptor().set(MemoryBlockTypes.CLASS_RRESP, 10, 2, 1, 7, 0, 0)
            .data(new UnsafeBuffer(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }), 0);
        final MessageDescriptor first = new MessageDescriptor().set(MemoryBlockTypes.CLASS_WREQ, 9, 1, 2, 20, 5, 0x40)
            .data(new UnsafeBuffer("abcdefghi".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        final MessageDescriptor second = new MessageDescriptor().set(MemoryBlockTypes.CLASS_WREQ, 2, 1, 3, 21, 6, 0x80)
            .data(new UnsafeBuffer(new byte[] { (byte)0xAA, (byte)0xBB }), 0);
        final List<String> lines = new ArrayList<>();
        lines.add(block(segmenter, segmenter.encode(response, 0)));
        lines.add(block(segmenter, segmenter.encode(response, 1)));
        for (int i = 0; i < 3; i++)
        {
            lines.add(block(segmenter, segmenter.encode(first, i)));
        }
        lines.add(block(segmenter, segmenter.encode(response, 2)));
        for (int i = 0; i < 4; i++)
        {
            lines.add(block(segmenter, segmenter.encode(second, i)));
        }
        lines.add(block(segmenter, segmenter.encodeResume(first, 0)));
        lines.add(block(segmenter, segmenter.encodeResume(first, 1)));
        lines.add(block(segmenter, segmenter.encode(first, 3)));
        lines.add(block(segmenter, segmenter.encode(response, 3)));
        lines.add(block(segmenter, segmenter.encode(first, 4)));

        final Result result = run(String.join("\n", lines) + "\n", "phy", "mem", "parse");

        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
            WREQ src=1 dst=3 tag=21 key=0x6 address=0x80 length=2 data=AABB  # lines 7-10
            RRESP src=2 dst=1 tag=7 length=10 data=0102030405060708090A  # lines 1-14
            WREQ src=1 dst=2 tag=20 key=0x5 address=0x40 length=9 data=616263646566676869 resumed=1  # lines 3-15
            """);
    }

    @Test
    void shouldListBlocksWithLineNumbersAndSkipFrameBlocks()
    {
        final String frame = run("FFFFFFFFFFFF02000000000108060001\n", "phy", "encode", "--frames").out();
        final String stream = frame.lines().limit(2).map(l -> l + "\n").reduce("", String::concat) +
            build("notif --dst 2 --tag 8 --length 5") +
            frame.lines().skip(2).map(l -> l + "\n").reduce("", String::concat) + "10 000000000000001E\n";

        final Result result = run(stream, "phy", "mem", "parse", "--blocks");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("""
                 1  10 D555555555555578  START_0
                 2  01 0002FFFFFFFFFFFF  data
                 3  10 000500080000020D  NOTIF len=5 tag=8 dst=2
            => NOTIF dst=2 tag=8 length=5  # line 3
                 4  01 0100060801000000  data
            """).endsWith("""
                11  10 0000000000000087  TERM_0
                12  10 000000000000001E  IDLE
            """);
        assertThat(result.err()).isEqualTo("edm phy mem parse: 10 MAC frame block(s) skipped (edm phy decode " +
            "--frames reads them)\n");
    }

    @Test
    void shouldReportMalformedSequencesWithLineNumbersAndASummary()
    {
        final List<String> write = new ArrayList<>(build("wreq --src 1 --dst 2 --tag 8 --data 0102030405060708")
            .lines().toList());
        final List<String> read = build("rreq --src 1 --dst 2 --tag 7 --length 64").lines().toList();
        final String stream = String.join("\n", List.of(
            write.get(3),                             // 1: data with no WREQ open
            read.get(0), read.get(1), read.get(2),    // 2-4: a good RREQ
            write.get(0), write.get(1), write.get(2), // 5-7: WREQ header, tag, address ...
            write.get(4),                             // 8: ... its last data block, one too early
            read.get(0),                              // 9: an RREQ header ...
            read.get(0), read.get(1), read.get(2),    // 10-12: ... without its tag, then a good RREQ
            write.get(0), write.get(1), write.get(2)  // 13-15: a WREQ left unfinished
        )) + "\n";

        final Result result = run(stream, "phy", "mem", "parse");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
            RREQ src=1 dst=2 tag=7 key=0x0 address=0x0 length=64  # lines 2-4
            RREQ src=1 dst=2 tag=7 key=0x0 address=0x0 length=64  # lines 10-12
            """);
        assertThat(result.err()).isEqualTo("""
            edm phy mem parse: <stdin>:1: orphan-block: WREQ/middle with no WREQ open
            edm phy mem parse: <stdin>:8: length-mismatch: WREQ/last disagrees with the length in the header; \
            WREQ src=1 dst=2 tag=8 length=8 from line 5 is dropped
            edm phy mem parse: <stdin>:10: missing-tag: the RREQ header at line 9 was not followed by its tag block
            edm phy mem parse: <stdin>:13: incomplete: WREQ src=1 dst=2 tag=8 length=8, 3 of 5 blocks
            edm phy mem parse: 2 message(s); 3 malformed (orphan-block at line 1; length-mismatch at line 8; \
            missing-tag at line 10), 1 incomplete (line 13)
            """);
    }

    @Test
    void shouldBuildAndParseTheNetsimFraming()
    {
        final String stream = build("rreq --src 1 --dst 2 --tag 7 --length 64 --framing netsim") +
            build("wreq --src 3 --dst 2 --tag 9 --length 20 --framing netsim");

        final Result result = run(stream, "phy", "mem", "parse", "--framing", "netsim");

        assertThat(stream.lines()).hasSize(2 + 3);
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
            RREQ src=1 dst=2 tag=7 length=64  # line 1
            WREQ src=3 dst=2 tag=9 length=20  # lines 3-5
            """);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "10 000000000000005A | <stdin>:1: unknown block: type 0x5A is neither a clause 49 nor an EDM memory block type",
        "00 0000000000000000 | <stdin>:1: unknown block: sync header 00 is used neither by clause 49 nor by the "
            + "wire-7 framing",
        "10 000000000000000 | <stdin>:1: PAYLOAD '000000000000000' has an odd number of hex digits",
        "10 000000000000000A 1 | <stdin>:1: expected 2 fields 'SH PAYLOAD', found 3",
        "1O 000000000000000A | <stdin>:1: SH '1O' is not a sync header",
    })
    void shouldStopAtTextThatDoesNotParseWithTheLineNumber(final String input, final String message)
    {
        final Result result = run(input + "\n", "phy", "mem", "parse");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("edm phy mem parse: " + message);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rreq --dst 2 --length 64                            | Missing required option: '--src=NODE'",
        "rreq --src 1 --dst 2 --length 64 --framing netsim --key 1 | --key: the netsim framing carries no key",
        "rreq --src 1024 --dst 2 --length 64 --framing netsim | --src 1024 is larger than 1023, the most the netsim",
        "rreq --src 1 --dst 2 --length 65536                  | --length 65536 is larger than 65535",
        "rreq --src 1 --dst 2 --length 64 --address 0x100000000000000 | --address 72057594037927936 is larger",
        "rreq --src one --dst 2 --length 64                   | 'one' is not a number (decimal, or hex after 0x)",
        "wreq --src 1 --dst 2 --data 0102 --length 2          | give either --data or --length",
        "wreq --src 1 --dst 2                                 | give either --data or --length",
        "wreq --src 1 --dst 2 --data 012                      | --data must be hex digit pairs (odd number of digits",
        "rresp --src 2 --dst 1 --data zz                      | --data must be hex digit pairs (not hexadecimal)",
        "ack --requester 1 --status broken                    | --status 'broken' is not one of success, bad-key",
        "grant --peer 1 --quota 64 --tag 65536                | --tag 65536 is larger than 65535",
        "notif --dst 2                                        | Missing required option: '--length=BYTES'",
        "frobnicate                                           | Unmatched argument at index 3: 'frobnicate'",
    })
    void shouldRejectBadOptionsAsUsageErrors(final String args, final String message)
    {
        final Result result = run("", ("phy mem build " + args).strip().split("\\s+"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void shouldShowCompleteHelpWithExamples()
    {
        assertThat(run("", "phy", "--help").out()).contains("encode", "decode", "mem", "dump");
        assertThat(run("", "phy", "mem", "--help").out()).contains("build", "parse", "Examples:");
        final String build = run("", "phy", "mem", "build", "--help").out();
        assertThat(build).contains("rreq", "wreq", "rresp", "notif", "grant", "ack", "Examples:");
        for (final String message : new String[] { "rreq", "wreq", "rresp", "notif", "grant", "ack" })
        {
            final Result help = run("", "phy", "mem", "build", message, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("--framing", "--annotate", "Example", "edm phy mem build " + message);
        }
        assertThat(run("", "phy", "mem", "parse", "--help").out()).contains("--framing", "--blocks", "Examples:");
        assertThat(run("", "phy", "dump", "--help").out()).contains("--framing", "--no-blocks", "--count", "Examples:");
        assertThat(run("", "phy", "encode", "--help").out()).contains("--frames", "--max-frame", "Examples:");
        assertThat(run("", "phy", "decode", "--help").out()).contains("--frames", "--framing", "Examples:");
    }

    private static String block(final Segmenter segmenter, final long payload)
    {
        return Block.syncText(segmenter.sync()) + " " + String.format("%016X", payload);
    }
}
