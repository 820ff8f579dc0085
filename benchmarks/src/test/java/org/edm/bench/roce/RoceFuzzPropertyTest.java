package org.edm.bench.roce;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Received bytes never make a queue pair throw or misbehave: real frames with random bytes changed (the ICRC not
 * checked, so they reach the transport) or cut short, fed to both ends, end in a return code; requests still
 * complete exactly once (or are flushed once, if the noise put a queue pair in the error state).
 */
class RoceFuzzPropertyTest
{
    private static final List<byte[]> SAMPLES = SampleExchange.frames();

    @Property(tries = 300)
    void mutatedFramesShouldOnlyEverBeCountedOrTaken(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed,
        @ForAll @IntRange(min = 1, max = 40) final int frames)
    {
        final Random random = new Random(seed);
        final RoceLink link = new RoceLink(RoceLink.defaultConfig().verifyIcrc(false).timeoutNanos(50_000), seed, 4);
        link.a.submitRead(1, 0, RoceLink.RKEY, 5000, null, 0, link.now);
        link.a.submitWrite(2, 64, RoceLink.RKEY, 3000, null, 0, link.now);
        link.step();
        for (int i = 0; i < frames; i++)
        {
            final byte[] frame = SAMPLES.get(random.nextInt(SAMPLES.size())).clone();
            final int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++)
            {
                frame[random.nextInt(frame.length)] = (byte)random.nextInt();
            }
            final int length = random.nextInt(8) == 0 ? random.nextInt(frame.length + 1) : frame.length;
            final RoceQueuePair target = random.nextBoolean() ? link.a : link.b;
            final int result = target.accept(new UnsafeBuffer(frame), 0, length, link.now);
            assertThat(result).isBetween(RoceQueuePair.IN_ERROR, RoceQueuePair.OK);
            link.step();
        }

        link.runUntilCompleted(2, 100_000_000L);

        assertThat(link.completions).hasSize(2);
        assertThat(link.completionCount).allSatisfy((id, count) -> assertThat(count).isOne());
    }
}
