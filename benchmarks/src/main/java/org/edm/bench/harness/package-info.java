/**
 * The contract of {@code edm bench}: {@link org.edm.bench.harness.BenchTransport}, what every baseline (EDM, software
 * RoCE, raw frames, kernel UDP) implements for the bench's loops, and {@link org.edm.bench.harness.RunResult}, what a
 * run produces and the report renders.
 */
package org.edm.bench.harness;
