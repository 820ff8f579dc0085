package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.bench.roce.RoceCompletionListener;
import org.edm.bench.roce.RoceQpConfig;
import org.edm.bench.roce.RoceQueuePair;
import org.edm.bench.wire.LinkWireCounter;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.memory.MemoryRegions;
import org.edm.switchagent.FabricSettings;
import org.edm.switchagent.LocalFabric;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;

/**
 * The software RoCE baseline of {@code edm bench}, in two steps around opening the fabric:
 * <pre>
 *   FabricOptions options = FabricOptions.defaults().withEndpoints(RoceBaseline.endpoints(rack, pairs, roceOptions));
 *   try (LocalFabric fabric = LocalFabric.inMemory(rack, settings, options, report);
 *        RoceTransport roce = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce)) { ... }
 * </pre>
 * Step 1 gives each host of the pairs a {@link RoceEndpoint} (its software NIC); step 2 connects a client to a server
 * as an RDMA connection manager would: RC queue pairs at both ends with mirrored QPNs and PSNs, the server's serving
 * the region the server host's agent serves to EDM (the same memory, key and size), and returns the client's bench
 * transport. Both are control plane.
 */
public final class RoceBaseline
{
    /** The baseline's name in bench reports and on the command line. */
    public static final String NAME = "roce";

    /** A client host that reads and writes a server host's region. */
    public record Pair(String client, String server)
    {
    }

    private static final RoceCompletionListener SERVER_SUBMITS_NOTHING = (id, status, submitted, completed) -> { };

    private RoceBaseline()
    {
    }

    /**
     * Step 1: the frame endpoint of every host named in {@code pairs} (a {@link RoceEndpoint}), {@link FrameEndpoint#NONE}
     * for the others; for {@code FabricOptions.withEndpoints}.
     */
    public static Function<String, FrameEndpoint> endpoints(
        final RackDescription rack, final Collection<Pair> pairs, final RoceBaselineOptions options)
    {
        final Set<String> hosts = new HashSet<>();
        for (final Pair pair : pairs)
        {
            hosts.add(pair.client());
            hosts.add(pair.server());
        }
        return endpointsOf(rack, hosts, options);
    }

    /** Step 1 for every host of the rack: any host may then be a client or a server. */
    public static Function<String, FrameEndpoint> endpoints(final RackDescription rack, final RoceBaselineOptions options)
    {
        final Set<String> hosts = new HashSet<>();
        for (final RackDescription.Host host : rack.hosts())
        {
            hosts.add(host.name());
        }
        return endpointsOf(rack, hosts, options);
    }

    private static Function<String, FrameEndpoint> endpointsOf(
        final RackDescription rack, final Set<String> hosts, final RoceBaselineOptions options)
    {
        final Map<String, FrameEndpoint> endpoints = new HashMap<>();
        for (final String host : hosts)
        {
            endpoints.put(host, new RoceEndpoint(RoceAddress.of(rack, host), options));
        }
        return host -> endpoints.getOrDefault(host, FrameEndpoint.NONE);
    }

    /**
     * Step 2: connects {@code client} to {@code server} on an open fabric and returns the client's bench transport.
     *
     * @param dutyCycle runs the fabric's agents once when they are embedded in the bench's thread (e.g.
     *                  {@code fabric::runOnce}); null when they run on their own threads.
     * @throws IllegalArgumentException when a host has no RoCE endpoint or the server serves no memory.
     */
    public static RoceTransport transport(
        final LocalFabric fabric, final String client, final String server, final IntSupplier dutyCycle)
    {
        final RoceEndpoint clientEndpoint = endpointOf(fabric, client);
        final RoceBaselineOptions options = clientEndpoint.options();
        final Connected connected = connect(fabric, client, server);
        return new RoceTransport(connected.client, fabric.settings().regionBytes(), options.maxMessageBytes(),
            dutyCycle, LinkWireCounter.of(fabric, client), connected.release);
    }

    /**
     * Connects {@code client} to {@code server} and returns the client's handle, for callers that bring their own
     * buffers (tests, tools). {@link #disconnect} gives the queue pairs back.
     */
    public static RoceClient client(final LocalFabric fabric, final String client, final String server)
    {
        return connect(fabric, client, server).client;
    }

    private record Connected(RoceClient client, Runnable release)
    {
    }

    private static Connected connect(final LocalFabric fabric, final String clientHost, final String serverHost)
    {
        final RoceEndpoint client = endpointOf(fabric, clientHost);
        final RoceEndpoint server = endpointOf(fabric, serverHost);
        final RoceBaselineOptions options = client.options();
        final MemoryRegions regions = server.served(() -> regionOf(fabric, serverHost));
        final int key = fabric.settings().regionKey();
        final RoceConnection connection = new RoceConnection(options.outstanding(), key, options.queuePairs());
        final RoceQueuePair[] serverSide = new RoceQueuePair[options.queuePairs()];
        for (int k = 0; k < options.queuePairs(); k++)
        {
            final int clientQpn = client.allocateQpn();
            final int serverQpn = server.allocateQpn();
            final RoceQpConfig config = options.queuePairConfig()
                .localMac(client.address().mac())
                .remoteMac(server.address().mac())
                .localIp(client.address().ip())
                .remoteIp(server.address().ip())
                .localQpn(clientQpn)
                .remoteQpn(serverQpn)
                .initialPsn(initialPsn(clientQpn))
                .remoteInitialPsn(initialPsn(serverQpn));
            final RoceQueuePair clientSide = new RoceQueuePair(config, null, connection);
            serverSide[k] = new RoceQueuePair(config.mirror(), regions, SERVER_SUBMITS_NOTHING);
            connection.queuePair(k, clientSide);
        }
        // the server's side first, so that the client's first frame finds its queue pair
        for (int k = 0; k < options.queuePairs(); k++)
        {
            server.install(serverSide[k]);
            client.install(connection.queuePair(k));
        }
        client.install(connection);
        final Runnable release = () ->
        {
            client.uninstall(connection);
            for (int k = 0; k < serverSide.length; k++)
            {
                client.uninstall(connection.queuePair(k));
                server.uninstall(serverSide[k]);
            }
        };
        return new Connected(new RoceClient(connection, options.outstanding(), release), release);
    }

    /** Gives back the queue pairs of a client made by {@link #client}; its outstanding requests are abandoned. */
    public static void disconnect(final RoceClient client)
    {
        client.release();
    }

    /** The RoCE endpoint of a host of an open fabric. */
    public static RoceEndpoint endpointOf(final LocalFabric fabric, final String host)
    {
        final FrameEndpoint endpoint = fabric.host(host).frameEndpoint();
        if (!(endpoint instanceof RoceEndpoint roce))
        {
            throw new IllegalArgumentException("host '" + host + "' has no RoCE endpoint: open the fabric with " +
                "FabricOptions.withEndpoints(RoceBaseline.endpoints(...)) naming it");
        }
        return roce;
    }

    /** The region the server host's agent serves to EDM, registered for RoCE under the same key. */
    private static MemoryRegions regionOf(final LocalFabric fabric, final String host)
    {
        final MutableDirectBuffer region = fabric.region(host);
        final FabricSettings settings = fabric.settings();
        if (region == null)
        {
            throw new IllegalArgumentException("host '" + host + "' serves no memory (role " +
                fabric.rack().host(host).role() + ", region bytes " + settings.regionBytes() + ")");
        }
        final MemoryRegions regions = new MemoryRegions(Integer.MAX_VALUE);
        regions.register(settings.regionKey(), region, settings.regionBytes());
        return regions;
    }

    /** A start PSN that differs per queue pair and is not 0, so PSN arithmetic is exercised (and wraps in long runs). */
    private static int initialPsn(final int qpn)
    {
        return (int)((qpn * 0x9E37_79B9L) & 0xFF_FFFF);
    }
}
