package org.edm.cli.bench;

import org.edm.bench.run.BenchTest;
import picocli.CommandLine.Command;

/** {@code edm bench write_lat}. */
@Command(name = "write_lat", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Remote write latency: the full round trip of each write (data out, acknowledgement back); perftest's ib_write_lat halves a ping-pong instead, so double its figures to compare.")
public final class WriteLatCommand extends BenchTestCommand
{
    protected BenchTest test()
    {
        return BenchTest.WRITE_LAT;
    }
}
