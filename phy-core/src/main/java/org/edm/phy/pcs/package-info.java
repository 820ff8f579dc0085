/**
 * The physical coding sublayer of IEEE 802.3 clause 49: 66-bit blocks, the 64b/66b encoder and decoder between
 * XGMII and blocks, and the self-synchronizing scrambler. Blocks are primitives everywhere: an {@code int} sync
 * header and a {@code long} payload (see {@link org.edm.phy.pcs.Block}); XGMII transfers are a {@code long} of data
 * (lane 0 in the low byte) and an {@code int} of control flags (bit i for lane i).
 * <pre>
 *   transmit:  XGMII (txd, txc) --BlockEncoder--&gt; (sync, payload) --[Scrambler]--&gt;   line
 *   receive:   line --[Descrambler]--&gt; (sync, payload) --BlockDecoder--&gt; XGMII (rxd, rxc)
 *
 *   BlockCodec     stateless ENCODE / DECODE and T_TYPE / R_TYPE of one vector (figure 49-7, table 49-1)
 *   BlockEncoder   transmit state machine (figure 49-14), per transfer and bulk into a BlockBuffer
 *   BlockDecoder   receive state machine (figure 49-15) with its one-block R_TYPE_NEXT lookahead, per block and bulk
 *   VectorType     the classes C, S, T, D, E both state machines run on
 *   Scrambler, Descrambler   x^58 + x^39 + 1 on the payload, 64 bits per step; optional, off unless added
 * </pre>
 */
package org.edm.phy.pcs;
