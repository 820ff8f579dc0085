package org.edm.cli.phy;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.carrier.CarrierFrame;
import org.edm.phy.carrier.CarrierPacker;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MessageDescriptor;
import org.edm.phy.mem.Segmenter;
import org.edm.phy.pcs.BlockSink;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the packets of a test capture: carrier frames of one link direction made by the real {@link CarrierPacker}
 * from blocks the real {@link Segmenter} makes, and a few foreign frames.
 */
final class CarrierCapture
{
    static final long HOST_MAC = 0x02_00_00_00_00_01L;
    static final long SWITCH_MAC = 0x02_00_00_00_00_02L;

    private final CarrierPacker packer;
    private final Segmenter segmenter;
    private final Framing framing;
    private final List<long[]> blocks = new ArrayList<>();
    private long slot;

    CarrierCapture(final long sourceMac, final long destinationMac, final Framing framing)
    {
        this.packer = new CarrierPacker(destinationMac, sourceMac, CarrierFrame.DEFAULT_MAX_FRAME_LENGTH);
        this.framing = framing;
        this.segmenter = framing.newSegmenter();
    }

    /** Queues every block of a message for the next carrier frame. */
    CarrierCapture message(final MessageDescriptor message)
    {
        return message(message, 0, framing.blocks(message.messageClass(), message.length()));
    }

    /** Queues blocks {@code from} (inclusive) to {@code to} (exclusive) of a message. */
    CarrierCapture message(final MessageDescriptor message, final int from, final int to)
    {
        for (int index = from; index < to; index++)
        {
            final long payload = segmenter.encode(message, index);
            blocks.add(new long[] { segmenter.sync(), payload });
        }
        return this;
    }

    /** Queues a GRANT. */
    CarrierCapture grant(final int quota, final int tag, final int flags, final int peer)
    {
        final long payload = segmenter.grant(quota, tag, flags, peer);
        blocks.add(new long[] { segmenter.sync(), payload });
        return this;
    }

    /** Queues a NOTIF. */
    CarrierCapture notif(final int length, final int tag, final int receiver)
    {
        final long payload = segmenter.notif(length, tag, 0, receiver);
        blocks.add(new long[] { segmenter.sync(), payload });
        return this;
    }

    /** Queues blocks {@code from} (inclusive) to {@code to} (exclusive) of a MAC frame. */
    CarrierCapture blocks(final FrameBlocks frame, final int from, final int to)
    {
        for (int index = from; index < to; index++)
        {
            blocks.add(new long[] { frame.sync(index), frame.payload(index) });
        }
        return this;
    }

    /** Queues any block. */
    CarrierCapture block(final int sync, final long payload)
    {
        blocks.add(new long[] { sync, payload });
        return this;
    }

    /** Packs the queued blocks (idle ones are left out by the packer) into the next carrier frame of the link. */
    byte[] frame()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CarrierFrame.DEFAULT_MAX_FRAME_LENGTH]);
        packer.begin(buffer, 0, slot);
        final BlockSink sink = packer;
        for (final long[] block : blocks)
        {
            sink.accept((int)block[0], block[1]);
        }
        slot += blocks.size();
        blocks.clear();
        final int length = packer.finish(slot);
        return Arrays.copyOf(buffer.byteArray(), length);
    }

    /** An Ethernet frame of another protocol: broadcast destination, 46 zero bytes of payload. */
    static byte[] foreign(final long sourceMac, final int etherType)
    {
        final byte[] frame = new byte[60];
        Arrays.fill(frame, 0, 6, (byte)0xFF);
        for (int i = 0; i < 6; i++)
        {
            frame[6 + i] = (byte)(sourceMac >>> (40 - 8 * i));
        }
        frame[12] = (byte)(etherType >>> 8);
        frame[13] = (byte)etherType;
        return frame;
    }
}
