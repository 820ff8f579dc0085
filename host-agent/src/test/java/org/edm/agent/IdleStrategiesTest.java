package org.edm.agent;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdleStrategiesTest
{
    @Test
    void shouldMapEveryAliasToItsStrategy()
    {
        assertThat(IdleStrategies.parse("spin")).isInstanceOf(BusySpinIdleStrategy.class);
        assertThat(IdleStrategies.parse("noop")).isInstanceOf(NoOpIdleStrategy.class);
        assertThat(IdleStrategies.parse("yield")).isInstanceOf(YieldingIdleStrategy.class);
        assertThat(IdleStrategies.parse(" backoff ")).isInstanceOf(BackoffIdleStrategy.class);
        assertThat(IdleStrategies.parse("sleep-ns:1000")).isInstanceOf(SleepingIdleStrategy.class);
        assertThat(IdleStrategies.parse("sleep-ms:2")).isInstanceOf(SleepingMillisIdleStrategy.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "busy", "", "SPIN", "sleep-ns:", "sleep-ns:x", "sleep-ns:0", "sleep-ms:99999" })
    void shouldNameTheAllowedAliasesWhenTheAliasIsUnknown(final String alias)
    {
        assertThatThrownBy(() -> IdleStrategies.parse(alias)).isInstanceOf(IllegalArgumentException.class)
            .satisfies(e -> assertThat(e.getMessage()).containsAnyOf(IdleStrategies.ALIASES, "period", "number"));
    }

    @Test
    void shouldCallOnlyTheStrategiesThatKeepACoreBusyBusy()
    {
        assertThat(IdleStrategies.isBusy("spin")).isTrue();
        assertThat(IdleStrategies.isBusy("noop")).isTrue();
        assertThat(IdleStrategies.isBusy("yield")).isTrue();
        assertThat(IdleStrategies.isBusy("backoff")).isFalse();
        assertThat(IdleStrategies.isBusy("sleep-ns:100")).isFalse();
    }

    @Test
    void shouldParseThreadingModesInAnyCaseAndNameTheAllowedOnes()
    {
        assertThat(ThreadingMode.parse("shared")).isEqualTo(ThreadingMode.SHARED);
        assertThat(ThreadingMode.parse("INVOKER")).isEqualTo(ThreadingMode.INVOKER);
        assertThatThrownBy(() -> ThreadingMode.parse("pooled")).hasMessageContaining("DEDICATED, SHARED, INVOKER");
    }
}
