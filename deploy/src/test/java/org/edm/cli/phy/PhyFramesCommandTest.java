package org.edm.cli.phy;

import org.edm.cli.phy.EdmRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edm phy encode --frames} and {@code edm phy decode --frames} through the real entry point. */
class PhyFramesCommandTest
{
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** An ARP request header without its body: 14 + 2 bytes, padded to 60 by the MAC. */
    private static final String SHORT_FRAME = "FFFFFFFFFFFF0200000000010806" + "0001";

    @Test
    void shouldPadAppendTheFcsAndSendStartDataAndTerminateBlocks()
    {
        final Result result = EdmRun.run(SHORT_FRAME + "\n", "phy", "encode", "--frames");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        final byte[] padded = new byte[60];
        System.arraycopy(HEX.parseHex(SHORT_FRAME), 0, padded, 0, 16);
        final CRC32 crc = new CRC32();
        crc.update(padded);
        final long fcs = crc.getValue();
        // 60 bytes and the FCS fill exactly eight data blocks; the FCS is the last four bytes, least significant first
        assertThat(result.out()).isEqualTo("""
            10 D555555555555578
            01 0002FFFFFFFFFFFF
            01 0100060801000000
            01 0000000000000000
            01 0000000000000000
            01 0000000000000000
            01 0000000000000000
            01 0000000000000000
            01 %s00000000
            10 0000000000000087
            """.formatted(HEX.toHexDigits((int)fcs)));
    }

    @Test
    void shouldKeepTheMinimumGapWithIdleBlocksOnlyWhereItIsNeeded()
    {
        final String sixtyOne = "02".repeat(61);

        final Result result = EdmRun.run(SHORT_FRAME + "\n" + SHORT_FRAME + "\n" + sixtyOne + "\n" + SHORT_FRAME + "\n",
            "phy", "encode", "--frames");

        final List<String> types = new ArrayList<>();
        for (final String line : result.out().lines().toList())
        {
            if (line.startsWith("10 "))
            {
                types.add(line.substring(17));
            }
        }
        // TERM_0 leaves 8 lanes of gap, so a lane-4 start (4 more lanes) may follow at once; that frame, 4 lanes
        // later, ends in TERM_4, which leaves 4: one idle block comes first and the next frame starts in lane 0 (12
        // lanes); the 65 bytes of the 61-byte frame end in TERM_1 (7 lanes), again one idle block, then lane 0
        assertThat(types).containsExactly("78", "87", "33", "CC", "1E", "78", "99", "1E", "78", "87");
    }

    @Test
    void shouldGiveBackEveryFrameThroughTheScramblerAndMixedWithMemoryBlocks()
    {
        final Random random = new Random(11);
        final StringBuilder frames = new StringBuilder();
        final StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 40; i++)
        {
            final byte[] frame = new byte[1 + random.nextInt(i % 4 == 0 ? 1514 : 100)];
            random.nextBytes(frame);
            frames.append(HEX.formatHex(frame).toLowerCase(java.util.Locale.ROOT)).append('\n');
            expected.append(HEX.formatHex(java.util.Arrays.copyOf(frame, Math.max(60, frame.length)))).append('\n');
        }
        final Result scrambled = EdmRun.run(frames.toString(), "phy", "encode", "--frames", "--scramble");
        final Result plain = EdmRun.run(frames.toString(), "phy", "encode", "--frames");
        final List<String> memory = EdmRun.run("", "phy", "mem", "build", "rreq", "--src", "1", "--dst", "2", "--tag",
            "7", "--length", "64").out().lines().toList();
        // the read request's three blocks go right after the start block of the second frame: inside that frame
        final List<String> lines = new ArrayList<>(plain.out().lines().toList());
        int starts = 0;
        int secondStart = -1;
        for (int i = 0; i < lines.size() && secondStart < 0; i++)
        {
            final String line = lines.get(i);
            if (line.startsWith("10 ") && (line.endsWith("78") || line.endsWith("33")) && ++starts == 2)
            {
                secondStart = i;
            }
        }
        assertThat(secondStart).isPositive();
        lines.addAll(secondStart + 1, memory);

        final Result descrambled = EdmRun.run(scrambled.out(), "phy", "decode", "--frames", "--descramble");
        final Result mixed = EdmRun.run(String.join("\n", lines) + "\n", "phy", "decode", "--frames");

        assertThat(descrambled.err()).isEmpty();
        assertThat(descrambled.exit()).isZero();
        assertThat(descrambled.out()).isEqualTo(expected.toString());
        assertThat(mixed.exit()).isZero();
        assertThat(mixed.out()).isEqualTo(expected.toString());
        assertThat(mixed.err()).isEqualTo("edm phy decode: 3 memory block(s) skipped (edm phy mem parse reads them)\n");
    }

    @Test
    void shouldReportABadFcsWithTheLineOfTheTerminateAndOfTheStart()
    {
        final List<String> lines = new ArrayList<>(EdmRun.run(SHORT_FRAME + "\n" + SHORT_FRAME + "\n",
            "phy", "encode", "--frames").out().lines().toList());
        lines.set(3, "01 0100060801000001"); // one bit of the first frame's payload
        final Result result = EdmRun.run(String.join("\n", lines) + "\n", "phy", "decode", "--frames");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo(HEX.formatHex(java.util.Arrays.copyOf(HEX.parseHex(SHORT_FRAME), 60)) + "\n");
        assertThat(result.err()).isEqualTo(
            "edm phy decode: <stdin>:10: bad FCS: the CRC-32 does not match; the frame from line 1 is dropped\n");
    }

    @Test
    void shouldReportBrokenFramingAtTheBlockWhereItWasFound()
    {
        final String blocks = """
            10 000000000000001E
            01 0807060504030201
            10 D555555555555578
            01 0807060504030201
            10 D555555555555578
            01 0807060504030201
            10 0000000000000087
            10 0000000000000087
            10 D555555555555578
            01 0807060504030201
            """;

        final Result result = EdmRun.run(blocks, "phy", "decode", "--frames");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("""
            edm phy decode: <stdin>:2: data block outside a frame; block skipped
            edm phy decode: <stdin>:5: start block inside a frame; the frame from line 3 is dropped
            edm phy decode: <stdin>:7: runt frame: shorter than 64 bytes with its FCS; the frame from line 5 is dropped
            edm phy decode: <stdin>:8: terminate block without a start; block skipped
            edm phy decode: <stdin>:10: the input ends inside the frame from line 9, which is dropped
            """);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "encode --frames | FFFFFFFFFFFF020000000001080 | <stdin>:1: FRAME 'FFFFFFFFFFFF020000000001080' has an odd "
            + "number of hex digits (27)",
        "encode --frames | FFFFFFFFFFFF 0200000000010806 | <stdin>:1: expected 1 fields 'FRAME', found 2",
        "encode --frames | 0x0102 | <stdin>:1: FRAME '0x0102' is not hexadecimal",
        "encode --frames --max-frame 60 | " + "AB0123456789" + "AB0123456789" + "AB0123456789" + "AB0123456789"
            + "AB0123456789" + "AB0123456789" + "AB0123456789" + "AB0123456789" + "AB0123456789" + "AB0123456789"
            + "AB | <stdin>:1: frame of 61 bytes is longer than the maximum of 60",
        "decode --frames | 10 D555555555555578\\n10 000000000000005A | <stdin>:2: unknown block: type 0x5A is not a "
            + "clause 49 block type or an EDM memory type",
        "decode --frames | 00 0000000000000000 | <stdin>:1: unknown block: sync header 00 is not used by clause 49 "
            + "(01 data, 10 control); only --framing wire-8 uses it, for memory data",
        "decode --frames | 10 D55555555555557 | <stdin>:1: PAYLOAD 'D55555555555557' has an odd number of hex digits",
    })
    void shouldRejectBadInputWithTheLineNumberAndNoStackTrace(
        final String command, final String input, final String message)
    {
        final List<String> args = new ArrayList<>(List.of("phy"));
        args.addAll(List.of(command.strip().split("\\s+")));
        final Result result = EdmRun.run(input.replace("\\n", "\n") + "\n", args.toArray(String[]::new));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("edm phy " + args.get(1) + ": " + message);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldTakeEightByteMemoryDataOutOfTheFrameStreamWithTheWireEightFraming()
    {
        final String blocks = EdmRun.run(SHORT_FRAME + "\n", "phy", "encode", "--frames").out();
        final String write = EdmRun.run("", "phy", "mem", "build", "wreq", "--src", "1", "--dst", "2", "--length",
            "16", "--framing", "wire-8").out();
        final String mixed = blocks.lines().limit(4).map(l -> l + "\n").reduce("", String::concat) + write +
            blocks.lines().skip(4).map(l -> l + "\n").reduce("", String::concat);

        final Result result = EdmRun.run(mixed, "phy", "decode", "--frames", "--framing", "wire-8");

        assertThat(write).contains("\n00 0000000000000000\n");
        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith(SHORT_FRAME);
        assertThat(result.err()).contains("5 memory block(s) skipped");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "encode --max-frame 9000      | --max-frame needs --frames",
        "decode --framing wire-8      | --framing needs --frames",
        "decode --max-frame 9000      | --max-frame needs --frames",
        "encode --frames --max-frame 59 | --max-frame 59 is outside 60..16384",
        "decode --frames --framing wire-9 | 'wire-9' is not one of wire-7, wire-8, netsim",
    })
    void shouldRejectBadOptionsAsUsageErrors(final String args, final String message)
    {
        final Result result = EdmRun.run("", ("phy " + args).strip().split("\\s+"));

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }
}
