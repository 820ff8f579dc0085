package org.edm.bench.perftest;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The .hgrm file is HdrHistogram's percentile distribution, in microseconds, and reads back as such. */
class HgrmFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldWriteTheDistributionInMicroseconds() throws Exception
    {
        final Histogram nanos = new Histogram(3);
        for (int i = 1; i <= 100; i++)
        {
            nanos.recordValue(i * 1000L);
        }
        final Path file = dir.resolve("lat.hgrm");

        HgrmFile.write(file, nanos);

        final List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst().trim().split("\\s+")).containsExactly("Value", "Percentile", "TotalCount",
            "1/(1-Percentile)");
        // every data line parses: value (us), percentile, cumulative count, 1/(1-p); the counts grow to the total
        long lastCount = 0;
        double lastValue = 0;
        int dataLines = 0;
        for (final String line : lines.subList(1, lines.size()))
        {
            if (line.isBlank() || line.startsWith("#"))
            {
                continue;
            }
            final String[] fields = line.trim().split("\\s+");
            assertThat(fields.length).as(line).isIn(3, 4);
            final double value = Double.parseDouble(fields[0]);
            final long count = Long.parseLong(fields[2]);
            assertThat(value).isGreaterThanOrEqualTo(lastValue);
            assertThat(count).isGreaterThanOrEqualTo(lastCount);
            lastValue = value;
            lastCount = count;
            dataLines++;
        }
        assertThat(dataLines).isGreaterThan(10);
        assertThat(lastCount).isEqualTo(100);
        assertThat(lastValue).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(footer(lines, "#[Mean")).isCloseTo(50.5, org.assertj.core.data.Offset.offset(0.1));
        assertThat(footer(lines, "#[Max")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(lines).anyMatch(l -> l.matches("#\\[Max +=.*, Total count += +100]"));
    }

    /** The first number of the footer line starting with {@code start}: "#[Mean    =       50.500, ...". */
    private static double footer(final List<String> lines, final String start)
    {
        final String line = lines.stream().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(line.indexOf('=') + 1, line.indexOf(',')).trim());
    }

    @Test
    void shouldNameOneFilePerRunWhenThereAreSeveral()
    {
        final Path base = dir.resolve("lat.hgrm");
        assertThat(HgrmFile.fileFor(base, "edm-64", false)).isEqualTo(base);
        assertThat(HgrmFile.fileFor(base, "edm-64", true)).isEqualTo(dir.resolve("lat-edm-64.hgrm"));
        assertThat(HgrmFile.fileFor(dir.resolve("lat"), "raw-2", true)).isEqualTo(dir.resolve("lat-raw-2"));
    }

    @Test
    void shouldSayWhichFileCannotBeWritten()
    {
        final Path file = dir.resolve("missing").resolve("lat.hgrm");
        assertThatThrownBy(() -> HgrmFile.write(file, new Histogram(3)))
            .hasMessageContaining("--hgrm").hasMessageContaining(file.toString());
    }
}
