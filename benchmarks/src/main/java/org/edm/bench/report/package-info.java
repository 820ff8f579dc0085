/**
 * The bench report: {@link org.edm.bench.report.BenchReport} renders a list of
 * {@link org.edm.bench.harness.RunResult}s as a side-by-side text table (EDM first, then every baseline, with
 * baseline/EDM ratios), as JSON with perftest's key names plus each class's latency CDF, as one self-contained HTML
 * page with inline SVG plots (latency CDFs, latency versus load), and as HdrHistogram {@code .hgrm} files.
 * <p>
 * Units follow perftest: latency in microseconds, bandwidth in MB/sec of 2^20 bytes (or Gb/sec of 10^9 bits),
 * message rate in millions of operations per second.
 */
package org.edm.bench.report;
