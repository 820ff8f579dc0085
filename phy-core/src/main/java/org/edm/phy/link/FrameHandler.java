package org.edm.phy.link;

import org.agrona.DirectBuffer;

/**
 * Receives whole MAC frames from {@link RxDemux}, in the order they were sent. The frame is destination MAC through
 * payload, FCS removed, still padded to at least 60 bytes by the sender's MAC (as Linux AF_PACKET delivers it). The
 * bytes are only valid during the call: copy what must be kept.
 */
@FunctionalInterface
public interface FrameHandler
{
    void onFrame(DirectBuffer buffer, int offset, int length);
}
