package org.edm.bench.roce.fabric;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.RoceStatus;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * EDM memory traffic and RoCE frames on the same links at the same time: every round a batch of EDM writes and RoCE
 * writes is in flight together, then each system reads back what the other wrote (they serve the same region). Every
 * operation must succeed with the right bytes, and both kinds of traffic must really have crossed the client's link.
 */
class RoceBesideEdmTest
{
    private static final int KEY = 1;
    private static final int MEMORY_NODE = 1;
    private static final int BATCH = 8;
    private static final int ROUNDS = 12;
    private static final int MAX_SIZE = 3000;

    private final RackDescription rack = RoceFabrics.rack("mix", COMPUTE, MEMORY);
    private final List<Integer> edmStatuses = new ArrayList<>();
    private final List<Integer> roceStatuses = new ArrayList<>();

    @Test
    void shouldCompleteEdmAndRoceOperationsCorrectlyWhileTheyShareTheLinks()
    {
        final SplittableRandom random = new SplittableRandom(7);
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10));
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory edm = fabric.host("h0").newSession(64, fabric::runOnce);
            final RoceClient roce = RoceBaseline.client(fabric, "h0", "h1");
            final MemorySegment edmData = arena.allocate(BATCH * MAX_SIZE);
            final UnsafeBuffer roceData = new UnsafeBuffer(arena.allocate(BATCH * MAX_SIZE).address(),
                BATCH * MAX_SIZE);
            long edmFramesBefore = 0;
            for (int round = 0; round < ROUNDS; round++)
            {
                // EDM writes slots 0..7 and RoCE slots 8..15 of this round's 16 slots of MAX_SIZE bytes
                final long base = (long)round * 2 * BATCH * MAX_SIZE;
                final int[] sizes = new int[2 * BATCH];
                final byte[][] written = new byte[2 * BATCH][];
                for (int i = 0; i < 2 * BATCH; i++)
                {
                    sizes[i] = 1 + random.nextInt(MAX_SIZE);
                    written[i] = new byte[sizes[i]];
                    random.nextBytes(written[i]);
                }
                for (int i = 0; i < BATCH; i++)
                {
                    final MemorySegment slice = edmData.asSlice((long)i * MAX_SIZE, sizes[i]);
                    slice.copyFrom(MemorySegment.ofArray(written[i]));
                    assertThat(edm.write(MEMORY_NODE, KEY, base + (long)i * MAX_SIZE, slice,
                        (id, status) -> edmStatuses.add(status))).isNotNegative();
                    roceData.putBytes(i * MAX_SIZE, written[BATCH + i]);
                    assertThat(roce.write(base + (long)(BATCH + i) * MAX_SIZE, sizes[BATCH + i], roceData,
                        i * MAX_SIZE, i)).isZero();
                }
                awaitBoth(fabric, edm, roce);

                // each reads back what the other wrote
                edmData.fill((byte)0);
                roceData.setMemory(0, BATCH * MAX_SIZE, (byte)0);
                for (int i = 0; i < BATCH; i++)
                {
                    final MemorySegment slice = edmData.asSlice((long)i * MAX_SIZE, sizes[BATCH + i]);
                    assertThat(edm.read(MEMORY_NODE, KEY, base + (long)(BATCH + i) * MAX_SIZE, slice,
                        (id, status) -> edmStatuses.add(status))).isNotNegative();
                    assertThat(roce.read(base + (long)i * MAX_SIZE, sizes[i], roceData, i * MAX_SIZE, i)).isZero();
                }
                awaitBoth(fabric, edm, roce);
                for (int i = 0; i < BATCH; i++)
                {
                    final byte[] edmRead = edmData.asSlice((long)i * MAX_SIZE, sizes[BATCH + i]).toArray(
                        java.lang.foreign.ValueLayout.JAVA_BYTE);
                    assertThat(edmRead).as("round %d: EDM read of RoCE's write %d", round, i)
                        .isEqualTo(written[BATCH + i]);
                    final byte[] roceRead = new byte[sizes[i]];
                    roceData.getBytes(i * MAX_SIZE, roceRead);
                    assertThat(roceRead).as("round %d: RoCE read of EDM's write %d", round, i).isEqualTo(written[i]);
                }
                if (round == 0)
                {
                    edmFramesBefore = fabric.host("h0").engine().blocksSent();
                }
            }
            assertThat(edmStatuses).hasSize(2 * BATCH * ROUNDS).containsOnly(CompletionStatus.SUCCESS);
            assertThat(roceStatuses).hasSize(2 * BATCH * ROUNDS).containsOnly(RoceStatus.SUCCESS);
            assertThat(fabric.host("h0").engine().blocksSent()).as("EDM blocks on the uplink")
                .isGreaterThan(edmFramesBefore);
            assertThat(fabric.host("h0").port().frames().framesSent()).as("RoCE frames on the uplink")
                .isGreaterThanOrEqualTo(2L * BATCH * ROUNDS);
            assertThat(fabric.host("h0").port().tx().blocks(0))
                .as("EDM blocks sent while a RoCE frame was queued or in progress on the uplink").isPositive();
            assertThat(RoceBaseline.endpointOf(fabric, "h0").dropped()).isZero();
            assertThat(RoceBaseline.endpointOf(fabric, "h1").dropped()).isZero();
        }
    }

    private void awaitBoth(final LocalFabric fabric, final RemoteMemory edm, final RoceClient roce)
    {
        assertThat(RoceFabrics.runUntil(fabric, () ->
        {
            edm.poll((id, status) -> { }, 64);
            roce.poll((token, status) -> roceStatuses.add(status), 64);
            return edm.outstanding() == 0 && roce.outstanding() == 0;
        }, 20)).as("both batches completed in time").isTrue();
    }
}
