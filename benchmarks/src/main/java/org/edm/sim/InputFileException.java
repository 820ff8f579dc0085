package org.edm.sim;

/**
 * A trace or CDF file the simulator cannot use. The message always reads {@code "<file>:<line>: <problem>"} (or
 * {@code "<file>: <problem>"} when no single line is at fault), so that a user can go straight to the line.
 */
public final class InputFileException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String problem;

    /**
     * @param file    the file as the user named it.
     * @param line    1-based line number, or 0 when the problem is not one line's.
     * @param problem what is wrong, without the file and line.
     */
    public InputFileException(final String file, final int line, final String problem)
    {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The file as the user named it. */
    public String file()
    {
        return file;
    }

    /** 1-based line number, or 0 when the problem is not one line's. */
    public int line()
    {
        return line;
    }

    /** What is wrong, without the file and line. */
    public String problem()
    {
        return problem;
    }
}
