/**
 * The software RoCE baseline on the emulated fabric: each host's {@link org.edm.bench.roce.fabric.RoceEndpoint} (its
 * software NIC, the host agent's frame endpoint) runs RC queue pairs whose frames travel as ordinary MAC frames on the
 * same emulated PHY as EDM's blocks, paced at the same line rate, through the switch agent's L2 path;
 * {@link org.edm.bench.roce.fabric.RoceBaseline} sets it up and hands the bench a
 * {@link org.edm.bench.roce.fabric.RoceTransport}.
 */
package org.edm.bench.roce.fabric;
