package org.edm.bench.roce;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.wire.GoldenFrames;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Frames of real exchanges between two queue pairs, for the tests against outside decoders: the four golden frames,
 * then every opcode this baseline sends (WRITE First/Middle/Last/Only, READ Request, READ Response First/Middle/Last/
 * Only, ACK), payloads with 0 to 3 pad bytes, a PSN sequence error NAK and a remote access error NAK.
 */
final class SampleExchange
{
    private SampleExchange()
    {
    }

    static List<byte[]> frames()
    {
        final List<byte[]> frames = new ArrayList<>();
        for (final byte[] golden : GoldenFrames.encoded())
        {
            frames.add(golden);
        }
        final long second = 1_000_000_000L;
        final byte[] data = new byte[4096];
        new Random(42).nextBytes(data);
        final UnsafeBuffer source = new UnsafeBuffer(data);

        final RoceLink clean = new RoceLink(RoceLink.defaultConfig().ackCoalesce(2), 1, 4);
        clean.record = true;
        clean.memoryB.putBytes(0, data);
        clean.a.submitWrite(1, 0x100, RoceLink.RKEY, 2999, source, 0, clean.now);
        clean.a.submitRead(2, 0x10, RoceLink.RKEY, 2998, null, 0, clean.now);
        clean.a.submitWrite(3, 0x2000, RoceLink.RKEY, 5, source, 7, clean.now);
        clean.a.submitRead(4, 0x40, RoceLink.RKEY, 8, null, 0, clean.now);
        clean.a.submitRead(5, 0x40, RoceLink.RKEY, 1, null, 0, clean.now);
        require(clean.runUntilCompleted(5, second));
        clean.settle();
        frames.addAll(clean.sent);

        final RoceLink lossy = new RoceLink(RoceLink.defaultConfig(), 2, 4);
        lossy.record = true;
        lossy.aToB.drop(1);
        lossy.a.submitWrite(1, 0, RoceLink.RKEY, 3 * 1024, source, 0, lossy.now);
        require(lossy.runUntilCompleted(1, second));
        lossy.settle();
        frames.addAll(lossy.sent);

        final RoceLink refused = new RoceLink(RoceLink.defaultConfig(), 3, 4);
        refused.record = true;
        refused.a.submitRead(1, 0, 0xBAD, 64, null, 0, refused.now);
        require(refused.runUntilCompleted(1, second));
        refused.settle();
        frames.addAll(refused.sent);
        return frames;
    }

    private static void require(final boolean done)
    {
        if (!done)
        {
            throw new AssertionError("sample exchange did not complete");
        }
    }
}
