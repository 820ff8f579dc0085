package org.edm.bench.run;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.harness.BenchTransport;
import org.edm.switchagent.FabricOptions;

/**
 * One system {@code edm bench} can measure (EDM, software RoCE, raw-frame ping-pong, kernel UDP, real perftest), as
 * the runner uses it for one fabric: first asked whether it can run there, then for the ordinary-frame endpoint each
 * host needs while the fabric is built (a RoCE queue pair, a raw-frame responder), then for one client transport per
 * issuing host once the fabric runs. A new instance serves one fabric ({@link BaselineRegistry} makes them).
 * <pre>
 *   unavailable(setup)            null, or why not ("needs a namespace rack with TAP ...")
 *   endpoint(host, setup)         per host, while the fabric is built (FrameEndpoint.NONE: nothing)
 *   options(options, setup)       once, while the fabric is built (port options, host-port wrappers)
 *   open(context, client, ...)    per issuing host, after: a BenchTransport toward the memory node
 * </pre>
 */
public interface Baseline
{
    /** The name {@code --baseline} takes and the report shows: "edm", "roce", "raw", "udp", "perftest". */
    String name();

    /** The banner's "Transport type": "EDM", "RoCEv2 (software)", "Raw Ethernet", ... */
    String transportType();

    /** Why it cannot run with this setup (said to the user, and the baseline is skipped), or null when it can. */
    String unavailable(BaselineSetup setup);

    /** The frame endpoint {@code host} needs, asked while the fabric is built; {@link FrameEndpoint#NONE} for none. */
    default FrameEndpoint endpoint(final String host, final BaselineSetup setup)
    {
        return FrameEndpoint.NONE;
    }

    /**
     * The fabric options it needs beyond its endpoints (port options, host-port wrappers), asked once while the fabric
     * is built; {@code options} already carries the endpoints. Unchanged by default.
     */
    default FabricOptions options(final FabricOptions options, final BaselineSetup setup)
    {
        return options;
    }

    /**
     * A client on {@code clientHost} toward the run's memory node.
     *
     * @param depth    operations it must allow in flight.
     * @param maxBytes the largest operation it will be given.
     */
    BenchTransport open(BaselineContext context, String clientHost, int depth, int maxBytes);
}
