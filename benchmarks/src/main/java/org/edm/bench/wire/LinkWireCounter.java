package org.edm.bench.wire;

import org.edm.host.HostAgent;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.link.MacFrameSource;
import org.edm.phy.sw.SwitchEngine;
import org.edm.switchagent.LocalFabric;

import java.util.function.LongSupplier;

/**
 * The bytes one host's link has put on the wire, both directions, as the emulated PHY counts them: 8 per memory block
 * (one 66-bit block slot each), and for every MAC frame its preamble, padded frame, FCS and the lane-aligned gap it
 * forces ({@link MacFrameSource#wireBytes()}), i.e. the block slots it holds.
 * <pre>
 *   uplink   (host -> switch):  8 x host engine's blocks sent      + host MAC queue's frame wire bytes
 *   downlink (switch -> host):  8 x switch engine's blocks out(p)  + switch L2 egress(p)'s frame wire bytes
 * </pre>
 * Reads the agents' plain counters: exact when the agents run on the caller's thread, a moment stale otherwise.
 */
public final class LinkWireCounter implements LongSupplier
{
    private static final int BLOCK_BYTES = 8;

    private final HostAgent host;
    private final SwitchEngine switchEngine;
    private final MacFrameSource switchFrames;
    private final int port;

    private LinkWireCounter(final HostAgent host, final SwitchEngine switchEngine, final MacFrameSource switchFrames,
        final int port)
    {
        this.host = host;
        this.switchEngine = switchEngine;
        this.switchFrames = switchFrames;
        this.port = port;
    }

    /** The counter of {@code hostName}'s link on {@code fabric}. */
    public static LinkWireCounter of(final LocalFabric fabric, final String hostName)
    {
        final int port = switchPortOf(fabric.rack(), hostName);
        return new LinkWireCounter(fabric.host(hostName), fabric.switchAgent().engine(),
            fabric.switchAgent().ports().l2().frames(port), port);
    }

    /** The switch port cabled to a host: its position in the rack description (how the fabric numbers them). */
    static int switchPortOf(final RackDescription rack, final String hostName)
    {
        for (int p = 0; p < rack.hosts().size(); p++)
        {
            if (rack.hosts().get(p).name().equals(hostName))
            {
                return p;
            }
        }
        throw new IllegalArgumentException("rack '" + rack.name() + "' has no host '" + hostName + "'");
    }

    /** Host to switch. */
    public long uplink()
    {
        return BLOCK_BYTES * host.engine().blocksSent() + host.port().frames().wireBytes();
    }

    /** Switch to host. */
    public long downlink()
    {
        return BLOCK_BYTES * switchEngine.blocksOut(port) + switchFrames.wireBytes();
    }

    /** Both directions. */
    @Override
    public long getAsLong()
    {
        return uplink() + downlink();
    }
}
