package org.edm.bench.wire;

/**
 * Wire bytes one operation puts on each direction of the path from a client through the switch to a memory server.
 * <pre>
 *   client --clientUp--> switch --serverDown--> server
 *   client <-clientDown- switch <--serverUp---- server
 * </pre>
 * With the links as the bottleneck, operations complete at most at line rate / {@link #bottleneck()}.
 *
 * @param clientUp   client to switch.
 * @param clientDown switch to client.
 * @param serverDown switch to server.
 * @param serverUp   server to switch.
 */
public record LinkBytes(double clientUp, double clientDown, double serverDown, double serverUp)
{
    /** The busiest direction: what limits throughput when links are the bottleneck. */
    public double bottleneck()
    {
        return Math.max(Math.max(clientUp, clientDown), Math.max(serverDown, serverUp));
    }

    /** Both directions of the client's link (what a bench transport's wireBytes counts). */
    public double clientLink()
    {
        return clientUp + clientDown;
    }

    /** Operations per second the bottleneck direction allows at {@code lineRateGbps}. */
    public double operationsPerSecond(final double lineRateGbps)
    {
        return lineRateGbps * 1e9 / 8 / bottleneck();
    }
}
