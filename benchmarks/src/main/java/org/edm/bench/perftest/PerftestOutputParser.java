package org.edm.bench.perftest;

import org.edm.bench.perftest.PerftestReport.BandwidthRow;
import org.edm.bench.perftest.PerftestReport.BandwidthUnit;
import org.edm.bench.perftest.PerftestReport.DurationLatencyRow;
import org.edm.bench.perftest.PerftestReport.LatencyRow;
import org.edm.bench.perftest.PerftestReport.Row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what perftest ({@code ib_read_lat}, {@code ib_write_bw}, ...) prints and saves, as perftest 4.5 writes it:
 * <pre>
 *   banner      " Dual-port       : OFF\t\tDevice         : mlx5_0" ... key : value pairs, two per line at most
 *   latency     " #bytes #iterations    t_min[usec] ... 99.9% percentile[usec] "    9 columns per row
 *   duration    " #bytes        #iterations       t_avg[usec]    tps average"       4 columns (-D)
 *   bandwidth   " #bytes     #iterations    BW peak[MB/sec]    BW average[MB/sec]   MsgRate[Mpps]"   5 columns,
 *               "[Gb/sec]" with --report_gbits; a sixth column of CPU use with --cpu_util is ignored
 *   samples     "#, usec" then "1, 1.91" ... one line per iteration (-H)
 *   JSON        --out_json: "test_info: { ... }, results: { MsgSize: 8, n_iterations: 1000, t_min: ... }";
 *               perftest leaves the keys unquoted; quoted keys are read as well
 * </pre>
 * Rows follow their header until a line of dashes. Anything else (addresses, warnings such as "Conflicting CPU
 * frequency values detected") is skipped. A row whose columns are not numbers, or are too few, is an error naming the
 * line, as is output with no table at all.
 */
public final class PerftestOutputParser
{
    static final String LATENCY_HEADER = " #bytes #iterations    t_min[usec]    t_max[usec]  t_typical[usec]    " +
        "t_avg[usec]    t_stdev[usec]   99% percentile[usec]   99.9% percentile[usec]";
    static final String DURATION_HEADER = " #bytes        #iterations       t_avg[usec]    tps average";
    static final String BANDWIDTH_HEADER = " #bytes     #iterations    BW peak[MB/sec]    BW average[MB/sec]   " +
        "MsgRate[Mpps]";
    static final String BANDWIDTH_HEADER_GBITS = " #bytes     #iterations    BW peak[Gb/sec]    BW average[Gb/sec]   " +
        "MsgRate[Mpps]";
    static final String SAMPLES_HEADER = "#, usec";

    /** " key : value", two per banner line at most, separated by tabs (" rdma_cm QPs\t : OFF" has one inside). */
    private static final Pattern SETTING = Pattern.compile("([A-Za-z][^:\\t]*?)\\s*:\\s*(\\S[^\\t]*?)\\s*(?=\\t|$)");
    private static final Pattern JSON_PAIR = Pattern.compile(
        "\"?([A-Za-z_][A-Za-z0-9_.]*)\"?\\s*:\\s*(\"([^\"]*)\"|[^,\\s{}]+)");
    private static final Pattern SAMPLE = Pattern.compile("^(\\d+),\\s*(\\S+)\\s*$");

    private enum Table
    {
        NONE, LATENCY, DURATION, BANDWIDTH, BANDWIDTH_GBITS, SAMPLES
    }

    private PerftestOutputParser()
    {
    }

    /**
     * Parses perftest's printed output.
     *
     * @throws IllegalArgumentException naming the line when a row does not parse, or when there is no result table.
     */
    public static PerftestReport parseText(final String output)
    {
        String title = "";
        final Map<String, String> settings = new LinkedHashMap<>();
        final List<Row> rows = new ArrayList<>();
        List<Double> samples = new ArrayList<>();
        Table table = Table.NONE;
        boolean sawTable = false;
        final String[] lines = output.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i];
            final String trimmed = line.strip();
            final Table header = headerOf(line);
            if (header != Table.NONE)
            {
                table = header;
                sawTable |= header != Table.SAMPLES;
                continue;
            }
            if (trimmed.startsWith("----"))
            {
                table = Table.NONE;
                continue;
            }
            if (trimmed.isEmpty())
            {
                continue;
            }
            if (table == Table.SAMPLES)
            {
                final Matcher sample = SAMPLE.matcher(trimmed);
                if (sample.matches())
                {
                    samples.add(number(sample.group(2), i, line));
                    continue;
                }
                table = Table.LATENCY;
            }
            if (table != Table.NONE && Character.isDigit(trimmed.charAt(0)))
            {
                rows.add(row(table, trimmed.split("\\s+"), i, line, samples));
                samples = new ArrayList<>();
                continue;
            }
            if (table == Table.NONE && title.isEmpty() && trimmed.endsWith(" Test") && !trimmed.contains(":"))
            {
                title = trimmed;
                continue;
            }
            if (!sawTable && !trimmed.startsWith("local address") && !trimmed.startsWith("remote address") &&
                !trimmed.startsWith("GID:") && !trimmed.startsWith("#"))
            {
                final Matcher setting = SETTING.matcher(line);
                while (setting.find())
                {
                    settings.putIfAbsent(setting.group(1).strip(), setting.group(2));
                }
            }
        }
        if (!sawTable)
        {
            throw new IllegalArgumentException("no perftest result table in the output (" + firstLines(output) + ")");
        }
        return new PerftestReport(title, settings, rows);
    }

    /**
     * Parses a report saved with {@code --out_json}: its test_info pairs become the settings, its results one row.
     *
     * @param bandwidthUnit the unit of a bandwidth test's BW values: the JSON does not say, the run's flags do
     *                      ({@code --report_gbits}).
     * @throws IllegalArgumentException when there is no results block or a value is missing or not a number.
     */
    public static PerftestReport parseJson(final String json, final BandwidthUnit bandwidthUnit)
    {
        final int results = resultsBlock(json);
        if (results < 0)
        {
            throw new IllegalArgumentException("no \"results\" block in the perftest JSON report (" +
                firstLines(json) + ")");
        }
        final Map<String, String> info = pairs(json.substring(0, results));
        final int end = json.indexOf('}', results);
        final Map<String, String> values = pairs(json.substring(results, end < 0 ? json.length() : end));
        final Row row;
        if (values.containsKey("t_typical"))
        {
            row = new LatencyRow(integer(values, "MsgSize"), integer(values, "n_iterations"), real(values, "t_min"),
                real(values, "t_max"), real(values, "t_typical"), real(values, "t_avg"), real(values, "t_stdev"),
                real(values, "percentile_99"), real(values, "percentile_99.9"), List.of());
        }
        else if (values.containsKey("tps_average"))
        {
            row = new DurationLatencyRow(integer(values, "MsgSize"), integer(values, "n_iterations"),
                real(values, "t_avg"), real(values, "tps_average"));
        }
        else if (values.containsKey("BW_average"))
        {
            row = new BandwidthRow(integer(values, "MsgSize"), integer(values, "n_iterations"),
                real(values, "BW_peak"), real(values, "BW_average"), real(values, "MsgRate"), bandwidthUnit);
        }
        else
        {
            throw new IllegalArgumentException("the perftest JSON results have neither t_typical, tps_average nor " +
                "BW_average: " + values.keySet());
        }
        final String title = info.getOrDefault("test", "").replace('_', ' ').strip();
        return new PerftestReport(title, info, List.of(row));
    }

    private static Table headerOf(final String line)
    {
        final String stripped = line.stripTrailing();
        if (stripped.equals(LATENCY_HEADER))
        {
            return Table.LATENCY;
        }
        if (stripped.equals(DURATION_HEADER))
        {
            return Table.DURATION;
        }
        if (stripped.equals(BANDWIDTH_HEADER))
        {
            return Table.BANDWIDTH;
        }
        if (stripped.equals(BANDWIDTH_HEADER_GBITS))
        {
            return Table.BANDWIDTH_GBITS;
        }
        return stripped.strip().equals(SAMPLES_HEADER) ? Table.SAMPLES : Table.NONE;
    }

    private static Row row(final Table table, final String[] columns, final int index, final String line,
        final List<Double> samples)
    {
        final int needed = switch (table)
        {
            case LATENCY -> 9;
            case DURATION -> 4;
            default -> 5;
        };
        if (columns.length < needed)
        {
            throw new IllegalArgumentException("line " + (index + 1) + ": " + needed + " columns expected, " +
                columns.length + " found: '" + line.strip() + "'");
        }
        final long bytes = (long)number(columns[0], index, line);
        final long iterations = (long)number(columns[1], index, line);
        return switch (table)
        {
            case LATENCY -> new LatencyRow(bytes, iterations, number(columns[2], index, line),
                number(columns[3], index, line), number(columns[4], index, line), number(columns[5], index, line),
                number(columns[6], index, line), number(columns[7], index, line), number(columns[8], index, line),
                samples);
            case DURATION -> new DurationLatencyRow(bytes, iterations, number(columns[2], index, line),
                number(columns[3], index, line));
            default -> new BandwidthRow(bytes, iterations, number(columns[2], index, line),
                number(columns[3], index, line), number(columns[4], index, line),
                table == Table.BANDWIDTH_GBITS ? BandwidthUnit.GB_PER_SEC : BandwidthUnit.MB_PER_SEC);
        };
    }

    private static double number(final String text, final int index, final String line)
    {
        try
        {
            final double value = Double.parseDouble(text);
            if (!Double.isFinite(value) || value < 0)
            {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("line " + (index + 1) + ": '" + text + "' is not a number in '" +
                line.strip() + "'");
        }
    }

    /** Where the results block's pairs start, or -1. */
    private static int resultsBlock(final String json)
    {
        final Matcher matcher = Pattern.compile("\"?results\"?\\s*:\\s*\\{").matcher(json);
        return matcher.find() ? matcher.end() : -1;
    }

    private static Map<String, String> pairs(final String text)
    {
        final Map<String, String> pairs = new LinkedHashMap<>();
        for (final String line : text.split("\r?\n"))
        {
            if (line.strip().startsWith("#"))
            {
                continue;
            }
            final Matcher matcher = JSON_PAIR.matcher(line);
            while (matcher.find())
            {
                pairs.put(matcher.group(1), matcher.group(3) != null ? matcher.group(3) : matcher.group(2));
            }
        }
        return pairs;
    }

    private static long integer(final Map<String, String> values, final String key)
    {
        return (long)real(values, key);
    }

    private static double real(final Map<String, String> values, final String key)
    {
        final String value = values.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("the perftest JSON results have no " + key);
        }
        try
        {
            return Double.parseDouble(value);
        }
        catch (final NumberFormatException e)
        {
            throw new IllegalArgumentException("the perftest JSON results' " + key + " is not a number: " + value);
        }
    }

    private static String firstLines(final String text)
    {
        final String start = text.strip().lines().limit(2).reduce((a, b) -> a + " / " + b).orElse("empty");
        return start.length() > 160 ? start.substring(0, 160) + "..." : start;
    }
}
