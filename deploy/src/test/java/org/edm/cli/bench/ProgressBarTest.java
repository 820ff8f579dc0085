package org.edm.cli.bench;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest
{
    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final PrintWriter err = new PrintWriter(text, true);

    @Test
    void shouldDrawABarInPlaceOnATerminalAfterTwoSecondsAndClearIt()
    {
        final ProgressBar bar = new ProgressBar(err, true, true, "edm bench: ");

        bar.update(0.1, SECOND, "edm read_lat 2 B");
        assertThat(text.toString()).isEmpty();
        bar.update(0.5, 3 * SECOND, "edm read_lat 2 B");
        assertThat(text.toString()).startsWith("\r[###############...............]  50%  3 s  edm read_lat 2 B");
        bar.clear();
        assertThat(text.toString()).endsWith("\r\033[K");
        final int length = text.toString().length();
        bar.clear();
        assertThat(text.toString()).hasSize(length);
    }

    @Test
    void shouldPrintALineEveryTenSecondsWhenNotATerminal()
    {
        final ProgressBar bar = new ProgressBar(err, false, true, "edm bench: ");

        bar.update(0.2, 3 * SECOND, "a");
        bar.update(0.3, 11 * SECOND, "b");
        bar.update(0.4, 15 * SECOND, "c");
        bar.update(0.6, 22 * SECOND, "d");

        assertThat(text.toString().lines()).containsExactly("edm bench: 30% after 11 s: b", "edm bench: 60% after 22 s: d");
    }

    @Test
    void shouldSayNothingWhenDisabled()
    {
        final ProgressBar bar = new ProgressBar(err, true, false, "edm bench: ");

        bar.update(0.5, 30 * SECOND, "x");
        bar.clear();

        assertThat(text.toString()).isEmpty();
    }
}
