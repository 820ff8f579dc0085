package org.edm.bench.report;

import org.edm.bench.harness.ClassResult;

/**
 * The unit bandwidth is reported in, with perftest's factors: its MB/sec is 2^20 bytes per second and its Gb/sec
 * ({@code --report_gbits}) is 10^9 bits per second ({@code format_factor} 0x100000 or 125000000 in perftest's
 * {@code print_report_bw}).
 */
public enum ThroughputUnit
{
    MB_PER_SEC("MB/sec", "2^20 bytes/s, as perftest's", 0x100000),
    GB_PER_SEC("Gb/sec", "10^9 bits/s", 125_000_000);

    private final String label;
    private final String meaning;
    private final double bytesPerSecondPerUnit;

    ThroughputUnit(final String label, final String meaning, final double bytesPerSecondPerUnit)
    {
        this.label = label;
        this.meaning = meaning;
        this.bytesPerSecondPerUnit = bytesPerSecondPerUnit;
    }

    /** "MB/sec (2^20 bytes/s, as perftest's)": the label and what it stands for. */
    public String description()
    {
        return label + " (" + meaning + ")";
    }

    /** "MB/sec" or "Gb/sec", as perftest's headers write it. */
    public String label()
    {
        return label;
    }

    /** The class's best payload rate over a short window (perftest's BW peak) in this unit; NaN when not measured. */
    public double peakBandwidth(final ClassResult result)
    {
        return result.peakBytesPerSecond() > 0 ? result.peakBytesPerSecond() / bytesPerSecondPerUnit : Double.NaN;
    }

    /** The class's payload bandwidth in this unit; NaN when no interval was measured. */
    public double bandwidth(final ClassResult result)
    {
        return result.seconds() <= 0 ? Double.NaN : result.bytes() / result.seconds() / bytesPerSecondPerUnit;
    }
}
