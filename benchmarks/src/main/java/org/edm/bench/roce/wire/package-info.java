/**
 * The RoCEv2 wire format, one class per layout with its diagram: Ethernet, IPv4, UDP (port 4791), the InfiniBand
 * BTH, RETH and AETH, the ICRC, and a frame writer and validating reader built from them. Static accessors over Agrona
 * buffers; no allocation.
 */
package org.edm.bench.roce.wire;
