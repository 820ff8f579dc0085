package org.edm.bench.baseline;

import org.edm.bench.harness.BenchTransport;
import org.edm.bench.run.Baseline;
import org.edm.bench.run.BaselineContext;
import org.edm.bench.run.BaselineSetup;

/** EDM itself: remote reads and writes through a {@code RemoteMemory} session of the client's host agent. */
public final class EdmBaseline implements Baseline
{
    public String name()
    {
        return "edm";
    }

    public String transportType()
    {
        return "EDM";
    }

    public String unavailable(final BaselineSetup setup)
    {
        return null;
    }

    public BenchTransport open(
        final BaselineContext context, final String clientHost, final int depth, final int maxBytes)
    {
        return new EdmTransport("edm", context.fabric().host(clientHost), context.memoryNodeId(), context.regionKey(),
            context.setup().settings().regionBytes(), depth, maxBytes, context.duty());
    }
}
