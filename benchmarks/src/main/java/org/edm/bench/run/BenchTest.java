package org.edm.bench.run;

import org.edm.bench.harness.BenchTransport;

import java.util.Locale;

/** The four tests of {@code edm bench}, named as perftest names its programs (without the {@code ib_} prefix). */
public enum BenchTest
{
    READ_LAT(BenchTransport.READ, true, "Read Latency Test"),
    WRITE_LAT(BenchTransport.WRITE, true, "Write Latency Test"),
    READ_BW(BenchTransport.READ, false, "Read BW Test"),
    WRITE_BW(BenchTransport.WRITE, false, "Write BW Test");

    /** perftest's defaults: 2-byte messages and 1000 iterations for latency, 64 KiB and 5000 for bandwidth. */
    public static final int LATENCY_SIZE = 2;
    public static final int BANDWIDTH_SIZE = 65536;
    public static final long LATENCY_ITERATIONS = 1000;
    public static final long BANDWIDTH_ITERATIONS = 5000;
    /** perftest's default TX depth of the bandwidth tests; latency tests keep one operation in flight. */
    public static final int BANDWIDTH_TX_DEPTH = 128;

    private final int operation;
    private final boolean latency;
    private final String title;

    BenchTest(final int operation, final boolean latency, final String title)
    {
        this.operation = operation;
        this.latency = latency;
        this.title = title;
    }

    /** {@link BenchTransport#READ} or {@link BenchTransport#WRITE}. */
    public int operation()
    {
        return operation;
    }

    /** True for the latency tests, false for the bandwidth tests. */
    public boolean isLatency()
    {
        return latency;
    }

    /** "read_lat", "write_bw", ... */
    public String label()
    {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The title after the transport's name, as perftest's banner shows it: "Read Latency Test". */
    public String title()
    {
        return title;
    }

    /** "read" or "write": the measured class of traffic. */
    public String operationName()
    {
        return operationName(operation);
    }

    public static String operationName(final int operation)
    {
        return operation == BenchTransport.READ ? "read" : "write";
    }

    public int defaultSize()
    {
        return latency ? LATENCY_SIZE : BANDWIDTH_SIZE;
    }

    public long defaultIterations()
    {
        return latency ? LATENCY_ITERATIONS : BANDWIDTH_ITERATIONS;
    }

    public int defaultTxDepth()
    {
        return latency ? 1 : BANDWIDTH_TX_DEPTH;
    }

    /** The test called {@code label}, or an exception listing the tests. */
    public static BenchTest of(final String label)
    {
        for (final BenchTest test : values())
        {
            if (test.label().equals(label))
            {
                return test;
            }
        }
        throw new IllegalArgumentException("test '" + label + "' is none of read_lat, write_lat, read_bw, write_bw");
    }
}
