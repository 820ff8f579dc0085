/**
 * The baselines {@code edm bench} measures, each a {@link org.edm.bench.run.Baseline} giving {@link
 * org.edm.bench.harness.BenchTransport}s: EDM through a host agent's session, software RoCEv2 and the raw-frame floor
 * through the switch's L2 path, kernel UDP through TAP interfaces, and real perftest where an RDMA device exists
 * (an {@link org.edm.bench.run.ExternalBaseline}); {@link org.edm.bench.baseline.StandardBaselines} registers them.
 */
package org.edm.bench.baseline;
