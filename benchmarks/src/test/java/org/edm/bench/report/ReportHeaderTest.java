package org.edm.bench.report;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHeaderTest
{
    @Test
    void shouldDescribeThisMachineAndDateTheReportBySecond()
    {
        final Clock clock = Clock.fixed(Instant.parse("2025-06-01T12:34:56.789Z"), ZoneOffset.ofHours(2));

        final ReportHeader header = ReportHeader.current(clock);

        assertThat(header.date()).isEqualTo("2025-06-01T14:34:56+02:00");
        assertThat(header.machine())
            .contains(Runtime.getRuntime().availableProcessors() + " cpus")
            .contains("Java " + System.getProperty("java.version"))
            .contains(System.getProperty("os.name"));
    }
}
