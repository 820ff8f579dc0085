package org.edm.bench.baseline;

import org.edm.agent.FrameEndpoint;
import org.edm.bench.harness.BenchTransport;
import org.edm.bench.roce.fabric.RoceBaseline;
import org.edm.bench.roce.fabric.RoceBaselineOptions;
import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineContext;
import org.edm.bench.run.BaselineSetup;
import org.agrona.BitUtil;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Software RoCEv2 as a baseline: RC queue pairs riding each host agent's ordinary-frame path, so their frames cross
 * the same emulated links (paced at the same line rate, counted in wire bytes with preamble and gap) and the switch
 * agent's L2 path (a FIFO per egress port), READ and WRITE against the region the memory node serves to EDM.
 */
public final class RoceBenchBaseline implements Baseline
{
    /** {@link RoceBaselineOptions} keeps at most this much of request buffers per client. */
    private static final long MAX_BUFFERS = 1L << 30;

    private Function<String, FrameEndpoint> endpoints;

    public String name()
    {
        return RoceBaseline.NAME;
    }

    public String transportType()
    {
        return "RoCEv2 RC (software, on the emulated links)";
    }

    public String unavailable(final BaselineSetup setup)
    {
        if (!setup.wholeRack())
        {
            return "the software RoCE baseline needs both ends in this process (the responder runs on the memory " +
                "node's host agent); run it on a local rack or with --in-memory";
        }
        final long outstanding = BitUtil.findNextPositivePowerOfTwo(Math.max(1, setup.depth()));
        if (outstanding * setup.maxBytes() > MAX_BUFFERS)
        {
            return "queue depth " + setup.depth() + " x " + setup.maxBytes() + " B operations needs more than 1 GiB " +
                "of RoCE request buffers per client; lower -t or the largest size";
        }
        return null;
    }

    public FrameEndpoint endpoint(final String host, final BaselineSetup setup)
    {
        if (endpoints == null)
        {
            final List<RoceBaseline.Pair> pairs = new ArrayList<>();
            for (final String client : setup.roles().issuers())
            {
                pairs.add(new RoceBaseline.Pair(client, setup.roles().memory()));
            }
            endpoints = RoceBaseline.endpoints(setup.rack(), pairs, options(setup));
        }
        return endpoints.apply(host);
    }

    public BenchTransport open(
        final BaselineContext context, final String clientHost, final int depth, final int maxBytes)
    {
        final Runnable duty = context.duty();
        return RoceBaseline.transport(context.fabric().localFabric(), clientHost, context.setup().roles().memory(),
            duty == BaselineContext.RUNNER_DRIVES ? null : () ->
            {
                duty.run();
                return 1;
            });
    }

    /** Room for the run's depth and largest operation; a timeout as long as the bench's. */
    private static RoceBaselineOptions options(final BaselineSetup setup)
    {
        final int outstanding = BitUtil.findNextPositivePowerOfTwo(Math.max(1, setup.depth()));
        return RoceBaselineOptions.defaults()
            .withOutstanding(Math.max(outstanding, RoceBaselineOptions.defaults().outstanding()))
            .withMaxMessageBytes(Math.max(setup.maxBytes(), 1));
    }
}
