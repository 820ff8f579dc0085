package org.edm.nativeio.rack;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.memory.MemoryLink;
import org.edm.nativeio.packet.PacketPort;

/**
 * Opens the ports a rack description names, so that an agent needs only the rack file and its own name:
 * <ul>
 *     <li>{@link #host}/{@link #switchPort}: AF_PACKET ports on the described interfaces, inside the host's or the
 *     switch's namespace on a local rack, in the caller's namespace on a lab rack (each agent runs on its machine).</li>
 *     <li>{@link #inMemory}: the same rack with no privileges, every cable an in-process {@link MemoryLink}, for a
 *     whole rack in one JVM.</li>
 * </ul>
 */
public final class RackPorts
{
    private RackPorts()
    {
    }

    /** The AF_PACKET port of host {@code hostName}. */
    public static PacketPort host(final RackDescription rack, final String hostName, final PortOptions options)
    {
        final RackDescription.Host host = rack.host(hostName);
        return PacketPort.open(namespaceOf(rack, host.namespace()), host.interfaceName(), options);
    }

    /** The AF_PACKET port of the switch that is cabled to host {@code hostName}. */
    public static PacketPort switchPort(final RackDescription rack, final String hostName, final PortOptions options)
    {
        final RackDescription.SwitchPort port = rack.switchPortOf(hostName);
        return PacketPort.open(namespaceOf(rack, rack.fabric().namespace()), port.interfaceName(), options);
    }

    /** Every cable of the rack as an in-memory link; the ends are keyed by host name. */
    public static InMemory inMemory(final RackDescription rack, final PortOptions options)
    {
        final Map<String, FramePort> hosts = new LinkedHashMap<>();
        final Map<String, FramePort> switchPorts = new LinkedHashMap<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            final MemoryLink link = MemoryLink.open(host.name() + "-" + rack.switchPortOf(host.name()).interfaceName(),
                options);
            hosts.put(host.name(), link.a());
            switchPorts.put(host.name(), link.b());
        }
        return new InMemory(Map.copyOf(hosts), Map.copyOf(switchPorts));
    }

    /**
     * A rack's cables in one process.
     *
     * @param hosts       each host's port, by host name.
     * @param switchPorts the switch port cabled to each host, by host name.
     */
    public record InMemory(Map<String, FramePort> hosts, Map<String, FramePort> switchPorts) implements AutoCloseable
    {
        /** Closes every port (each link frees its rings when both ends are closed). */
        public void close()
        {
            hosts.values().forEach(FramePort::close);
            switchPorts.values().forEach(FramePort::close);
        }
    }

    private static String namespaceOf(final RackDescription rack, final String namespace)
    {
        return rack.kind() == RackDescription.Kind.LOCAL ? namespace : null;
    }
}
