package org.edm.phy.pcs;

/**
 * Receives a stream of 66-bit blocks, one call per block, in stream order. Blocks are primitives (see {@link Block}):
 * implementations must not keep references beyond the call and must not throw on any input, because they sit on the
 * data path (a transmit arbiter writing a slot, a carrier unpacker delivering a batch, a receive demultiplexer).
 */
@FunctionalInterface
public interface BlockSink
{
    /**
     * Accepts one block.
     *
     * @param sync    the 2-bit sync header ({@link Block#SYNC_DATA}, {@link Block#SYNC_CONTROL}, or one of the two
     *                values clause 49 leaves invalid).
     * @param payload the 64-bit payload, bit 0 first on the wire.
     */
    void accept(int sync, long payload);
}
