package org.edm.bench.baseline;

import org.edm.bench.perftest.PerftestInvocation;

/**
 * Where {@code --baseline perftest} runs real perftest: the RDMA device and GID index (perftest's {@code -d}, {@code
 * -x}), and the server (null: both sides on this machine over loopback; else a host where the user started the
 * matching server, e.g. {@code ib_read_lat -d mlx5_0}).
 *
 * @param device   RDMA device, or null for perftest's first.
 * @param gidIndex GID index, or -1 for perftest's default.
 * @param server   the server's address, or null.
 * @param port     the control TCP port.
 */
public record PerftestTarget(String device, int gidIndex, String server, int port)
{
    /** Both sides here, perftest's defaults. */
    public static PerftestTarget local()
    {
        return new PerftestTarget(null, -1, null, PerftestInvocation.DEFAULT_PORT);
    }
}
