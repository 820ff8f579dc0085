/**
 * The baselines {@code edm bench} measures, each a {@link org.edm.bench.run.Baseline} giving {@link
 * org.edm.bench.harness.BenchTransport}s: EDM through a host agent's session, and the raw-frame floor through the
 * switch's L2 path; {@link org.edm.bench.baseline.StandardBaselines} registers them (and the placeholders of those
 * still to come).
 */
package org.edm.bench.baseline;
