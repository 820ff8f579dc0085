package org.edm.nativeio.packet;

import org.edm.nativeio.FramePortConformanceTest;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.Privileges;
import org.edm.nativeio.TestNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance suite over AF_PACKET ports on a veth pair inside a test namespace (TX through sendmmsg); the ports
 * are opened from the test thread, which enters the namespace for the open and leaves again. Needs root.
 */
class PacketPortConformanceTest extends FramePortConformanceTest
{
    private static TestNamespace namespace;

    @BeforeAll
    static void createNamespace()
    {
        Privileges.assumeNamespaceCapable();
        namespace = TestNamespace.create("pp");
        namespace.addVethPair("edmt0", "edmt1");
    }

    @AfterAll
    static void deleteNamespace()
    {
        if (namespace != null)
        {
            namespace.close();
        }
    }

    protected PortOptions.TxMode txMode()
    {
        return PortOptions.TxMode.SENDMMSG;
    }

    protected Link openLink(final PortOptions options)
    {
        final PortOptions withMode = options.copy().txMode(txMode());
        final PacketPort a = PacketPort.open(namespace.name(), "edmt0", withMode);
        try
        {
            return new Link(a, PacketPort.open(namespace.name(), "edmt1", withMode), null);
        }
        catch (final RuntimeException e)
        {
            a.close();
            throw e;
        }
    }

    protected boolean lossless()
    {
        return false;
    }
}
