package org.edm.bench.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and when the runs were measured, as the report's header states it.
 *
 * @param machine a one-line description: host name, CPU, core count, operating system, Java version.
 * @param date    when the report was made, ISO-8601 with the UTC offset.
 */
public record ReportHeader(String machine, String date)
{
    /** This machine, now. */
    public static ReportHeader current()
    {
        return current(Clock.systemDefaultZone());
    }

    /** This machine, at the clock's time. */
    public static ReportHeader current(final Clock clock)
    {
        final String date = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return new ReportHeader(describeMachine(), date);
    }

    private static String describeMachine()
    {
        final List<String> facts = new ArrayList<>();
        final String cpu = cpuModel();
        if (!cpu.isEmpty())
        {
            facts.add(cpu);
        }
        facts.add(Runtime.getRuntime().availableProcessors() + " cpus");
        facts.add(System.getProperty("os.name") + " " + System.getProperty("os.version") + " " +
            System.getProperty("os.arch"));
        facts.add("Java " + System.getProperty("java.version"));
        return hostName() + " (" + String.join(", ", facts) + ")";
    }

    private static String hostName()
    {
        // The kernel's name first: InetAddress may wait on a resolver.
        final String kernelName = firstLine(Path.of("/proc/sys/kernel/hostname"), "");
        if (!kernelName.isBlank())
        {
            return kernelName.strip();
        }
        try
        {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (final IOException ex)
        {
            return "unknown host";
        }
    }

    private static String cpuModel()
    {
        final String line = firstLine(Path.of("/proc/cpuinfo"), "model name");
        final int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).strip().replaceAll("\\s+", " ");
    }

    /** The first line of a file that starts with the prefix, or "" when there is none or it cannot be read. */
    private static String firstLine(final Path file, final String prefix)
    {
        try (var lines = Files.lines(file))
        {
            return lines.filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix)).findFirst().orElse("");
        }
        catch (final IOException | RuntimeException ex)
        {
            return "";
        }
    }
}
