/**
 * {@code edm bench}: the command line of the remote-memory microbenchmarks (options to a {@link
 * org.edm.bench.run.BenchPlan}, printing, progress, output files); the bench itself is {@link
 * org.edm.bench.run.BenchRunner} in the benchmarks module.
 */
package org.edm.cli.bench;
