package org.edm.bench.roce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoceQpConfigTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "mtu", "localQpn", "remoteQpn", "sendQueueDepth", "maxOutstandingReads", "responderReads",
        "timeoutNanos", "retryLimit", "initialPsn", "pkey", "ttl", "udpSourcePort", "maxMessageLength",
        "ackCoalesce", "localMac" })
    void shouldNameTheFieldOutOfRange(final String field)
    {
        final UnaryOperator<RoceQpConfig> breakIt = switch (field)
        {
            case "mtu" -> c -> c.mtu(1000);
            case "localQpn" -> c -> c.localQpn(1);
            case "remoteQpn" -> c -> c.remoteQpn(1 << 24);
            case "sendQueueDepth" -> c -> c.sendQueueDepth(0);
            case "maxOutstandingReads" -> c -> c.maxOutstandingReads(0);
            case "responderReads" -> c -> c.responderReads(2000);
            case "timeoutNanos" -> c -> c.timeoutNanos(0);
            case "retryLimit" -> c -> c.retryLimit(-1);
            case "initialPsn" -> c -> c.initialPsn(1 << 24);
            case "pkey" -> c -> c.pkey(0x10000);
            case "ttl" -> c -> c.ttl(0);
            case "udpSourcePort" -> c -> c.udpSourcePort(0);
            case "maxMessageLength" -> c -> c.mtu(256).maxMessageLength(Integer.MAX_VALUE);
            case "ackCoalesce" -> c -> c.ackCoalesce(-1);
            default -> c -> c.localMac(1L << 48);
        };
        final RoceQpConfig config = breakIt.apply(RoceLink.defaultConfig());

        assertThatThrownBy(config::validate).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith(field + "=");
    }

    @Test
    void shouldMirrorTheOtherEnd()
    {
        final RoceQpConfig a = RoceLink.defaultConfig().mtu(4096);
        final RoceQpConfig b = a.mirror();

        assertThat(b.localMac()).isEqualTo(a.remoteMac());
        assertThat(b.remoteIp()).isEqualTo(a.localIp());
        assertThat(b.localQpn()).isEqualTo(a.remoteQpn());
        assertThat(b.initialPsn()).isEqualTo(a.remoteInitialPsn());
        assertThat(b.remoteInitialPsn()).isEqualTo(a.initialPsn());
        assertThat(b.mtu()).isEqualTo(4096);
        assertThat(b.udpSourcePort()).isEqualTo(a.udpSourcePort()).isEqualTo(0xC000 | (0x11 ^ 0x12));
        assertThat(a.maxFrameLength()).isEqualTo(74 + 4096);
        assertThat(RoceLink.defaultConfig().maxFrameLength()).as("fits a 1514-byte frame").isEqualTo(74 + 1024);
    }
}
