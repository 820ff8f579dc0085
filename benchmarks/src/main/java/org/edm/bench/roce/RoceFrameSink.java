package org.edm.bench.roce;

import org.agrona.MutableDirectBuffer;

/**
 * Where a queue pair writes the frame it emits: claim room, write in place, commit. The shape of
 * {@code FramePort.tryClaim/commit}, so a port's TX buffer is written without a copy ({@link FramePortSink}); a
 * sink may as well copy the committed frame into a MAC queue of the emulated PHY. Frames are Ethernet header through
 * ICRC, without FCS.
 */
public interface RoceFrameSink
{
    /** The buffer that offsets from {@link #claim(int)} point into. */
    MutableDirectBuffer buffer();

    /**
     * Reserves room for one frame of exactly {@code length} bytes.
     *
     * @return the offset of the frame's first byte in {@link #buffer()}, or a negative value when no frame can be
     *         taken now (the queue pair keeps its frame for a later emit and changes nothing).
     */
    int claim(int length);

    /** The claimed frame is written: send it. */
    void commit(int length);
}
