package org.edm.bench.perftest;

import org.edm.bench.perftest.PerftestReport.BandwidthRow;
import org.edm.bench.perftest.PerftestReport.BandwidthUnit;
import org.edm.bench.perftest.PerftestReport.DurationLatencyRow;
import org.edm.bench.perftest.PerftestReport.LatencyRow;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The parser on recorded outputs in perftest 4.5's exact format (src/test/resources/perftest, format samples). */
class PerftestOutputParserTest
{
    static String sample(final String name)
    {
        try (InputStream in = PerftestOutputParserTest.class.getResourceAsStream("/perftest/" + name))
        {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldReadTheLatencyTableAndTheBanner()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("read_lat.txt"));

        assertThat(report.title()).isEqualTo("RDMA_Read Latency Test");
        assertThat(report.settings()).containsEntry("Device", "mlx5_0").containsEntry("Dual-port", "OFF")
            .containsEntry("Link type", "Ethernet").containsEntry("Mtu", "1024[B]").containsEntry("GID index", "3")
            .containsEntry("rdma_cm QPs", "OFF").containsEntry("Connection type", "RC")
            .containsEntry("Outstand reads", "16").doesNotContainKey("local address");
        assertThat(report.rows()).containsExactly(
            new LatencyRow(8, 1000, 1.86, 6.47, 1.91, 1.93, 0.11, 2.14, 6.47, List.of()));
        assertThat(report.halvesRoundTrips()).as("READ latency is a whole round trip").isFalse();
    }

    @Test
    void shouldReadEverySizeOfAnAllSizesRunAndSkipTheCpuFrequencyWarning()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("write_lat_all.txt"));

        assertThat(report.title()).isEqualTo("RDMA_Write Latency Test");
        assertThat(report.halvesRoundTrips()).isTrue();
        assertThat(report.rows()).hasSize(23);
        assertThat(report.rows()).extracting(PerftestReport.Row::bytes).startsWith(2L, 4L, 8L).endsWith(8388608L);
        assertThat(report.rows()).allSatisfy(row -> assertThat(row).isInstanceOf(LatencyRow.class));
        assertThat(report.settings()).containsEntry("Max inline data", "220[B]")
            .doesNotContainKey("Conflicting CPU frequency values detected");
    }

    @Test
    void shouldReadTheDurationTable()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("read_lat_duration.txt"));

        assertThat(report.rows()).containsExactly(new DurationLatencyRow(64, 2581367, 1.94, 516273.40));
    }

    @Test
    void shouldReadBandwidthInPerftestsMegabytesOf2To20Bytes()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("write_bw.txt"));

        assertThat(report.title()).isEqualTo("RDMA_Write BW Test");
        final BandwidthRow row = (BandwidthRow)report.rows().getFirst();
        assertThat(row).isEqualTo(new BandwidthRow(65536, 5000, 11057.31, 11054.62, 0.176874,
            BandwidthUnit.MB_PER_SEC));
        assertThat(row.averageBytesPerSecond()).isCloseTo(11054.62 * 1048576, within(1.0));
        // perftest's own consistency: MsgRate x size = average bandwidth
        assertThat(row.messageRateMpps() * 1e6 * row.bytes()).isCloseTo(row.averageBytesPerSecond(),
            within(row.averageBytesPerSecond() * 1e-5));
    }

    @Test
    void shouldReadGigabitsWithReportGbits()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("read_bw_all_gbits.txt"));

        assertThat(report.rows()).hasSize(23).allSatisfy(row ->
            assertThat(((BandwidthRow)row).unit()).isEqualTo(BandwidthUnit.GB_PER_SEC));
        final BandwidthRow last = (BandwidthRow)report.rows().getLast();
        assertThat(last.bytes()).isEqualTo(8388608);
        assertThat(last.average()).isEqualTo(92.50);
        assertThat(last.averageBytesPerSecond()).isCloseTo(92.5e9 / 8, within(1.0));
    }

    @Test
    void shouldAttachEverySampleOfAHistogramRunToItsRow()
    {
        final PerftestReport report = PerftestOutputParser.parseText(sample("read_lat_histogram.txt"));

        final LatencyRow row = (LatencyRow)report.rows().getFirst();
        assertThat(row.iterations()).isEqualTo(20);
        assertThat(row.samples()).hasSize(20).isSorted();
        assertThat(row.samples().getFirst()).isEqualTo(row.minMicros());
        assertThat(row.samples().getLast()).isEqualTo(4.82).isEqualTo(row.maxMicros());
    }

    @Test
    void shouldReadPerftestsJsonReportsWithUnquotedKeys()
    {
        final PerftestReport latency = PerftestOutputParser.parseJson(sample("read_lat.json"),
            BandwidthUnit.MB_PER_SEC);

        assertThat(latency.rows()).containsExactly(
            new LatencyRow(8, 1000, 1.86, 6.47, 1.91, 1.93, 0.11, 2.14, 6.47, List.of()));
        assertThat(latency.settings()).containsEntry("Device", "mlx5_0").containsEntry("Link_type", "Ethernet");
        assertThat(latency.title()).isEqualTo("RDMA Read Latency Test");
        assertThat(latency.halvesRoundTrips()).isFalse();

        final PerftestReport bandwidth = PerftestOutputParser.parseJson(sample("write_bw_gbits.json"),
            BandwidthUnit.GB_PER_SEC);
        assertThat(bandwidth.rows()).containsExactly(
            new BandwidthRow(65536, 5000, 92.76, 92.73, 0.176874, BandwidthUnit.GB_PER_SEC));
    }

    @Test
    void shouldReadStrictJsonToo()
    {
        final PerftestReport report = PerftestOutputParser.parseJson("""
            {"test_info": {"test": "RDMA_Read_Latency_Test", "Device": "mlx5_0"},
             "results": {"MsgSize": 2, "n_iterations": 1000, "t_avg": 1.5, "tps_average": 640000.5}}
            """, BandwidthUnit.MB_PER_SEC);

        assertThat(report.rows()).containsExactly(new DurationLatencyRow(2, 1000, 1.5, 640000.5));
        assertThat(report.settings()).containsEntry("Device", "mlx5_0");
    }

    @Test
    void shouldNameTheLineOfARowThatDoesNotParse()
    {
        final String broken = sample("read_lat.txt").replace(" 8       1000          1.86", " 8       1000          x.86");

        assertThatThrownBy(() -> PerftestOutputParser.parseText(broken))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 23")
            .hasMessageContaining("'x.86' is not a number");
        assertThatThrownBy(() -> PerftestOutputParser.parseText(
            sample("read_lat.txt").replace("2.14    \t\t6.47", "")))
            .hasMessageContaining("9 columns expected, 7 found");
    }

    @Test
    void shouldSayWhenThereIsNoTableAtAll()
    {
        assertThatThrownBy(() -> PerftestOutputParser.parseText(" Did not detect devices \n If device exists, " +
            "check if driver is up\n")).hasMessageContaining("no perftest result table")
            .hasMessageContaining("Did not detect devices");
        assertThatThrownBy(() -> PerftestOutputParser.parseJson("{ test_info: { } }", BandwidthUnit.MB_PER_SEC))
            .hasMessageContaining("no \"results\" block");
        assertThatThrownBy(() -> PerftestOutputParser.parseJson("results: { MsgSize: 8 }", BandwidthUnit.MB_PER_SEC))
            .hasMessageContaining("neither t_typical");
    }
}
