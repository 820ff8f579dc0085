package org.edm.cli.bench;

import org.edm.bench.run.BenchTest;
import picocli.CommandLine.Command;

/** {@code edm bench read_bw}. */
@Command(name = "read_bw", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Remote read bandwidth: -t reads in flight (default 128), BW peak, BW average and message rate, as ib_read_bw reports them.")
public final class ReadBwCommand extends BenchTestCommand
{
    protected BenchTest test()
    {
        return BenchTest.READ_BW;
    }
}
