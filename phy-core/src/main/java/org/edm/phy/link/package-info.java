/**
 * One direction of an EDM link as a stream of 66-bit block slots: the transmit slot arbiter that interleaves memory
 * blocks with MAC frames at block granularity ({@link org.edm.phy.link.TxSlotArbiter}, its
 * {@link org.edm.phy.link.SlotSource}s and the MAC frame encoder {@link org.edm.phy.link.MacFrameSource}), and the
 * receive demultiplexer that takes memory blocks out and hands interrupted frames on whole
 * ({@link org.edm.phy.link.RxDemux}); edm-protocol §3.
 * <p>
 * Conventions: everything here is single-threaded and driven by the caller with slot numbers; nothing reads a clock.
 * On the per-slot and per-block paths nothing allocates, throws, logs or locks: outcomes are return values and
 * counters. Constructors validate their configuration and throw {@link java.lang.IllegalArgumentException} naming the
 * field.
 */
package org.edm.phy.link;
