package org.edm.nativeio.socket;

import org.agrona.MutableDirectBuffer;

/**
 * The transmit half of a socket-backed {@link org.edm.nativeio.FramePort}: claim, commit, abort and flush with the
 * SPI's meaning and return codes. A port delegates its TX calls to one of these, chosen at open
 * ({@link SendmmsgSender}, or the AF_PACKET TX ring).
 */
public interface FrameSender
{
    MutableDirectBuffer buffer();

    int tryClaim(int length);

    int commit(int length);

    int abort();

    int flush();

    int pendingFrames();
}
