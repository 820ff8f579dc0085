package org.edm.cli.bench;

import org.edm.bench.wire.WireCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edm bench}: the perftest-style remote-memory microbenchmarks. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {
        "Remote-memory microbenchmarks in perftest's style: read and write latency and bandwidth of EDM and its " +
            "baselines, with perftest's options, table and JSON keys, HdrHistogram .hgrm files, an open-loop mode " +
            "and loaded cases (incast, background writes, ordinary frames, read/write mixes).",
        "Without --rack the whole fabric runs in this process over in-memory cables (no root needed); with --rack " +
            "it runs on a local rack's AF_PACKET ports ('edm rack up', root) or as one compute host of a lab rack.",
        "",
        "Examples:",
        "  edm bench read_lat                              2-byte reads, in-memory rack",
        "  edm bench read_lat -a --baseline edm,raw        all sizes, EDM and raw floor",
        "  edm bench read_bw -s 64 -t 64 --report_gbits    64 B reads, 64 in flight",
        "  edm bench read_lat --load incast=8,bulk-writes  8-to-1 incast, bulk writers",
        "  edm bench read_lat --rate 20000 --hgrm lat.hgrm open loop, .hgrm file",
        "  edm bench write_lat --rack /run/edm/racks/r0.yaml -n 10000 --out_json",
        "  edm bench read_lat -s 64 --baseline edm,roce,raw --report out/   side by side, HTML report",
        "  edm bench wire --measure                        wire bytes per operation, EDM vs RoCE",
        "",
        "Latency is always a full round trip in microseconds (t_typical is the median); see 'edm bench read_lat " +
            "--help' for every option." },
    subcommands = { ReadLatCommand.class, WriteLatCommand.class, ReadBwCommand.class, WriteBwCommand.class,
        WireCommand.class, CommandLine.HelpCommand.class })
public final class BenchCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public void run()
    {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
