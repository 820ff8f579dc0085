package org.edm.sim;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TextProgressListenerTest
{
    private long now;
    private final StringWriter text = new StringWriter();
    private final TextProgressListener listener =
        new TextProgressListener(new PrintWriter(text), () -> now, 250_000_000L);

    @Test
    void shouldPrintAtMostOncePerIntervalAndEndTheLine()
    {
        listener.progress(0, 0, 2000);
        now += 100_000_000L;
        listener.progress(1_000_000, 100, 2000);
        assertThat(text.toString()).isEmpty();

        now += 150_000_000L;
        listener.progress(2_000_000, 904, 2000);
        assertThat(text.toString())
            .isEqualTo("\redm sim:  45.2% of flows done (904/2000), slot 2000000, 8.0 M slots/s");

        now += 10_000_000L;
        listener.progress(2_100_000, 950, 2000);
        assertThat(listener.updates()).isEqualTo(1);

        now += 740_000_000L;
        listener.done(4_000_000, 2000, 2000);
        assertThat(text.toString()).endsWith(
            "\redm sim: 100.0% of flows done (2000/2000), slot 4000000, 4.0 M slots/s" + System.lineSeparator());
        assertThat(listener.updates()).isEqualTo(2);
    }

    @Test
    void shouldBlankOutTheRestOfALongerPreviousLine()
    {
        listener.progress(0, 0, 10);
        now += 1_000_000_000L;
        listener.progress(123_456_789, 5, 10);
        now += 1_000_000_000L;
        listener.progress(123_456_790, 5, 10);

        final String[] updates = text.toString().split("\r");
        assertThat(updates[2].length()).isGreaterThanOrEqualTo(updates[1].length());
        assertThat(updates[2]).contains("slot 123456790, 61.7 M slots/s");
    }

    @Test
    void shouldReportDoneEvenWithoutEarlierProgress()
    {
        listener.done(75, 3, 3);

        assertThat(text.toString()).contains("100.0% of flows done (3/3), slot 75");
    }
}
