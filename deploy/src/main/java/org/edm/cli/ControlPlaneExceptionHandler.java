package org.edm.cli;

import picocli.CommandLine;

/**
 * Turns an exception that escapes a command into one clear line on stderr and exit code 1. Stack traces are shown only
 * when {@code EDM_DEBUG} is set: users see what is wrong and what to do, developers can still get the trace.
 */
final class ControlPlaneExceptionHandler implements CommandLine.IExecutionExceptionHandler
{
    public int handleExecutionException(
        final Exception ex, final CommandLine commandLine, final CommandLine.ParseResult parseResult)
    {
        final String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        commandLine.getErr().println(commandLine.getCommandName() + ": " + message);
        if (System.getenv("EDM_DEBUG") != null)
        {
            ex.printStackTrace(commandLine.getErr());
        }
        return 1;
    }
}
