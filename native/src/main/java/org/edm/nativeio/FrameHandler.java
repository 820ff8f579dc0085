package org.edm.nativeio;

import org.agrona.DirectBuffer;

/**
 * Receives one frame from {@link FramePort#poll(FrameHandler, int)}, in the style of Aeron's {@code FragmentHandler}.
 * <p>
 * The view is valid only during the call: for ring backends the bytes live in a slot that goes back to the kernel (or
 * to the peer) as soon as the handler returns. Copy what must outlive the call. The frame starts with the Ethernet
 * header (destination MAC, source MAC, EtherType) and has no FCS.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * @param buffer holding the frame; do not keep a reference to it.
     * @param offset of the first byte of the destination MAC.
     * @param length of the frame in bytes, Ethernet header included, FCS excluded.
     */
    void onFrame(DirectBuffer buffer, int offset, int length);
}
