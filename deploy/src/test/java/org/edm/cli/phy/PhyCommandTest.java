package org.edm.cli.phy;

import org.edm.cli.phy.EdmRun.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code edm phy encode} and {@code edm phy decode} through the real entry point, with redirected streams. */
class PhyCommandTest
{
    /** Idle, a frame start in lane 0, one data transfer, a terminate after 3 bytes; as in the README. */
    private static final String TRANSFERS = """
        # idle, start, data, terminate
        0707070707070707 FF
        D5555555555555FB 01
        0807060504030201 00

        07070707FD0B0A09 F8   # /T/ after three bytes
        """;

    private static final String BLOCKS = """
        10 000000000000001E
        10 D555555555555578
        01 0807060504030201
        10 000000000B0A09B4
        """;

    @TempDir
    Path dir;

    private static Result run(final String stdin, final String... args)
    {
        return EdmRun.run(stdin, args);
    }

    @Test
    void shouldEncodeTransfersFromStandardInput()
    {
        final Result result = run(TRANSFERS, "phy", "encode");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo(BLOCKS);
    }

    @Test
    void shouldDecodeBlocksFromAFile() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("blocks.txt"), BLOCKS);

        final Result result = run("", "phy", "decode", file.toString());

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("""
            0707070707070707 FF
            D5555555555555FB 01
            0807060504030201 00
            07070707FD0B0A09 F8
            """);
    }

    @Test
    void shouldRoundTripThroughTheScramblerWithAMatchingSeed()
    {
        final Result scrambled = run(TRANSFERS, "phy", "encode", "--scramble", "--seed", "123456789ABCDEF");
        assertThat(scrambled.exit()).isZero();
        assertThat(scrambled.out()).isNotEqualTo(BLOCKS);
        assertThat(scrambled.out().lines().map(l -> l.substring(0, 2)).toList())
            .as("sync headers are not scrambled").containsExactly("10", "10", "01", "10");

        final Result decoded = run(scrambled.out(), "phy", "decode", "--descramble", "--seed", "0x123456789abcdef");

        assertThat(decoded.err()).isEmpty();
        assertThat(decoded.out()).isEqualTo(run(BLOCKS, "phy", "decode").out());
    }

    @Test
    void shouldScrambleFromThePowerUpStateByDefault()
    {
        final Result byDefault = run(TRANSFERS, "phy", "encode", "--scramble");
        final Result allOnes = run(TRANSFERS, "phy", "encode", "--scramble", "--seed", "3FFFFFFFFFFFFFF");

        assertThat(byDefault.exit()).isZero();
        assertThat(byDefault.out()).isEqualTo(allOnes.out());
        // idle payload 1E scrambled from all ones, worked out by hand: o1 = 0x1E ^ 0x03FFFF8000000000 (the all-ones
        // history), o = o1 ^ (o1 << 39) ^ (o1 << 58) = o1 ^ 0x00000F0000000000 ^ 0x7800000000000000
        assertThat(byDefault.out()).startsWith("10 7BFFF0800000001E\n");
    }

    @Test
    void shouldReplaceInvalidTransfersByErrorBlocksAndSayHowMany()
    {
        // data outside a frame, then an idle with /E/ in it
        final Result result = run("1122334455667788 00\n07070707070707FE FF\n", "phy", "encode");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("10 3C78F1E3C78F1E1E\n10 3C78F1E3C78F1E1E\n");
        assertThat(result.err())
            .isEqualTo("edm phy encode: 2 error block(s) sent for invalid transfers or sequence errors\n");
    }

    @Test
    void shouldDeliverErrorCharactersForATerminateFollowedByData()
    {
        final Result result = run("10 D555555555555578\n10 000000000B0A09B4\n01 0000000000000000\n", "phy", "decode");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isEqualTo("D5555555555555FB 01\nFEFEFEFEFEFEFEFE FF\n0000000000000000 00\n");
        // only the terminate is replaced: RX_E + D -> RX_D delivers the data block after it
        assertThat(result.err()).contains("1 transfer(s) of /E/");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "encode | 0707070707070707 FF\\n070707070707070 FF | <stdin>:2: TXD '070707070707070' has an odd number of "
            + "hex digits; expected 16 hex digits",
        "encode | 0707070707070707 | <stdin>:1: expected 2 fields 'TXD TXC', found 1: '0707070707070707'",
        "encode | # c\\n\\n0707070707070707 FF 00 | <stdin>:3: expected 2 fields 'TXD TXC', found 3",
        "encode | 0707070707070707 F | <stdin>:1: TXC 'F' has an odd number of hex digits; expected 2 hex digits",
        "encode | 07070707070707G7 FF | <stdin>:1: TXD '07070707070707G7' is not hexadecimal",
        "encode | 0707070707070707 0FF | <stdin>:1: TXC '0FF' has an odd number of hex digits",
        "decode | 10 000000000000001E\\n11 000000000000001E | <stdin>:2: unknown block: sync header 11 is not used "
            + "by clause 49",
        "decode | 00 0000000000000000 | <stdin>:1: unknown block: sync header 00",
        "decode | 10 000000000000001E\\n10 000000000000000A | <stdin>:2: unknown block: type 0x0A is not a clause 49 "
            + "block type",
        "decode | 1 000000000000001E | <stdin>:1: SH '1' is not a sync header",
        "decode | 10 00000000000001E | <stdin>:1: PAYLOAD '00000000000001E' has an odd number of hex digits",
        "decode | 10 | <stdin>:1: expected 2 fields 'SH PAYLOAD', found 1",
    })
    void shouldRejectBadInputWithTheLineNumberAndNoStackTrace(
        final String command, final String input, final String message)
    {
        final Result result = run(input.replace("\\n", "\n") + "\n", "phy", command);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).startsWith("edm phy " + command + ": " + message);
        assertThat(result.err().lines().count()).isEqualTo(1);
        assertThat(result.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void shouldPrintTheLinesBeforeABadLine()
    {
        final Result result = run("0707070707070707 FF\nbad\n", "phy", "encode");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("10 000000000000001E\n");
    }

    @Test
    void shouldNameTheFileInMessagesAndReportAMissingFile() throws IOException
    {
        final Path file = Files.writeString(dir.resolve("in.txt"), "0707070707070707 FF\nzz FF\n");

        final Result bad = run("", "phy", "encode", file.toString());
        final Result missing = run("", "phy", "decode", dir.resolve("absent.txt").toString());

        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.err()).startsWith("edm phy encode: " + file + ":2: TXD 'zz' ");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("edm phy decode: " + dir.resolve("absent.txt") + ": no such file\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "encode --seed 1                  | --seed needs --scramble",
        "decode --seed 1                  | --seed needs --descramble",
        "encode --scramble --seed 4000000000000000 | has more than 58 bits",
        "decode --descramble --seed xyz   | --seed 'xyz' is not a hex number",
        "encode --frobnicate              | Unknown option: '--frobnicate'",
    })
    void shouldRejectBadOptionsAsUsageErrors(final String args, final String message)
    {
        final String[] words = ("phy " + args).strip().split("\\s+");

        final Result result = run("", words);

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains(message).doesNotContain("\tat ");
    }

    @Test
    void shouldListEncodeAndDecodeUnderPhy()
    {
        final Result result = run("", "phy");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("encode", "decode");
        assertThat(run("", "--help").out()).contains("phy");
    }
}
