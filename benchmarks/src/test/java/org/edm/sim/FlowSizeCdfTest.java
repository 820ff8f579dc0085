package org.edm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FlowSizeCdfTest
{
    /** A copy of the reference's CDF_hadoop.txt, which ends without a newline. */
    static final String HADOOP = "4 1 0.00\n4 1 0.10\n4 1 0.20\n4 1 0.30\n4 1 0.40\n4 1 0.50\n4 1 0.60\n" +
        "4 1 0.70\n88 1 0.80\n167 1 0.90\n920 1 1.00";

    @Test
    void shouldReadTheReferenceFormatWithoutAFinalNewline() throws IOException
    {
        final FlowSizeCdf cdf = FlowSizeCdf.read(new StringReader(HADOOP), "CDF_hadoop.txt");

        assertThat(cdf.points()).isEqualTo(11);
        assertThat(cdf.valueMss(10)).isEqualTo(920);
        assertThat(cdf.cumulative(10)).isEqualTo(1.0);
    }

    @Test
    void shouldComputeTheReferenceMeanForTheArrivalRate() throws IOException
    {
        final FlowSizeCdf cdf = FlowSizeCdf.read(new StringReader(HADOOP), "CDF_hadoop.txt");

        // 0.7 * 4 + 0.1 * (4 + 88) / 2 + 0.1 * (88 + 167) / 2 + 0.1 * (167 + 920) / 2 = 74.5 MSS: 108.8 kB (§7.1).
        assertThat(cdf.meanMss()).isCloseTo(74.5, within(1e-9));
        assertThat(cdf.meanBytes()).isCloseTo(108_770, within(1e-6));
    }

    @Test
    void shouldUseOneAsThePreviousValueBeforeTheFirstPointAsTheReferenceDoes()
    {
        // First point at cumulative 0.5: the reference counts its mass at (value + 1) / 2.
        final FlowSizeCdf cdf = FlowSizeCdf.of("t", new double[] { 9, 9 }, new double[] { 0.5, 1.0 });

        assertThat(cdf.meanMss()).isCloseTo(0.5 * (9 + 1) / 2 + 0.5 * 9, within(1e-12));
    }

    @Test
    void shouldSampleByInverseCdfWithLinearInterpolation() throws IOException
    {
        final FlowSizeCdf cdf = FlowSizeCdf.read(new StringReader(HADOOP), "CDF_hadoop.txt");

        assertThat(cdf.sampleMss(0.0)).isEqualTo(4);
        assertThat(cdf.sampleMss(0.35)).isEqualTo(4);
        assertThat(cdf.sampleMss(0.70)).isEqualTo(4);
        assertThat(cdf.sampleMss(0.75)).isCloseTo(4 + 0.5 * 84, within(1e-9));
        assertThat(cdf.sampleMss(0.80)).isEqualTo(88);
        assertThat(cdf.sampleMss(0.95)).isCloseTo(167 + 0.5 * 753, within(1e-9));
        assertThat(cdf.sampleMss(1.0)).isEqualTo(920);
    }

    @Test
    void shouldReturnTheLastValueAboveALastPointJustBelowOne()
    {
        final FlowSizeCdf cdf = FlowSizeCdf.of("t", new double[] { 1, 2 }, new double[] { 0.0, 0.9999995 });

        assertThat(cdf.sampleMss(0.9999999)).isEqualTo(2);
    }

    @Test
    void shouldReadTheShortFlowCdf() throws IOException
    {
        final FlowSizeCdf cdf = FlowSizeCdf.read(new StringReader("1 1 0.00\n1 1 0.99\n1 1 1.00\n"), "short");

        assertThat(cdf.meanMss()).isEqualTo(1.0);
        assertThat(cdf.sampleMss(0.5)).isEqualTo(1.0);
    }

    @Test
    void shouldSkipCommentsAndBlankLines() throws IOException
    {
        final FlowSizeCdf cdf = FlowSizeCdf.read(new StringReader("# sizes\n\n2 1 0\n  \n4 1 1\n"), "c");

        assertThat(cdf.points()).isEqualTo(2);
        assertThat(cdf.sampleMss(0.5)).isEqualTo(3.0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "two fields            | 4 1 0.0;4 0.5;8 1 1.0     | 2 | expected 3 numbers",
        "four fields           | 4 1 0.0;4 1 0.5 0;8 1 1.0 | 2 | found 4 fields",
        "not a number          | 4 1 0.0;4 1 half;8 1 1.0  | 2 | cumulative probability is not a number: 'half'",
        "infinite              | 4 1 0.0;Infinity 1 0.5;8 1 1.0 | 2 | value is not a finite number",
        "negative value        | -4 1 0.0;8 1 1.0          | 1 | value must be >= 0",
        "huge value            | 4 1 0.0;2000000 1 1.0     | 2 | value 2000000 MSS is too large",
        "cdf above one         | 4 1 0.0;8 1 1.01          | 2 | cumulative probability must be in [0, 1]",
        "cdf decreasing        | 4 1 0.0;5 1 0.6;8 1 0.5;9 1 1 | 3 | cumulative probabilities must not decrease",
        "values decreasing     | 4 1 0.0;8 1 0.5;5 1 1.0   | 3 | values must not decrease",
        "last below one        | 4 1 0.0;8 1 0.9           | 2 | the last cumulative probability must be 1, got 0.9",
    })
    void shouldRejectABadCdfNamingFileLineAndProblem(
        final String name, final String lines, final int line, final String problem)
    {
        final String text = lines.replace(';', '\n');

        assertThatThrownBy(() -> FlowSizeCdf.read(new StringReader(text), "bad.txt"))
            .isInstanceOf(InputFileException.class)
            .hasMessageStartingWith("bad.txt:" + line + ": ")
            .hasMessageContaining(problem);
    }

    @Test
    void shouldRejectAFileWithoutPoints()
    {
        assertThatThrownBy(() -> FlowSizeCdf.read(new StringReader("# none\n"), "none.txt"))
            .isInstanceOf(InputFileException.class)
            .hasMessage("none.txt: no CDF points (the file holds only blank lines and comments)");
    }
}
