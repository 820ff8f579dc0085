/**
 * The software RoCEv2 baseline: RC READ and WRITE over the real RoCEv2 wire format, as pure state machines the agents
 * and the emulated PHY drive like EDM's engines. {@link org.edm.bench.roce.RoceQueuePair} is the entry point;
 * {@link org.edm.bench.roce.RoceWireBytes} gives the wire bytes per operation for the bench report. No congestion
 * control, no PFC, no SEND, no atomics.
 */
package org.edm.bench.roce;
