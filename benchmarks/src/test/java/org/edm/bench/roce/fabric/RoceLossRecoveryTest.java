package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.RoceQueuePair;
import org.edm.bench.roce.RoceStatus;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.ext.LossyPort;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * RoCE over lossy cables: both hosts' ports drop 3% of the carrier frames they send (each holds the blocks of one or
 * more MAC frames, so whole RoCE frames and parts of frames vanish, and the receivers drop the torn ones by their FCS
 * and the link gap). Go-back-N must recover everything: every WRITE lands with the right bytes, every READ returns the
 * region's bytes, no operation fails.
 */
class RoceLossRecoveryTest
{
    private static final int SLOTS = 160;
    private static final int SLOT_BYTES = 4096;
    private static final int IN_FLIGHT = 16;

    private final RackDescription rack = RoceFabrics.rack("lossy", COMPUTE, MEMORY);
    private final List<LossyPort> lossyPorts = new ArrayList<>();
    private final List<Integer> statuses = new ArrayList<>();

    @ParameterizedTest
    @ValueSource(longs = { 2024, 7, 99 })
    void shouldRecoverEveryLossWithoutWrongData(final long seed)
    {
        final SplittableRandom loss = new SplittableRandom(seed);
        final RoceBaselineOptions options = RoceBaselineOptions.defaults().withTimeoutNanos(2_000_000L);
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10), options, (host, port) ->
        {
            final LossyPort lossy = new LossyPort(port, () -> loss.nextDouble() < 0.03);
            lossyPorts.add(lossy);
            return (FramePort)lossy;
        }))
        {
            final RoceClient client = RoceBaseline.client(fabric, "h0", "h1");
            final MutableDirectBuffer region = fabric.region("h1");
            final UnsafeBuffer local = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOTS * SLOT_BYTES));
            final SplittableRandom random = new SplittableRandom(seed + 1);
            final int[] sizes = new int[SLOTS];
            final byte[][] data = new byte[SLOTS][];
            for (int i = 0; i < SLOTS; i++)
            {
                sizes[i] = 1 + random.nextInt(SLOT_BYTES);
                data[i] = new byte[sizes[i]];
                random.nextBytes(data[i]);
                local.putBytes(i * SLOT_BYTES, data[i]);
            }

            runAll(fabric, client, i -> client.write((long)i * SLOT_BYTES + 3, sizes[i], local, i * SLOT_BYTES, i));
            for (int i = 0; i < SLOTS; i++)
            {
                final byte[] stored = new byte[sizes[i]];
                region.getBytes(i * SLOT_BYTES + 3, stored);
                assertThat(stored).as("write %d (%d bytes) in the region", i, sizes[i]).isEqualTo(data[i]);
            }

            for (int i = 0; i < SLOTS; i++)
            {
                random.nextBytes(data[i]);
                region.putBytes(i * SLOT_BYTES + 5, data[i]);
            }
            local.setMemory(0, SLOTS * SLOT_BYTES, (byte)0);
            runAll(fabric, client, i -> client.read((long)i * SLOT_BYTES + 5, sizes[i], local, i * SLOT_BYTES, i));
            for (int i = 0; i < SLOTS; i++)
            {
                final byte[] read = new byte[sizes[i]];
                local.getBytes(i * SLOT_BYTES, read);
                assertThat(read).as("read %d (%d bytes)", i, sizes[i]).isEqualTo(data[i]);
            }

            assertThat(statuses).hasSize(2 * SLOTS).containsOnly(RoceStatus.SUCCESS);
            assertThat(lossyPorts.stream().mapToLong(LossyPort::dropped).sum()).as("carrier frames dropped")
                .isGreaterThan(10);
            final RoceEndpoint compute = RoceBaseline.endpointOf(fabric, "h0");
            long goBacks = 0;
            for (int k = 0; k < options.queuePairs(); k++)
            {
                final RoceQueuePair queuePair = compute.queuePair(RoceBaselineOptions.FIRST_QPN + k);
                goBacks += queuePair.requester().goBacks();
                assertThat(queuePair.inError()).isFalse();
            }
            assertThat(goBacks).as("go-back-N retransmissions").isPositive();
        }
    }

    private interface Submit
    {
        int submit(int index);
    }

    private void runAll(final LocalFabric fabric, final RoceClient client, final Submit submit)
    {
        final int before = statuses.size();
        final int[] next = { 0 };
        assertThat(RoceFabrics.runUntil(fabric, () ->
        {
            while (next[0] < SLOTS && client.outstanding() < IN_FLIGHT)
            {
                assertThat(submit.submit(next[0])).isZero();
                next[0]++;
            }
            client.poll((token, status) -> statuses.add(status), 64);
            return statuses.size() - before == SLOTS;
        }, 60)).as("all %d operations completed; %d done", SLOTS, statuses.size() - before).isTrue();
    }
}
