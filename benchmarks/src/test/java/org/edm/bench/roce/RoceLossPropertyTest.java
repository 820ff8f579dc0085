package org.edm.bench.roce;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Go-back-N recovers whatever the wire does: for any seed, a batch of READs and WRITEs of random sizes over a wire
 * that loses, duplicates and reorders frames (both ways) completes, every request exactly once, in order, with
 * SUCCESS and the right bytes at both ends.
 */
class RoceLossPropertyTest
{
    private static final long SECOND = 1_000_000_000L;

    @Property(tries = 300)
    void everyRequestShouldCompleteOnceWithTheRightData(
        @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) final long seed,
        @ForAll @IntRange(min = 0, max = 30) final int lossPercent,
        @ForAll @IntRange(min = 0, max = 10) final int duplicatePercent,
        @ForAll @IntRange(min = 0, max = 20) final int reorderPercent)
    {
        final Random random = new Random(seed);
        final int mtu = random.nextBoolean() ? 1024 : 4096;
        final int reads = 1 + random.nextInt(4);
        final RoceQpConfig config = RoceLink.defaultConfig()
            .mtu(mtu).timeoutNanos(100_000).retryLimit(100).ackCoalesce(random.nextInt(9))
            .maxOutstandingReads(reads).responderReads(reads)
            .initialPsn(Psn.MASK - random.nextInt(50));
        final RoceLink link = new RoceLink(config, seed, 1 + random.nextInt(4));
        link.aToB.loss(lossPercent / 100.0).duplicate(duplicatePercent / 100.0).reorder(reorderPercent / 100.0, 20_000);
        link.bToA.loss(lossPercent / 100.0).duplicate(duplicatePercent / 100.0).reorder(reorderPercent / 100.0, 20_000);

        final int requests = 1 + random.nextInt(12);
        final int slot = 40_000;
        final byte[] remote = new byte[requests * slot];
        random.nextBytes(remote);
        link.memoryB.putBytes(0, remote);
        final byte[] local = new byte[requests * slot];
        random.nextBytes(local);
        final UnsafeBuffer localBuffer = new UnsafeBuffer(local.clone());
        final boolean[] isRead = new boolean[requests];
        final int[] lengths = new int[requests];
        for (int i = 0; i < requests; i++)
        {
            isRead[i] = random.nextBoolean();
            lengths[i] = 1 + random.nextInt(random.nextBoolean() ? 64 : slot);
            final int status = isRead[i] ?
                link.a.submitRead(i, (long)i * slot, RoceLink.RKEY, lengths[i], localBuffer, i * slot, link.now) :
                link.a.submitWrite(i, (long)i * slot, RoceLink.RKEY, lengths[i], localBuffer, i * slot, link.now);
            assertThat(status).isEqualTo(RoceStatus.OK);
        }

        assertThat(link.runUntilCompleted(requests, 20 * SECOND)).as("all completed").isTrue();
        link.settle();

        assertThat(link.completions).hasSize(requests);
        for (int i = 0; i < requests; i++)
        {
            final RoceLink.Completion completion = link.completions.get(i);
            assertThat(completion.requestId()).isEqualTo(i);
            assertThat(completion.status()).as("status of %d", i).isEqualTo(RoceStatus.SUCCESS);
            final byte[] expected = new byte[lengths[i]];
            final byte[] actual = new byte[lengths[i]];
            if (isRead[i])
            {
                System.arraycopy(remote, i * slot, expected, 0, lengths[i]);
                localBuffer.getBytes(i * slot, actual);
            }
            else
            {
                System.arraycopy(local, i * slot, expected, 0, lengths[i]);
                link.memoryB.getBytes(i * slot, actual);
            }
            assertThat(actual).as("data of request %d (%s, %d bytes)", i, isRead[i] ? "READ" : "WRITE", lengths[i])
                .isEqualTo(expected);
        }
        assertThat(link.a.inError()).isFalse();
        assertThat(link.b.inError()).isFalse();
        assertThat(link.a.outstanding()).isZero();
        assertThat(link.b.responder().expectedPsn()).isEqualTo(link.a.requester().nextPsn());
    }
}
