/**
 * The physical coding sublayer of IEEE 802.3 clause 49: 66-bit blocks, the 64b/66b encoder and decoder between
 * XGMII and blocks, and the self-synchronizing scrambler. Blocks are primitives everywhere: an {@code int} sync
 * header and a {@code long} payload (see {@link org.edm.phy.pcs.Block}).
 */
package org.edm.phy.pcs;
