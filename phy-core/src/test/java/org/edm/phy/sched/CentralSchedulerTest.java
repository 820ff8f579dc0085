package org.edm.phy.sched;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.phy.sched.CentralScheduler.READ_RESPONSE;
import static org.edm.phy.sched.CentralScheduler.WRITE;

class CentralSchedulerTest
{
    private final List<int[]> grants = new ArrayList<>();
    private final GrantListener record = (entry, sender, receiver, quota, first) ->
        grants.add(new int[] { entry, sender, receiver, quota, first ? 1 : 0 });

    @Test
    void shouldGrantANotifiedWriteOnTheNextSlotAndFreeItWhenForwarded()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        final int entry = scheduler.register(WRITE, 0, 1, 0, 5, 8, 16);
        assertThat(scheduler.schedule(17, record)).isEqualTo(1);
        assertThat(grants.get(0)).containsExactly(entry, 0, 1, 8, 1);
        assertThat(scheduler.circuitOwner(1)).isZero();
        scheduler.forwarded(entry, 8);
        assertThat(scheduler.liveEntries()).isZero();
        assertThat(scheduler.schedule(18, record)).isZero();
        assertThat(scheduler.circuitOwner(1)).isEqualTo(-1);
    }

    @Test
    void shouldGrantTheShortestMessageFirst()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        final int big = scheduler.register(WRITE, 0, 2, 0, 1, 64, 16);
        final int small = scheduler.register(WRITE, 1, 2, 1, 1, 8, 16);
        scheduler.schedule(17, record);
        assertThat(grants).hasSize(1);
        assertThat(grants.get(0)[0]).isEqualTo(small);
        // the small chunk (8 blocks <= release threshold 32) frees the receiver at the next slot
        scheduler.schedule(18, record);
        assertThat(grants).hasSize(2);
        assertThat(grants.get(1)[0]).isEqualTo(big);
        assertThat(grants.get(1)[3]).isEqualTo(32);
    }

    @Test
    void shouldBreakTiesByRegistrationOrder()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(6));
        final int[] entries = new int[4];
        for (int sender = 0; sender < 4; sender++)
        {
            entries[sender] = scheduler.register(WRITE, sender, 5, sender, 0, 8, 16);
        }
        for (int slot = 17; slot <= 20; slot++)
        {
            scheduler.schedule(slot, record);
        }
        assertThat(grants).extracting(g -> g[0]).containsExactly(entries[0], entries[1], entries[2], entries[3]);
    }

    @Test
    void shouldKeepASenderThatHoldsACircuitOutOfOtherMatches()
    {
        final SchedulerConfig tight = new SchedulerConfig(4, 32, 8, 1, MatcherKind.GREEDY, 1, 0, 16);
        final CentralScheduler s = new CentralScheduler(tight);
        final int first = s.register(WRITE, 0, 1, 0, 1, 64, 0);
        final int second = s.register(WRITE, 0, 2, 0, 2, 64, 0);
        s.schedule(1, record);
        assertThat(grants).hasSize(1);
        s.schedule(2, record);
        assertThat(grants).as("sender 0 holds the circuit to 1 (32 blocks in flight > 8)").hasSize(1);
        s.forwarded(first, 24);
        s.schedule(3, record);
        assertThat(grants).as("8 in flight: circuit released, sender free again").hasSize(2);
        assertThat(grants.get(1)[0]).isEqualTo(second);
    }

    @Test
    void shouldRegrantTheNextChunkOnlyAfterTheChunkDrained()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        final int entry = scheduler.register(WRITE, 0, 1, 0, 9, 128, 0);
        scheduler.schedule(1, record);
        scheduler.schedule(2, record);
        assertThat(grants).hasSize(1);
        scheduler.forwarded(entry, 31);
        scheduler.schedule(3, record);
        assertThat(grants).hasSize(1);
        scheduler.forwarded(entry, 1);
        scheduler.schedule(4, record);
        assertThat(grants).hasSize(2);
        assertThat(grants.get(1)[4]).as("not the first grant").isZero();
        assertThat(scheduler.remaining(entry)).isEqualTo(64);
    }

    @Test
    void shouldKeepSeveralChunksInFlightWhenAllowed()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4).withMaxChunksPerMessage(2));
        final int entry = scheduler.register(WRITE, 0, 1, 0, 9, 128, 0);
        scheduler.schedule(1, record);
        scheduler.schedule(2, record);
        assertThat(grants).as("second chunk while the first is in flight").hasSize(2);
        scheduler.schedule(3, record);
        assertThat(grants).as("never more than two chunks in flight").hasSize(2);
        scheduler.forwarded(entry, 32);
        scheduler.schedule(4, record);
        assertThat(grants).hasSize(3);
    }

    @Test
    void shouldMarkOnlyTheFirstGrantOfAReadResponse()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        final int entry = scheduler.register(READ_RESPONSE, 3, 0, 0, 77, 40, 0);
        assertThat(scheduler.find(READ_RESPONSE, 0, 77)).isEqualTo(entry);
        assertThat(scheduler.find(WRITE, 0, 77)).isEqualTo(-1);
        scheduler.schedule(1, record);
        scheduler.forwarded(entry, 32);
        scheduler.schedule(2, record);
        assertThat(grants).extracting(g -> g[4]).containsExactly(1, 0);
        assertThat(grants).extracting(g -> g[3]).containsExactly(32, 8);
    }

    @Test
    void shouldReleaseTheCircuitOfARetiredMessage()
    {
        final SchedulerConfig tight = new SchedulerConfig(4, 32, 0, 1, MatcherKind.GREEDY, 1, 0, 16);
        final CentralScheduler scheduler = new CentralScheduler(tight);
        final int stuck = scheduler.register(READ_RESPONSE, 1, 0, 0, 1, 64, 0);
        final int waiting = scheduler.register(WRITE, 2, 0, 2, 1, 100, 0);
        scheduler.schedule(1, record);
        assertThat(scheduler.circuitOwner(0)).isEqualTo(1);
        scheduler.retire(stuck);
        scheduler.schedule(2, record);
        assertThat(grants).extracting(g -> g[0]).containsExactly(stuck, waiting);
        assertThat(scheduler.inflight(0)).isEqualTo(32);
    }

    @Test
    void shouldRejectBadRegistrations()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        assertThat(scheduler.register(WRITE, 0, 0, 0, 1, 8, 0)).isEqualTo(CentralScheduler.BAD_PORT);
        assertThat(scheduler.register(WRITE, 0, 9, 0, 1, 8, 0)).isEqualTo(CentralScheduler.BAD_PORT);
        assertThat(scheduler.register(WRITE, 0, 1, 0, 1, 0, 0)).isEqualTo(CentralScheduler.BAD_LENGTH);
        assertThat(scheduler.register(WRITE, 0, 1, 0, 1, 8, 0)).isGreaterThanOrEqualTo(0);
        assertThat(scheduler.register(WRITE, 0, 1, 0, 1, 8, 0)).isEqualTo(CentralScheduler.DUPLICATE);
    }

    @Test
    void shouldWaitOutThePipelineDelay()
    {
        final SchedulerConfig delayed = new SchedulerConfig(4, 32, 32, 1, MatcherKind.GREEDY, 1, 3, 16);
        final CentralScheduler scheduler = new CentralScheduler(delayed);
        scheduler.register(WRITE, 0, 1, 0, 1, 8, 10);
        for (long slot = 11; slot <= 13; slot++)
        {
            assertThat(scheduler.schedule(slot, record)).as("slot %d", slot).isZero();
        }
        assertThat(scheduler.schedule(14, record)).isEqualTo(1);
    }

    @Test
    void shouldSkipMatchingWhenNothingChanged()
    {
        final CentralScheduler scheduler = new CentralScheduler(SchedulerConfig.reference(4));
        scheduler.register(WRITE, 0, 1, 0, 1, 8, 0);
        scheduler.register(WRITE, 2, 1, 2, 1, 8, 0);
        final SchedulerConfig tight = scheduler.config();
        assertThat(tight.releaseBlocks()).isEqualTo(32);
        for (long slot = 1; slot < 100; slot++)
        {
            scheduler.schedule(slot, record);
        }
        assertThat(grants).hasSize(2);
        // slot 1 (new demand), slot 2 (release, second grant), slot 3 (release, nothing left): then never again
        assertThat(scheduler.matchingRuns()).isEqualTo(3);
    }

    @Test
    void shouldRetireGrantedMessagesThatStoppedMakingProgress()
    {
        final SchedulerConfig tight = new SchedulerConfig(4, 32, 0, 1, MatcherKind.GREEDY, 1, 0, 16);
        final CentralScheduler scheduler = new CentralScheduler(tight);
        final int lost = scheduler.register(WRITE, 1, 0, 1, 1, 64, 0);
        final int waiting = scheduler.register(WRITE, 2, 0, 2, 1, 64, 0);
        scheduler.schedule(1, record);
        scheduler.forwarded(lost, 4);
        // the rest of the chunk never arrives: the circuit to receiver 0 stays taken
        for (long slot = 2; slot < 100; slot++)
        {
            scheduler.schedule(slot, record);
        }
        assertThat(grants).hasSize(1);
        assertThat(scheduler.retireStale(100, 1_000)).as("not stale yet").isZero();
        assertThat(scheduler.retireStale(2_000, 1_000)).isEqualTo(1);
        assertThat(scheduler.find(WRITE, 1, 1)).isEqualTo(-1);
        scheduler.schedule(2_001, record);
        scheduler.schedule(2_002, record);
        assertThat(grants).extracting(g -> g[0]).containsExactly(lost, waiting);
        assertThat(scheduler.staleRetired()).isEqualTo(1);
    }
}
