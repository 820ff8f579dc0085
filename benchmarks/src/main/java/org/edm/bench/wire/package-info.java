/**
 * Wire bytes: what framing predicts one remote read or write costs on the wire for EDM (66-bit blocks) and for the
 * software RoCE baseline (MAC frames with preamble, headers, ICRC, FCS and gap), the predicted EDM/RoCE throughput ratio
 * when the link is the bottleneck, the counter of what a fabric's links really carried, and the short run that
 * measures the ratio.
 */
package org.edm.bench.wire;
