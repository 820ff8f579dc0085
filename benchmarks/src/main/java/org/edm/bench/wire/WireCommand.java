package org.edm.bench.wire;

import org.edm.bench.roce.fabric.RoceBaselineOptions;
import org.edm.switchagent.FabricSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * {@code edm bench wire}: the wire bytes per operation framing predicts for EDM and for the RoCE baseline, the EDM/RoCE
 * throughput ratio that predicts when the links are the bottleneck, and, with {@code --measure}, the ratio measured
 * on an in-memory fabric at a low emulated line rate (issue 6 item 10).
 */
@Command(name = "wire", mixinStandardHelpOptions = true,
    description = {
        "Wire bytes per 8- and 64-byte READ and WRITE: EDM's 66-bit blocks against RoCEv2 frames (preamble, " +
            "headers, ICRC, FCS, minimum frame, gap), per link direction, and the predicted EDM/RoCE throughput " +
            "ratio with the links as the bottleneck.",
        "With --measure, runs both systems from one client to one memory host through an in-memory fabric at a " +
            "line rate low enough for the links to be the bottleneck, and prints the measured ratio beside the " +
            "prediction (about 8 x seconds + 10 s in all)." },
    footer = { "", "The default line rate, 2 Mb/s, keeps the links the bottleneck on a shared 2-core machine even when " +
        "other work takes the CPU for tens of milliseconds; on an idle machine 0.01 to 0.1 Gb/s works too.", "",
        "Example:", "  edm bench wire --measure --seconds 2" })
public final class WireCommand implements Runnable
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--line-rate", defaultValue = "0.002",
        description = "Emulated line rate in Gb/s, for the ops/s columns and --measure; default ${DEFAULT-VALUE}.")
    double lineRateGbps;

    @Option(names = "--measure", description = "Also measure the ratio on an in-memory fabric.")
    boolean measure;

    @Option(names = "--seconds", defaultValue = "2",
        description = "Measured seconds per system and row; default ${DEFAULT-VALUE}.")
    double seconds;

    @Option(names = "--depth", defaultValue = "256",
        description = "Operations kept outstanding (a power of two); default ${DEFAULT-VALUE}.")
    int depth;

    public void run()
    {
        final PrintWriter out = spec.commandLine().getOut();
        if (!(lineRateGbps > 0 && lineRateGbps <= 400) || seconds <= 0 || seconds > 600 || depth < 1 ||
            depth > 4096 || Integer.bitCount(depth) != 1)
        {
            throw new CommandLine.ParameterException(spec.commandLine(), "--line-rate must be in (0, 400], " +
                "--seconds in (0, 600], --depth a power of two in 1..4096");
        }
        final FabricSettings settings = FabricSettings.defaults();
        final RoceBaselineOptions roce = RoceBaselineOptions.defaults();
        final List<WireBytePrediction.Comparison> rows = WireBytePrediction.standardRows(settings.framing(),
            settings.chunkBytes(), roce.mtu(), roce.ackCoalesce());
        out.printf(Locale.ROOT, "predicted wire bytes per operation (%s framing, %d-byte chunks; RoCE MTU %d)%n",
            settings.framing().name(), settings.chunkBytes(), roce.mtu());
        out.print(WireBytePrediction.table(rows, lineRateGbps));
        out.flush();
        if (measure)
        {
            out.printf(Locale.ROOT, "%nmeasuring at %s Gb/s, %d outstanding, %s s per system and row%n",
                lineRateGbps, depth, seconds);
            out.flush();
            final List<WireRatioMeasurement.Row> measured = WireRatioMeasurement.measureInMemory(lineRateGbps,
                seconds, depth, line ->
                {
                    out.println("  " + line);
                    out.flush();
                });
            out.print(WireRatioMeasurement.table(measured, lineRateGbps));
            out.flush();
        }
    }
}
