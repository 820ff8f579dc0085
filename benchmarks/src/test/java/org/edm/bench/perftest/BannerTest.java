package org.edm.bench.perftest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BannerTest
{
    @Test
    void shouldLayOutLikePerftestsBanner()
    {
        final Banner banner = Banner.titled("EDM_Read Latency Test")
            .with("Device", "in-memory rack 'bench' (2 hosts)")
            .with("TX depth", "1")
            .withAddress("local", "node 1 (c0)")
            .withAddress("remote", "node 2 (m0)");

        assertThat(banner.lines()).containsExactly(
            PerftestTable.LINE,
            "                    EDM_Read Latency Test",
            " Device          : in-memory rack 'bench' (2 hosts)",
            " TX depth        : 1",
            PerftestTable.LINE,
            " local address: node 1 (c0)",
            " remote address: node 2 (m0)");
        assertThat(banner.value("TX depth")).isEqualTo("1");
        assertThat(banner.value("Mtu")).isNull();
    }
}
