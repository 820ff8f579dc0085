package org.edm.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A flow-size distribution in the reference generator's CDF file format (the {@code CDF_*.txt} of EDM-tracegen),
 * sampled the way that generator samples it.
 * <pre>
 *   4 1 0.00         value (flow size in MSS of 1460 B), an ignored column, cumulative probability
 *   4 1 0.70         70 % of flows are 4 MSS = 5840 B
 *   88 1 0.80        sizes between 4 and 88 MSS are spread linearly over the next 10 %
 *   920 1 1.00
 * </pre>
 * <b>Format.</b> One point per line: three whitespace-separated numbers. The middle column is read and ignored, as
 * the reference does (its loader reads it into the cumulative field and then overwrites it). Blank lines and lines
 * starting with {@code #} are skipped; the last line may lack its newline (four of the six reference files end
 * without one: {@code cat -A} shows {@code 920 1 1.00} with no {@code $}). Checks, each failing with the file, the
 * line and the problem: every field a finite number; values {@code >= 0} and non-decreasing; cumulative
 * probabilities in [0, 1] and non-decreasing; at least one point; the last cumulative probability within
 * {@value #TOLERANCE} of 1; the largest value small enough that a flow of that many MSS fits in an {@code int}.
 * <p>
 * <b>Sampling</b> ({@link #sampleMss(double)}), as the reference's smooth {@code EmpiricalRandomVariable::value}: for
 * a uniform {@code u}, if {@code u <= cdf[0]} the result is {@code value[0]}; otherwise take the first point {@code i}
 * with {@code cdf[i] >= u} (the last point if none) and interpolate linearly between points {@code i-1} and
 * {@code i} when {@code u < cdf[i]}, else return {@code value[i]}.
 * <p>
 * <b>Mean</b> ({@link #meanMss()}), as the reference's loader computes it for the arrival rate: the sum over points
 * of {@code (cdf[i] - cdf[i-1]) * (value[i] + value[i-1]) / 2}, starting from {@code cdf[-1] = 0} and
 * {@code value[-1] = 1}. For a file whose first cumulative probability is 0, as in every reference file, this is
 * exactly the mean of the interpolated distribution.
 */
public final class FlowSizeCdf
{
    /** Bytes per MSS unit of the CDF files. */
    public static final int MSS_BYTES = 1460;
    /** How far from 1 the last cumulative probability may be. */
    public static final double TOLERANCE = 1e-6;
    /** Largest value, in MSS, whose rounded size in bytes still fits in an int. */
    static final double MAX_VALUE_MSS = Integer.MAX_VALUE / MSS_BYTES - 1;

    private final double[] value;
    private final double[] cumulative;
    private final double meanMss;

    private FlowSizeCdf(final double[] value, final double[] cumulative)
    {
        this.value = value;
        this.cumulative = cumulative;
        double sum = 0;
        double previousCdf = 0;
        double previousValue = 1;
        for (int i = 0; i < value.length; i++)
        {
            sum += (cumulative[i] - previousCdf) * (value[i] + previousValue) / 2.0;
            previousCdf = cumulative[i];
            previousValue = value[i];
        }
        this.meanMss = sum;
    }

    /** Reads and checks the CDF file at {@code path}. */
    public static FlowSizeCdf read(final Path path) throws IOException
    {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.ISO_8859_1))
        {
            return read(reader, path.toString());
        }
    }

    /** Reads and checks a CDF; {@code name} stands for the file in messages. */
    public static FlowSizeCdf read(final Reader reader, final String name) throws IOException
    {
        final BufferedReader lines = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
        double[] values = new double[16];
        double[] cdf = new double[16];
        int count = 0;
        int lineNumber = 0;
        int lastLine = 0;
        String line;
        while ((line = lines.readLine()) != null)
        {
            lineNumber++;
            final String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#"))
            {
                continue;
            }
            final String[] fields = trimmed.split("\\s+");
            if (fields.length != 3)
            {
                throw new InputFileException(name, lineNumber, "expected 3 numbers (value in MSS, ignored column, " +
                    "cumulative probability), found " + fields.length + " fields");
            }
            final double pointValue = number(fields[0], "value", name, lineNumber);
            number(fields[1], "second column", name, lineNumber);
            final double pointCdf = number(fields[2], "cumulative probability", name, lineNumber);
            check(pointValue >= 0, name, lineNumber, "value must be >= 0, got " + fields[0]);
            check(pointValue <= MAX_VALUE_MSS, name, lineNumber,
                "value " + fields[0] + " MSS is too large: flows are at most " + (long)MAX_VALUE_MSS + " MSS");
            check(pointCdf >= 0 && pointCdf <= 1 + TOLERANCE, name, lineNumber,
                "cumulative probability must be in [0, 1], got " + fields[2]);
            if (count > 0)
            {
                check(pointValue >= values[count - 1], name, lineNumber, "values must not decrease: " + fields[0] +
                    " after " + values[count - 1]);
                check(pointCdf >= cdf[count - 1], name, lineNumber, "cumulative probabilities must not decrease: " +
                    fields[2] + " after " + cdf[count - 1]);
            }
            if (count == values.length)
            {
                values = Arrays.copyOf(values, count * 2);
                cdf = Arrays.copyOf(cdf, count * 2);
            }
            values[count] = pointValue;
            cdf[count] = pointCdf;
            count++;
            lastLine = lineNumber;
        }
        if (count == 0)
        {
            throw new InputFileException(name, 0, "no CDF points (the file holds only blank lines and comments)");
        }
        check(Math.abs(cdf[count - 1] - 1.0) <= TOLERANCE, name, lastLine,
            "the last cumulative probability must be 1, got " + cdf[count - 1]);
        return new FlowSizeCdf(Arrays.copyOf(values, count), Arrays.copyOf(cdf, count));
    }

    /** A CDF from points given in code; same checks as a file, reported against {@code name}. */
    public static FlowSizeCdf of(final String name, final double[] valuesMss, final double[] cumulative)
    {
        if (valuesMss.length != cumulative.length)
        {
            throw new IllegalArgumentException("valuesMss and cumulative differ in length");
        }
        final StringBuilder text = new StringBuilder();
        for (int i = 0; i < valuesMss.length; i++)
        {
            text.append(valuesMss[i]).append(" 1 ").append(cumulative[i]).append('\n');
        }
        try
        {
            return read(new StringReader(text.toString()), name);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /** Number of points. */
    public int points()
    {
        return value.length;
    }

    /** Value of point {@code i}, in MSS. */
    public double valueMss(final int i)
    {
        return value[i];
    }

    /** Cumulative probability of point {@code i}. */
    public double cumulative(final int i)
    {
        return cumulative[i];
    }

    /** The reference's mean flow size in MSS (see the class comment). */
    public double meanMss()
    {
        return meanMss;
    }

    /** The reference's mean flow size in bytes: {@link #meanMss()} times 1460. */
    public double meanBytes()
    {
        return meanMss * MSS_BYTES;
    }

    /** The flow size in MSS (not rounded) for the uniform variate {@code u} in [0, 1]. */
    public double sampleMss(final double u)
    {
        if (u <= cumulative[0] || value.length == 1)
        {
            return value[0];
        }
        int lo = 1;
        int hi = value.length - 1;
        while (lo < hi)
        {
            final int mid = (lo + hi) >>> 1;
            if (u > cumulative[mid])
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        if (u < cumulative[lo])
        {
            // cumulative[lo - 1] < u here (lo is the first point at or above u), so the span is never zero.
            final double x1 = cumulative[lo - 1];
            final double y1 = value[lo - 1];
            return y1 + (u - x1) * (value[lo] - y1) / (cumulative[lo] - x1);
        }
        return value[lo];
    }

    private static double number(final String text, final String what, final String name, final int line)
    {
        final double parsed;
        try
        {
            parsed = Double.parseDouble(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new InputFileException(name, line, what + " is not a number: '" + text + "'");
        }
        check(Double.isFinite(parsed), name, line, what + " is not a finite number: '" + text + "'");
        return parsed;
    }

    private static void check(final boolean condition, final String name, final int line, final String problem)
    {
        if (!condition)
        {
            throw new InputFileException(name, line, problem);
        }
    }
}
