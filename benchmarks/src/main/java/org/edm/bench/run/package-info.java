/**
 * The bench's runner: a {@link org.edm.bench.run.BenchPlan} (test, sizes, iterations or duration, depth, open-loop
 * rate, load, baselines, rack) run by {@link org.edm.bench.run.BenchRunner} into {@link
 * org.edm.bench.harness.RunResult}s; the {@link org.edm.bench.run.Baseline} seam through which each system under test
 * plugs in, and the fabric the runs drive from one thread.
 */
package org.edm.bench.run;
