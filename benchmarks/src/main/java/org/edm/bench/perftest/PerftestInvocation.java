package org.edm.bench.perftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One perftest run as {@code edm bench --baseline perftest} asks for it, with the bench's flags mapped onto
 * perftest's own (toolchain doc §4.1):
 * <pre>
 *   test read_lat -> ib_read_lat   -s size | -a     -n iterations | -D seconds    --report_gbits (bandwidth tests)
 *   -d device  -x GID index  -p control port  -F (no CPU frequency warning)  -H (every sample: latency, -n runs)
 *   server:  ib_read_lat FLAGS          client:  ib_read_lat FLAGS SERVER
 * </pre>
 *
 * @param test             read_lat, write_lat, read_bw or write_bw.
 * @param size             message size in bytes (ignored with {@code allSizes}).
 * @param allSizes         -a: every size from 2 to 2^23.
 * @param iterations       -n, or 0 for perftest's default (1000 for latency, 5000 for bandwidth).
 * @param durationSeconds  -D, or 0 to run by iterations.
 * @param reportGbits      --report_gbits (bandwidth tests).
 * @param device           -d, or null for perftest's first device.
 * @param gidIndex         -x (RoCE needs the GID of the interface's address), or -1 for perftest's default.
 * @param server           the host running the server side, or null to run both sides here over loopback.
 * @param port             the control TCP port (-p; perftest's default 18515).
 */
public record PerftestInvocation(
    String test,
    int size,
    boolean allSizes,
    int iterations,
    int durationSeconds,
    boolean reportGbits,
    String device,
    int gidIndex,
    String server,
    int port)
{
    /** The tests perftest has a program for, as the bench names them. */
    public static final Set<String> TESTS = Set.of("read_lat", "write_lat", "read_bw", "write_bw");
    public static final int DEFAULT_PORT = 18515;

    public PerftestInvocation
    {
        if (!TESTS.contains(test))
        {
            throw new IllegalArgumentException("test=" + test + " must be one of read_lat, write_lat, read_bw, write_bw");
        }
        if (size < 1 || size > 1 << 23)
        {
            throw new IllegalArgumentException("size=" + size + " must be 1..8388608 (perftest's largest message)");
        }
        if (iterations < 0 || durationSeconds < 0 || (iterations > 0 && durationSeconds > 0))
        {
            throw new IllegalArgumentException("iterations=" + iterations + " and durationSeconds=" + durationSeconds +
                " must be >= 0, and not both set");
        }
        if (port < 1 || port > 65535)
        {
            throw new IllegalArgumentException("port=" + port + " must be 1..65535");
        }
    }

    /** A run of {@code test} at {@code size} bytes with perftest's defaults otherwise, both sides here. */
    public static PerftestInvocation of(final String test, final int size)
    {
        return new PerftestInvocation(test, size, false, 0, 0, false, null, -1, null, DEFAULT_PORT);
    }

    /** The perftest program: ib_read_lat, ib_write_bw, ... */
    public String program()
    {
        return "ib_" + test;
    }

    public boolean latency()
    {
        return test.endsWith("_lat");
    }

    /** "read" or "write": the class of traffic the report shows. */
    public String operation()
    {
        return test.substring(0, test.indexOf('_'));
    }

    /** The flags both sides run with (perftest requires the same ones at both ends). */
    public List<String> flags()
    {
        final List<String> flags = new ArrayList<>();
        if (device != null)
        {
            flags.add("-d");
            flags.add(device);
        }
        if (gidIndex >= 0)
        {
            flags.add("-x");
            flags.add(Integer.toString(gidIndex));
        }
        flags.add("-p");
        flags.add(Integer.toString(port));
        flags.add("-F");
        if (allSizes)
        {
            flags.add("-a");
        }
        else
        {
            flags.add("-s");
            flags.add(Integer.toString(size));
        }
        if (durationSeconds > 0)
        {
            flags.add("-D");
            flags.add(Integer.toString(durationSeconds));
        }
        else if (iterations > 0)
        {
            flags.add("-n");
            flags.add(Integer.toString(iterations));
        }
        if (latency() && durationSeconds == 0)
        {
            // every sample, so the bench records a real histogram rather than perftest's summary
            flags.add("-H");
        }
        if (!latency() && reportGbits)
        {
            flags.add("--report_gbits");
        }
        return flags;
    }

    /** The server side's command line. */
    public List<String> serverCommand(final String programPath)
    {
        final List<String> command = new ArrayList<>();
        command.add(programPath);
        command.addAll(flags());
        return command;
    }

    /** The client side's command line, connecting to {@code serverAddress}. */
    public List<String> clientCommand(final String programPath, final String serverAddress)
    {
        final List<String> command = serverCommand(programPath);
        command.add(serverAddress);
        return command;
    }
}
