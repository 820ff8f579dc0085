package org.edm.bench;

import org.openjdk.jmh.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/**
 * {@code edm jmh [JMH options] [benchmark regex]}: runs the project's JMH benchmarks with JMH's own command line.
 * Forks inherit this JVM's flags (the ones the launcher sets from the parent POM), so FFM and Agrona work in them.
 */
@Command(
    name = "jmh",
    description = {
        "Run the JMH microbenchmarks (block codec, carrier, link, scheduler, host engine).",
        "Everything after 'jmh' goes to JMH; '-h' shows JMH's options, '-l' lists the benchmarks.",
        "Example: edm jmh -f 1 -wi 3 -i 5 -prof gc PcsCodecBenchmark" },
    mixinStandardHelpOptions = false)
public final class JmhCommand implements Callable<Integer>
{
    @Parameters(arity = "0..*", paramLabel = "JMH-ARGS", description = "Arguments for JMH.")
    String[] arguments = new String[0];

    public Integer call() throws Exception
    {
        Main.main(arguments);
        return 0;
    }
}
