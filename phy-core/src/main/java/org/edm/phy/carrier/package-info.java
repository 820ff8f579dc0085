/**
 * Carrier frames: the raw Ethernet frames (EtherType 0x88B5) that carry the 66-bit block stream of one link direction
 * between machines (architecture.md §5). {@link org.edm.phy.carrier.CarrierFrame} is the layout;
 * {@link org.edm.phy.carrier.CarrierPacker} builds frames in place, {@link org.edm.phy.carrier.CarrierUnpacker}
 * validates them and hands the blocks on, {@link org.edm.phy.carrier.LinkSequenceTracker} classifies link sequence
 * numbers and {@link org.edm.phy.carrier.CarrierReceiver} puts the receive side together per link.
 * <p>
 * Conventions: single-threaded; packing and unpacking read and write Agrona buffers in place, never copy a frame and
 * never allocate; malformed frames are return codes ({@link org.edm.phy.carrier.CarrierStatus}) and counters, never
 * exceptions.
 */
package org.edm.phy.carrier;
