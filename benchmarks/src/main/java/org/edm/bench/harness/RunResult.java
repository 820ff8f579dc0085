package org.edm.bench.harness;

import java.util.List;

/**
 * One measured run: a test (read_lat, write_lat, read_bw, write_bw) of one baseline at one message size under one
 * load, with a result per class of traffic. The report (text table, JSON, HTML) is built from a list of these.
 *
 * @param baseline     "edm", "roce", "raw", "udp" or "perftest".
 * @param test         "read_lat", "write_lat", "read_bw" or "write_bw".
 * @param load         "unloaded", or a load's name such as "incast-8+bulk-writes" or "open-loop 200000/s".
 * @param offeredRate  operations per second offered in open-loop mode, 0 for the closed loop.
 * @param size         message size in bytes.
 * @param lineRateGbps the emulated line rate the ports ran at (0 when not emulated, e.g. real perftest).
 * @param transport    how the ports were reached: "in-memory cables", "AF_PACKET in namespaces", "RDMA device ...".
 * @param classes      the measured class first ("read" or "write"), then the background classes.
 */
public record RunResult(
    String baseline,
    String test,
    String load,
    double offeredRate,
    int size,
    double lineRateGbps,
    String transport,
    List<ClassResult> classes)
{
    public RunResult
    {
        classes = List.copyOf(classes);
        if (classes.isEmpty())
        {
            throw new IllegalArgumentException("a run has at least its measured class");
        }
    }

    /** The class the test measures (reads for read tests, writes for write tests). */
    public ClassResult measured()
    {
        return classes.getFirst();
    }
}
