/**
 * perftest, both ways. Output in its conventions: the banner, the exact table headers and rows ({@link
 * org.edm.bench.perftest.PerftestTable}), the {@code --out_json} document with perftest's keys, and HdrHistogram
 * {@code .hgrm} files. And the real-RDMA baseline of {@code edm bench}: runs perftest ({@code ib_read_lat},
 * {@code ib_write_bw}, ...) where an RDMA device exists, reads its output
 * ({@link org.edm.bench.perftest.PerftestOutputParser}) and folds it into the bench's results
 * ({@link org.edm.bench.perftest.PerftestBaseline}); elsewhere it says why it cannot
 * ({@link org.edm.bench.perftest.RdmaAvailability}).
 */
package org.edm.bench.perftest;
