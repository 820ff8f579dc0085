package org.edm.bench.perftest;

import org.edm.bench.harness.LatencySummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table is perftest 4.5's, byte for byte. The expected strings are what C's printf makes of perftest's formats
 * (REPORT_FMT_LAT, REPORT_FMT_LAT_DUR, REPORT_FMT), tabs included; the first row is the sample of the toolchain notes
 * (section 4.1), whose tabs show as spaces there.
 */
class PerftestTableTest
{
    /** The sample row of the notes, as a terminal shows it (tabs expanded to 8 columns, trailing spaces trimmed). */
    private static final String SAMPLE_ROW_SHOWN = " 2       1000          1.76           6.12         1.79                " +
        "1.80             0.06            1.88                    6.12";

    @Test
    void shouldPrintTheSeparatorAndHeadersExactly()
    {
        assertThat(PerftestTable.LINE).isEqualTo("-------------------------------------------------------------------" +
            "--------------------");
        assertThat(PerftestTable.LINE).hasSize(87);
        assertThat(PerftestTable.LATENCY_HEADER).isEqualTo(" #bytes #iterations    t_min[usec]    t_max[usec]  " +
            "t_typical[usec]    t_avg[usec]    t_stdev[usec]   99% percentile[usec]   99.9% percentile[usec] ");
        assertThat(PerftestTable.DURATION_HEADER).isEqualTo(" #bytes        #iterations       t_avg[usec]    tps average");
        assertThat(PerftestTable.bandwidthHeader(false)).isEqualTo(" #bytes     #iterations    BW peak[MB/sec]    " +
            "BW average[MB/sec]   MsgRate[Mpps]");
        assertThat(PerftestTable.bandwidthHeader(true)).isEqualTo(" #bytes     #iterations    BW peak[Gb/sec]    " +
            "BW average[Gb/sec]   MsgRate[Mpps]");
    }

    @Test
    void shouldPrintTheSampleLatencyRowAsPerftestDoes()
    {
        final String row = PerftestTable.latencyRow(2, 1000, summary(1.76, 6.12, 1.79, 1.80, 0.06, 1.88, 6.12));

        assertThat(row).isEqualTo(" 2       1000          1.76           6.12         1.79     \t       1.80        " +
            "\t0.06   \t\t1.88    \t\t6.12   ");
        assertThat(expandTabs(row).stripTrailing()).isEqualTo(SAMPLE_ROW_SHOWN);
    }

    @Test
    void shouldKeepPerftestsLayoutForWideValues()
    {
        final String row = PerftestTable.latencyRow(65536, 123456, summary(12345.678, 99999.999, 0.001, 1.5, 2.25,
            1234567.891, 3.0));

        assertThat(row).isEqualTo(" 65536   123456          12345.68        100000.00      0.00     \t       1.50     " +
            "   \t2.25   \t\t1234567.89 \t\t3.00   ");
        assertThat(row.trim().split("\\s+")).hasSize(9);
    }

    @Test
    void shouldPrintDurationRows()
    {
        assertThat(PerftestTable.durationRow(2, 123456, 1.8, 550000.12))
            .isEqualTo(" 2             123456            1.80           550000.12");
    }

    @Test
    void shouldPrintBandwidthRowsInMebibytesOrGigabits()
    {
        final double mib = 1 << 20;
        assertThat(PerftestTable.bandwidthRow(65536, 5000, 2000 * mib, 1000.5 * mib, 16_008, false))
            .isEqualTo(" 65536      5000             2000.00            1000.50\t\t   0.016008");
        assertThat(PerftestTable.bandwidthRow(64, 100000, 1e9, 0.5e9, 500_000, true))
            .isEqualTo(" 64         100000           8.00               4.00   \t\t   0.500000");
    }

    private static LatencySummary summary(
        final double min, final double max, final double median, final double average, final double stdev,
        final double p99, final double p999)
    {
        return new LatencySummary(1000, min, max, median, average, stdev, p99, p999);
    }

    private static String expandTabs(final String text)
    {
        final StringBuilder out = new StringBuilder();
        for (final char c : text.toCharArray())
        {
            if (c == '\t')
            {
                do
                {
                    out.append(' ');
                }
                while (out.length() % 8 != 0);
            }
            else
            {
                out.append(c);
            }
        }
        return out.toString();
    }
}
