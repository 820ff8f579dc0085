package org.edm.phy.sched;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random demand on a model switch whose egress forwards one granted block per receiver per slot after a delay:
 * every matcher must keep each sender and receiver in at most one grant per slot, never exceed a chunk, grant every
 * block of every message exactly once, and finish.
 */
class SchedulerInvariantTest
{
    @Property(tries = 60)
    void everyMatcherKeepsTheInvariants(
        @ForAll final long seed,
        @ForAll @IntRange(min = 0, max = 2) final int matcherIndex,
        @ForAll @IntRange(min = 1, max = 3) final int maxChunks)
    {
        final MatcherKind matcher = MatcherKind.values()[matcherIndex];
        final SchedulerConfig config = new SchedulerConfig(8, 32, 32, maxChunks, matcher, 2, seed % 3 == 0 ? 2 : 0, 8);
        run(config, new Random(seed), 300, 20_000);
    }

    @Test
    void shouldStayCorrectWith40000OutstandingMessagesOn144Ports()
    {
        final SchedulerConfig config = new SchedulerConfig(144, 32, 32, 1, MatcherKind.GREEDY, 1, 0, 1024);
        run(config, new Random(42), 40_000, 2_000_000);
    }

    @Property(tries = 30)
    void pimWithEnoughIterationsLeavesNoMatchableFreeReceiver(@ForAll final long seed)
    {
        final SchedulerConfig config = new SchedulerConfig(8, 32, 32, 1, MatcherKind.PIM, 8, 0, 8);
        final CentralScheduler scheduler = new CentralScheduler(config);
        final Random random = new Random(seed);
        for (int i = 0; i < 30; i++)
        {
            final int s = random.nextInt(8);
            final int r = (s + 1 + random.nextInt(7)) % 8;
            scheduler.register(CentralScheduler.WRITE, s, r, s, i, 1 + random.nextInt(100), 0);
        }
        scheduler.schedule(1, (e, s, r, q, f) -> { });
        final boolean[] senderBusy = new boolean[8];
        for (int r = 0; r < 8; r++)
        {
            if (scheduler.circuitOwner(r) >= 0)
            {
                senderBusy[scheduler.circuitOwner(r)] = true;
            }
        }
        for (int r = 0; r < 8; r++)
        {
            if (scheduler.circuitOwner(r) < 0)
            {
                assertThat(scheduler.eligible().bestLegal(r, senderBusy))
                    .as("free receiver %d still has demand from a free sender", r).isEqualTo(-1);
            }
        }
    }

    private static void run(final SchedulerConfig config, final Random random, final int messages, final int maxSlots)
    {
        final int ports = config.ports();
        final CentralScheduler scheduler = new CentralScheduler(config);
        final int[] blocksOf = new int[messages];
        final int[] granted = new int[messages];
        final int[] entryOf = new int[messages];
        final int[] messageOfEntry = new int[1 << 20];
        final ArrayDeque<int[]>[] egress = newQueues(ports);
        final long[] senderSlot = new long[ports];
        final long[] receiverSlot = new long[ports];
        Arrays.fill(senderSlot, -1);
        Arrays.fill(receiverSlot, -1);
        final int[] doneCount = { 0 };
        int registered = 0;
        final int delay = 5;
        long slot = 0;
        final long[] slotHolder = new long[1];
        while (doneCount[0] < messages && slot < maxSlots)
        {
            slot++;
            slotHolder[0] = slot;
            final int arrivals = registered < messages ? random.nextInt(Math.max(1, messages / 200)) + 1 : 0;
            for (int i = 0; i < arrivals && registered < messages; i++)
            {
                final int s = random.nextInt(ports);
                final int r = (s + 1 + random.nextInt(ports - 1)) % ports;
                final int blocks = 1 + (random.nextInt(10) == 0 ? random.nextInt(2000) : random.nextInt(40));
                final int kind = random.nextBoolean() ? CentralScheduler.WRITE : CentralScheduler.READ_RESPONSE;
                final int entry = scheduler.register(kind, s, r, registered, registered & 0xFFFF, blocks, slot);
                assertThat(entry).isGreaterThanOrEqualTo(0);
                blocksOf[registered] = blocks;
                entryOf[registered] = entry;
                messageOfEntry[entry] = registered;
                registered++;
            }
            final long now = slot;
            scheduler.schedule(slot, (entry, sender, receiver, quota, first) ->
            {
                assertThat(senderSlot[sender]).as("sender %d twice in slot %d", sender, now).isNotEqualTo(now);
                assertThat(receiverSlot[receiver]).as("receiver %d twice in slot %d", receiver, now).isNotEqualTo(now);
                senderSlot[sender] = now;
                receiverSlot[receiver] = now;
                assertThat(quota).isBetween(1, config.chunkBlocks());
                final int message = messageOfEntry[entry];
                granted[message] += quota;
                assertThat(granted[message]).isLessThanOrEqualTo(blocksOf[message]);
                assertThat(first).isEqualTo(granted[message] == quota);
                for (int i = 0; i < quota; i++)
                {
                    egress[receiver].add(new int[] { entry, (int)(now + delay + i) });
                }
            });
            for (int r = 0; r < ports; r++)
            {
                final int[] head = egress[r].peek();
                if (head != null && head[1] <= slot)
                {
                    egress[r].poll();
                    final int message = messageOfEntry[head[0]];
                    final boolean last = granted[message] == blocksOf[message] &&
                        scheduler.remaining(head[0]) == 0 && scheduler.quota(head[0]) == 1;
                    scheduler.forwarded(head[0], 1);
                    if (last)
                    {
                        doneCount[0]++;
                    }
                }
            }
        }
        assertThat(doneCount[0]).as("messages finished by slot %d", slot).isEqualTo(messages);
        for (int m = 0; m < messages; m++)
        {
            assertThat(granted[m]).isEqualTo(blocksOf[m]);
        }
        assertThat(scheduler.liveEntries()).isZero();
        assertThat(scheduler.overForwarded()).isZero();
        assertThat(scheduler.blocksGranted()).isEqualTo(scheduler.blocksForwarded());
    }

    @SuppressWarnings("unchecked")
    private static ArrayDeque<int[]>[] newQueues(final int ports)
    {
        final ArrayDeque<int[]>[] queues = new ArrayDeque[ports];
        for (int i = 0; i < ports; i++)
        {
            queues[i] = new ArrayDeque<>();
        }
        return queues;
    }
}
