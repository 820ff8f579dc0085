package org.edm.bench.roce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an outside program for a test: its standard output, exit code, and whether it could be run at all. */
public final class ExternalTool
{
    public record Result(int exitCode, String output, String errors)
    {
    }

    private ExternalTool()
    {
    }

    /** Runs {@code command} with {@code input} on its standard input; null when it cannot be started or hangs. */
    public static Result run(final List<String> command, final String input, final Path directory)
    {
        final Process process;
        try
        {
            final ProcessBuilder builder = new ProcessBuilder(command);
            if (directory != null)
            {
                builder.directory(directory.toFile());
            }
            process = builder.start();
        }
        catch (final IOException e)
        {
            return null;
        }
        try
        {
            final CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> read(process, true));
            try (var stdin = process.getOutputStream())
            {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            final String output = read(process, false);
            if (!process.waitFor(120, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
                return null;
            }
            return new Result(process.exitValue(), output, errors.join());
        }
        catch (final IOException e)
        {
            process.destroyForcibly();
            return null;
        }
        catch (final InterruptedException e)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String read(final Process process, final boolean errors)
    {
        try
        {
            return new String(
                (errors ? process.getErrorStream() : process.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            return "";
        }
    }

    /**
     * The Python interpreter to use for scapy: {@code EDM_PYTHON} when set (CI points it at the interpreter its
     * package install went to), else {@code python3} from the PATH.
     */
    public static String python()
    {
        final String configured = System.getenv("EDM_PYTHON");
        return configured == null || configured.isBlank() ? "python3" : configured;
    }
}
