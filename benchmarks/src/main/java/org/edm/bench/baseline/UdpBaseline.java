package org.edm.bench.baseline;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.harness.BenchTransport;
import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineContext;
import org.edm.bench.run.BaselineSetup;
import org.edm.host.KernelTap;
import org.edm.host.TapSubnet;
import org.edm.nativeio.Capabilities;
import org.edm.nativeio.NetworkNamespaces;
import org.edm.nativeio.rack.RackDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * Kernel UDP request/response between the hosts' network stacks, through TAP interfaces the bench gives each host
 * agent it runs (in the host's namespace) and the switch agent's L2 path: the same links and switch as EDM's traffic,
 * with the kernels' UDP/IP in the way. Needs a local rack's namespaces (one kernel per host), root to create the TAP
 * interfaces, and the whole rack in this process (the responder socket lives in the memory node's namespace).
 */
public final class UdpBaseline implements Baseline
{
    /** The TAP interface the bench creates in each host's namespace. */
    public static final String TAP = "edmbench";
    /** Its subnet: node n gets address n + 1 (kept apart from edm.host.tap.subnet's default 10.77.0.0/24). */
    public static final TapSubnet SUBNET = TapSubnet.parse("10.78.0.0/16");
    /** Each client's socket pair uses this port plus the client's node id. */
    public static final int BASE_PORT = 40000;

    public String name()
    {
        return "udp";
    }

    public String transportType()
    {
        return "Kernel UDP (TAP interfaces, through the switch agent's L2 path)";
    }

    public String unavailable(final BaselineSetup setup)
    {
        if (!setup.wholeRack())
        {
            return "kernel UDP needs the whole rack in this process (its responder socket lives in the memory " +
                "node's namespace); run it on a local rack without --host";
        }
        if (setup.inMemory() || setup.rack().kind() != RackDescription.Kind.LOCAL)
        {
            return "kernel UDP needs one kernel per host: a local rack's namespaces ('edm rack up', as root, and " +
                "--rack FILE without --in-memory); in-memory cables have none";
        }
        if (!Capabilities.has(Capabilities.CAP_NET_ADMIN) || !Capabilities.has(Capabilities.CAP_SYS_ADMIN))
        {
            return "kernel UDP needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to create TAP interfaces in the " +
                "rack's namespaces";
        }
        return null;
    }

    public FrameEndpoint endpoint(final String host, final BaselineSetup setup)
    {
        if (!setup.roles().issuers().contains(host) && !host.equals(setup.roles().memory()))
        {
            return FrameEndpoint.NONE;
        }
        final RackDescription.Host described = setup.rack().host(host);
        return KernelTap.open(described.namespace(), TAP, SUBNET, described.nodeId(), setup.mtu(), line -> { });
    }

    public BenchTransport open(
        final BaselineContext context, final String clientHost, final int depth, final int maxBytes)
    {
        final BaselineSetup setup = context.setup();
        final RackDescription.Host client = setup.rack().host(clientHost);
        final RackDescription.Host memory = setup.rack().host(setup.roles().memory());
        final InetSocketAddress clientAddress = new InetSocketAddress(address(client), BASE_PORT + client.nodeId());
        final InetSocketAddress serverAddress = new InetSocketAddress(address(memory), BASE_PORT + client.nodeId());
        final DatagramChannel server = NetworkNamespaces.callIn(memory.namespace(),
            () -> channel(serverAddress, clientAddress));
        try
        {
            final DatagramChannel clientChannel = NetworkNamespaces.callIn(client.namespace(),
                () -> channel(clientAddress, serverAddress));
            return new UdpTransport(clientChannel, server, context.duty(), depth, context.timeoutNanos(),
                setup.settings().regionBytes());
        }
        catch (final RuntimeException e)
        {
            try
            {
                server.close();
            }
            catch (final IOException closing)
            {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static String address(final RackDescription.Host host)
    {
        final String withPrefix = SUBNET.hostAddress(host.nodeId());
        return withPrefix.substring(0, withPrefix.indexOf('/'));
    }

    /** A non-blocking socket bound to {@code local} and connected to {@code remote}, with roomy buffers. */
    private static DatagramChannel channel(final InetSocketAddress local, final InetSocketAddress remote)
    {
        try
        {
            final DatagramChannel channel = DatagramChannel.open();
            try
            {
                channel.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 4 << 20);
                channel.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 4 << 20);
                channel.bind(local);
                channel.connect(remote);
                channel.configureBlocking(false);
                return channel;
            }
            catch (final IOException | RuntimeException e)
            {
                channel.close();
                throw e;
            }
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("udp: cannot open a socket on " + local + " toward " + remote + ": " +
                e.getMessage(), e);
        }
    }
}
