package org.edm.bench.floor;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.memory.MemoryLink;
import org.edm.nativeio.packet.PacketPort;
import org.edm.nativeio.rack.RackDescription;
import org.edm.nativeio.rack.RackFile;
import org.edm.nativeio.udp.UdpPort;

/**
 * The ports of one floor measurement, opened by one thread in the namespaces of a local rack (AF_PACKET) or made in
 * process (in-memory links, UDP over loopback):
 * <pre>
 *   switched:  pinger = h0  --  swp0 [forwarder] swp1  --  h1 = echo
 *   direct:    pinger = h0  --  swp0 = echo
 * </pre>
 * {@code macs[i]} is the MAC of the host cabled to {@code switchPorts[i]}, the forwarder's whole table.
 */
final class FloorPorts implements AutoCloseable
{
    enum Transport
    {
        PACKET, MEMORY, UDP
    }

    final FramePort pinger;
    final FramePort echo;
    final FramePort[] switchPorts;
    final long[] macs;
    final long pingerMac;
    final long echoMac;
    private final List<FramePort> all = new ArrayList<>();

    private FloorPorts(
        final FramePort pinger, final FramePort echo, final FramePort[] switchPorts, final long[] macs,
        final long pingerMac, final long echoMac)
    {
        this.pinger = pinger;
        this.echo = echo;
        this.switchPorts = switchPorts;
        this.macs = macs;
        this.pingerMac = pingerMac;
        this.echoMac = echoMac;
        all.add(pinger);
        if (echo != null)
        {
            all.add(echo);
        }
        all.addAll(List.of(switchPorts));
    }

    /**
     * Only host 0's port, for a send-rate run without a receiver: on a local rack nothing listens on the switch port,
     * so its kernel drops the frames right away (as the C floor did); other transports get both ends.
     */
    static FloorPorts openSender(final Transport transport, final Path rackFile, final PortOptions options)
    {
        if (transport != Transport.PACKET)
        {
            return open(transport, false, rackFile, options);
        }
        final RackDescription rack = RackFile.read(rackFile);
        final RackDescription.Host host0 = rack.hosts().get(0);
        final PacketPort pinger = PacketPort.open(host0.namespace(), host0.interfaceName(), options);
        return new FloorPorts(pinger, null, new FramePort[0], new long[0], Macs.of(pinger.macAddress()),
            Macs.parse(rack.switchPortOf(host0.name()).mac()));
    }

    static FloorPorts open(
        final Transport transport, final boolean switched, final Path rackFile, final PortOptions options)
    {
        final long h0 = 0x02ED_0000_0000L;
        final long h1 = 0x02ED_0000_0001L;
        final long sw0 = 0x02ED_0000_0100L;
        return switch (transport)
        {
            case PACKET -> openPacket(switched, RackFile.read(rackFile), options);
            case MEMORY ->
            {
                final MemoryLink a = MemoryLink.open("h0-swp0", options);
                if (!switched)
                {
                    yield new FloorPorts(a.a(), a.b(), new FramePort[0], new long[0], h0, sw0);
                }
                final MemoryLink b = MemoryLink.open("h1-swp1", options);
                yield new FloorPorts(a.a(), b.a(), new FramePort[] { a.b(), b.b() }, new long[] { h0, h1 }, h0, h1);
            }
            case UDP ->
            {
                final UdpPort[] a = udpPair(options);
                if (!switched)
                {
                    yield new FloorPorts(a[0], a[1], new FramePort[0], new long[0], h0, sw0);
                }
                final UdpPort[] b = udpPair(options);
                yield new FloorPorts(a[0], b[0], new FramePort[] { a[1], b[1] }, new long[] { h0, h1 }, h0, h1);
            }
        };
    }

    private static UdpPort[] udpPair(final PortOptions options)
    {
        final UdpPort a = UdpPort.open(new InetSocketAddress("127.0.0.1", 0), null, options);
        final UdpPort b = UdpPort.open(new InetSocketAddress("127.0.0.1", 0), a.localAddress(), options);
        a.connect(b.localAddress());
        return new UdpPort[] { a, b };
    }

    private static FloorPorts openPacket(final boolean switched, final RackDescription rack, final PortOptions options)
    {
        if (rack.hosts().size() < (switched ? 2 : 1))
        {
            throw new IllegalArgumentException("rack '" + rack.name() + "' has " + rack.hosts().size() +
                " hosts; the switched ping-pong needs 2 ('edm rack up --hosts 2')");
        }
        final RackDescription.Host host0 = rack.hosts().get(0);
        final String switchNs = rack.fabric().namespace();
        final PacketPort pinger = PacketPort.open(host0.namespace(), host0.interfaceName(), options);
        final PacketPort swp0 = PacketPort.open(switchNs, rack.switchPortOf(host0.name()).interfaceName(), options);
        if (!switched)
        {
            return new FloorPorts(pinger, swp0, new FramePort[0], new long[0], Macs.of(pinger.macAddress()),
                Macs.of(swp0.macAddress()));
        }
        final RackDescription.Host host1 = rack.hosts().get(1);
        final PacketPort echo = PacketPort.open(host1.namespace(), host1.interfaceName(), options);
        final PacketPort swp1 = PacketPort.open(switchNs, rack.switchPortOf(host1.name()).interfaceName(), options);
        return new FloorPorts(pinger, echo, new FramePort[] { swp0, swp1 },
            new long[] { Macs.parse(host0.mac()), Macs.parse(host1.mac()) }, Macs.of(pinger.macAddress()),
            Macs.of(echo.macAddress()));
    }

    public void close()
    {
        for (final FramePort port : all)
        {
            port.close();
        }
    }
}
