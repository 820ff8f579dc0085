package org.edm.cli.phy;

import org.edm.cli.EdmMain;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@code edm} through its real entry point with redirected standard streams, for command tests. */
final class EdmRun
{
    /** What a run printed and returned. */
    record Result(int exit, String out, String err)
    {
    }

    private EdmRun()
    {
    }

    /** Runs {@code edm args...} with {@code stdin} as standard input. */
    static Result run(final String stdin, final String... args)
    {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** Runs {@code edm args...} with the bytes as standard input. */
    static Result run(final byte[] stdin, final String... args)
    {
        final InputStream oldIn = System.in;
        final PrintStream oldOut = System.out;
        final PrintStream oldErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        try
        {
            System.setIn(new ByteArrayInputStream(stdin));
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            final int exit = EdmMain.run(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setIn(oldIn);
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
