package org.edm.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Test support: runs an {@code edm} command line in this JVM and keeps its exit code and output. */
public final class EdmCli
{
    /**
     * What a command did.
     *
     * @param exitCode its exit code.
     * @param out      standard output.
     * @param err      standard error.
     */
    public record Result(int exitCode, String out, String err)
    {
        public String toString()
        {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private EdmCli()
    {
    }

    public static Result run(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final CommandLine edm = EdmMain.newCommandLine();
        edm.setOut(new PrintWriter(out, true));
        edm.setErr(new PrintWriter(err, true));
        final int code = edm.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
