package org.edm.bench.baseline;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.harness.BenchTransport;
import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineContext;
import org.edm.bench.run.BaselineSetup;

import java.util.HashMap;
import java.util.Map;

/**
 * The raw-frame floor: request and reply frames between a client's host agent and a responder on the memory node's
 * host agent, through the same switch agent (its L2 path) and the same emulated links as EDM's memory traffic, with
 * replies sized as the read or write would move. Needs every agent in this process (the responder lives on the memory
 * node's agent).
 */
public final class RawBaseline implements Baseline
{
    private final Map<String, RawClientEndpoint> clients = new HashMap<>();

    public String name()
    {
        return "raw";
    }

    public String transportType()
    {
        return "Raw Ethernet (L2 frames through the switch agent, no memory)";
    }

    public String unavailable(final BaselineSetup setup)
    {
        return setup.wholeRack() ? null : "the raw-frame floor needs the whole rack in this process (its responder " +
            "runs on the memory node's host agent); run it on a local rack or with --in-memory";
    }

    public FrameEndpoint endpoint(final String host, final BaselineSetup setup)
    {
        final String memory = setup.roles().memory();
        if (host.equals(memory))
        {
            return new RawServerEndpoint(setup.mac(memory), setup.mtu());
        }
        if (setup.roles().issuers().contains(host))
        {
            final RawClientEndpoint client = new RawClientEndpoint(setup.mac(host), setup.mac(memory), setup.mtu());
            clients.put(host, client);
            return client;
        }
        return FrameEndpoint.NONE;
    }

    public BenchTransport open(
        final BaselineContext context, final String clientHost, final int depth, final int maxBytes)
    {
        final RawClientEndpoint client = clients.get(clientHost);
        if (client == null)
        {
            throw new IllegalStateException("raw: host " + clientHost + " got no client endpoint when the fabric was " +
                "built");
        }
        return new RawTransport(client, context.duty(), depth, context.timeoutNanos(),
            context.setup().settings().regionBytes());
    }
}
