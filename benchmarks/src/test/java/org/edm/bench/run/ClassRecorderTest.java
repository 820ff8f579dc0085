package org.edm.bench.run;

import org.edm.bench.harness.ClassResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClassRecorderTest
{
    @Test
    void shouldTakeThePeakOverTheBestWindowOfCompletions()
    {
        final ClassRecorder recorder = new ClassRecorder("read");
        recorder.reset(4);
        long now = 0;
        // 10 completions 1 us apart (1000 bytes each: 1 GB/s), then 10 completions 10 us apart (0.1 GB/s)
        for (int i = 0; i < 10; i++)
        {
            now += 1_000;
            recorder.record(500, 1000, true, now);
        }
        for (int i = 0; i < 10; i++)
        {
            now += 10_000;
            recorder.record(500, 1000, true, now);
        }

        final ClassResult result = recorder.result(now / 1e9);

        assertThat(result.peakBytesPerSecond()).isEqualTo(1e9);
        assertThat(result.operations()).isEqualTo(20);
        assertThat(result.bytes()).isEqualTo(20_000);
        assertThat(result.latencyNanos().getTotalCount()).isEqualTo(20);
    }

    @Test
    void shouldCountErrorsApartFromTheRatesButKeepTheirLatency()
    {
        final ClassRecorder recorder = new ClassRecorder("write");
        recorder.reset(2);
        recorder.record(1_000, 64, true, 1_000);
        recorder.record(9_000, 64, false, 2_000);

        final ClassResult result = recorder.result(1);

        assertThat(result.operations()).isEqualTo(1);
        assertThat(result.errors()).isEqualTo(1);
        assertThat(result.bytes()).isEqualTo(64);
        assertThat(result.latencyNanos().getTotalCount()).isEqualTo(2);
    }

    @Test
    void shouldClampLatenciesBeyondAMinuteInsteadOfFailing()
    {
        final ClassRecorder recorder = new ClassRecorder("read");
        recorder.reset(1);
        recorder.record(Long.MAX_VALUE / 2, 8, true, 1);
        recorder.record(-5, 8, true, 2);

        final ClassResult result = recorder.result(1);

        assertThat(result.latencyNanos().getTotalCount()).isEqualTo(2);
        assertThat(result.latencyNanos().getMaxValue()).isGreaterThanOrEqualTo(ClassRecorder.MAX_NANOS);
        assertThat(result.latencyNanos().getMinValue()).isZero();
    }

    @Test
    void shouldCopyTheHistogramSoTheRecorderCanBeReused()
    {
        final ClassRecorder recorder = new ClassRecorder("read");
        recorder.reset(1);
        recorder.record(1_000, 8, true, 1);
        final ClassResult first = recorder.result(1);
        recorder.reset(1);

        assertThat(first.latencyNanos().getTotalCount()).isEqualTo(1);
    }
}
