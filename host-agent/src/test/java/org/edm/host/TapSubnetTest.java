package org.edm.host;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TapSubnetTest
{
    @Test
    void shouldGiveNodeNTheSubnetsAddressNPlusOne()
    {
        final TapSubnet subnet = TapSubnet.parse("10.77.0.0/24");
        assertThat(subnet.hostAddress(0)).isEqualTo("10.77.0.1/24");
        assertThat(subnet.hostAddress(1)).isEqualTo("10.77.0.2/24");
        assertThat(subnet.hostAddress(253)).isEqualTo("10.77.0.254/24");
        assertThat(TapSubnet.parse("192.168.4.0/22").hostAddress(300)).isEqualTo("192.168.5.45/22");
        assertThat(subnet).hasToString("10.77.0.0/24");
    }

    @Test
    void shouldRefuseNodesWithoutAnAddressInTheSubnet()
    {
        final TapSubnet subnet = TapSubnet.parse("10.0.0.0/30");
        assertThat(subnet.hostAddress(1)).isEqualTo("10.0.0.2/30");
        assertThatThrownBy(() -> subnet.hostAddress(2)).hasMessageContaining("node 2 has no address in 10.0.0.0/30");
        assertThatThrownBy(() -> TapSubnet.parse("10.77.0.0/24").hostAddress(254))
            .hasMessageContaining("254 host addresses");
    }

    @Test
    void shouldExplainWhatIsWrongWithASubnet()
    {
        assertThatThrownBy(() -> TapSubnet.parse("10.77.0.0")).hasMessageContaining("a.b.c.d/len");
        assertThatThrownBy(() -> TapSubnet.parse("10.77.0.0/x")).hasMessageContaining("no prefix length");
        assertThatThrownBy(() -> TapSubnet.parse("10.77.0.0/31")).hasMessageContaining("outside [8, 30]");
        assertThatThrownBy(() -> TapSubnet.parse("10.77.0.1/24")).hasMessageContaining("host bits set")
            .hasMessageContaining("10.77.0.0/24");
        assertThatThrownBy(() -> TapSubnet.parse("10.277.0.0/24")).hasMessageContaining("not an IPv4 address");
        assertThatThrownBy(() -> TapSubnet.parse("10..0.0/24")).hasMessageContaining("not an IPv4 address");
    }
}
