/**
 * Output in perftest's conventions: the banner, the exact table headers and rows ({@link
 * org.edm.bench.perftest.PerftestTable}), the {@code --out_json} document with perftest's keys, and HdrHistogram
 * {@code .hgrm} files.
 */
package org.edm.bench.perftest;
