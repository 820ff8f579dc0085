package org.edm.nativeio;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.edm.nativeio.packet.PacketPort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Entering named namespaces from platform and virtual threads, and the set-up messages of a PacketPort. Root only. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkNamespacesTest
{
    private static TestNamespace namespace;

    @BeforeAll
    static void createNamespace()
    {
        Privileges.assumeNamespaceCapable();
        namespace = TestNamespace.create("ns");
        namespace.addVethPair("edmv0", "edmv1");
    }

    @AfterAll
    static void deleteNamespace()
    {
        if (namespace != null)
        {
            namespace.close();
        }
    }

    @Test
    void shouldRunInsideTheNamespaceAndComeBack() throws Exception
    {
        final Path self = Path.of("/proc/thread-self/ns/net");
        final String before = Files.readSymbolicLink(self).toString();
        final String inside = NetworkNamespaces.callIn(namespace.name(), () -> Files.readSymbolicLink(self).toString());
        assertThat(inside).isNotEqualTo(before);
        assertThat(Files.readSymbolicLink(self).toString()).isEqualTo(before);
    }

    @Test
    void shouldOpenAPortInANamespaceFromAVirtualThread() throws Exception
    {
        final PacketPort[] port = new PacketPort[1];
        final Thread thread = Thread.ofVirtual().start(() ->
            port[0] = PacketPort.open(namespace.name(), "edmv0", new PortOptions()));
        thread.join(TimeUnit.SECONDS.toMillis(20));
        assertThat(port[0]).isNotNull();
        assertThat(port[0].name()).isEqualTo("af_packet:edmv0@" + namespace.name());
        port[0].close();
    }

    @Test
    void shouldNameAMissingNamespace()
    {
        assertThatThrownBy(() -> PacketPort.open("edm-no-such-ns", "edm0", new PortOptions()))
            .isInstanceOf(PortSetupException.class)
            .hasMessageContaining("network namespace 'edm-no-such-ns' not found")
            .hasMessageContaining("edm rack up");
    }

    @Test
    void shouldNameAMissingInterfaceAndItsNamespace()
    {
        assertThatThrownBy(() -> PacketPort.open(namespace.name(), "edmzz9", new PortOptions()))
            .isInstanceOf(PortSetupException.class)
            .hasMessageContaining("interface 'edmzz9' not found in network namespace '" + namespace.name() + "'")
            .hasMessageContaining("ip -n " + namespace.name() + " link");
    }

    @Test
    void shouldSayWhichMtuTheInterfaceNeeds()
    {
        assertThatThrownBy(() -> PacketPort.open(namespace.name(), "edmv0", new PortOptions().mtu(9014)))
            .isInstanceOf(PortSetupException.class)
            .hasMessageContaining("mtu=9014 needs interface MTU >= 9000 but edmv0 has 1500");
    }

    @Test
    void shouldNameTheCapabilityAndTheAlternativesInTheRawSocketAdvice()
    {
        assertThat(PortSetupException.rawSocketAdvice()).contains("CAP_NET_RAW").contains("UDP ports")
            .contains("in-memory");
        assertThat(Capabilities.has(Capabilities.CAP_NET_RAW)).isTrue();
    }
}
