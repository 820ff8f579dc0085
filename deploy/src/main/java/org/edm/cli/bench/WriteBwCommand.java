package org.edm.cli.bench;

import org.edm.bench.run.BenchTest;
import picocli.CommandLine.Command;

/** {@code edm bench write_bw}. */
@Command(name = "write_bw", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Remote write bandwidth: -t writes in flight (default 128), BW peak, BW average and message rate, as ib_write_bw reports them.")
public final class WriteBwCommand extends BenchTestCommand
{
    protected BenchTest test()
    {
        return BenchTest.WRITE_BW;
    }
}
