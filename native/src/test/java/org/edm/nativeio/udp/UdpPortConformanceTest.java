package org.edm.nativeio.udp;

import java.net.InetSocketAddress;

import org.edm.nativeio.FramePortConformanceTest;
import org.edm.nativeio.PortOptions;

/** The conformance suite over two UDP ports on loopback: needs no privileges. */
class UdpPortConformanceTest extends FramePortConformanceTest
{
    protected Link openLink(final PortOptions options)
    {
        final UdpPort a = UdpPort.open(new InetSocketAddress("127.0.0.1", 0), null, options);
        final UdpPort b = UdpPort.open(new InetSocketAddress("127.0.0.1", 0), a.localAddress(), options);
        a.connect(b.localAddress());
        return new Link(a, b, null);
    }

    protected boolean lossless()
    {
        return false;
    }
}
