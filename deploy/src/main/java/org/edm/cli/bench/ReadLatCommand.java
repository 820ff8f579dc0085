package org.edm.cli.bench;

import org.edm.bench.run.BenchTest;
import picocli.CommandLine.Command;

/** {@code edm bench read_lat}. */
@Command(name = "read_lat", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Remote read latency: each read is a full round trip (request out, data back), as ib_read_lat reports it.")
public final class ReadLatCommand extends BenchTestCommand
{
    protected BenchTest test()
    {
        return BenchTest.READ_LAT;
    }
}
