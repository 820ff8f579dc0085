package org.edm.nativeio.rack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edm.nativeio.PortSetupException;

/**
 * Runs iproute2's {@code ip} for the control plane (namespaces, veth pairs, link state) and turns a failure into a
 * {@link PortSetupException} that quotes the command and what {@code ip} said. Every run is bounded in time.
 */
public final class IpCommand
{
    /** Longest one {@code ip} call may take before it is killed. */
    public static final long TIMEOUT_SECONDS = 20;

    private IpCommand()
    {
    }

    /** Runs {@code ip args...}; returns its standard output; throws on a non-zero exit. */
    public static String run(final String... args)
    {
        final Result result = tryRun(args);
        if (result.exitCode() != 0)
        {
            throw new PortSetupException("'" + result.command() + "' failed (exit " + result.exitCode() + "): " +
                result.output().strip() + hint(result.output()));
        }
        return result.output();
    }

    /** Runs {@code ip args...} and returns its exit code and merged output, whatever they are. */
    public static Result tryRun(final String... args)
    {
        final List<String> command = new ArrayList<>(args.length + 1);
        command.add("ip");
        command.addAll(List.of(args));
        final String text = String.join(" ", command);
        final Process process;
        try
        {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        }
        catch (final IOException e)
        {
            throw new PortSetupException("cannot run '" + text + "': " + e.getMessage() +
                "; install iproute2 (Debian: apt-get install iproute2)", e);
        }
        try
        {
            process.getOutputStream().close();
            final byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                throw new PortSetupException("'" + text + "' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(text, process.exitValue(), new String(output, StandardCharsets.UTF_8));
        }
        catch (final IOException e)
        {
            process.destroyForcibly();
            throw new PortSetupException("cannot read the output of '" + text + "': " + e.getMessage(), e);
        }
        catch (final InterruptedException e)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PortSetupException("interrupted while running '" + text + "'", e);
        }
    }

    /** True when {@code ip} can be run at all. */
    public static boolean isAvailable()
    {
        try
        {
            return tryRun("-V").exitCode() == 0;
        }
        catch (final PortSetupException e)
        {
            return false;
        }
    }

    private static String hint(final String output)
    {
        if (output.contains("Operation not permitted"))
        {
            return " (creating namespaces and veth pairs needs root or CAP_NET_ADMIN + CAP_SYS_ADMIN; without them, " +
                "run the rack with in-memory ports)";
        }
        return "";
    }

    /** What one {@code ip} run did. */
    public record Result(String command, int exitCode, String output)
    {
    }
}
