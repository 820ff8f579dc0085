package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read from a memory node whose downlink carries a continuous stream of granted writes. The switch's lane egress used
 * to serve grants after write data (the host link model's order), so the grant that lets the memory node answer waited
 * until the writes ended: the bench measured 64-byte reads at 2.1 ms behind two bulk writers at 0.2 Gb/s, against 9 us
 * unloaded. Grants (behind the read requests they follow) now leave before data.
 */
class GrantStarvationRegressionTest
{
    private static final int MEMORY_NODE = 0;
    private static final int READER = 3;
    private static final long READ_SLOT = 3_000;

    @Test
    void aReadIsAnsweredWhileWritesStreamIntoItsMemoryNode()
    {
        final SchedulerConfig scheduler = new SchedulerConfig(4, 37, 37, 1, MatcherKind.GREEDY, 1, 0, 16);
        final RackParameters parameters = new RackParameters(4, Framing.wire(7), scheduler, HostOrder.NETSIM,
            EgressMode.LANES, 1, 64, true, 1 << 20, 0);
        final CheckedRack rack = new CheckedRack(parameters, "two bulk writers and one 64-byte read into node 0");
        for (int i = 0; i < 4; i++)
        {
            rack.add(TraceRequest.good(false, 1, MEMORY_NODE, (long)i << 14, 16_384, 0));
            rack.add(TraceRequest.good(false, 2, MEMORY_NODE, (4L + i) << 14, 16_384, 0));
        }
        final int read = rack.add(TraceRequest.good(true, READER, MEMORY_NODE, 0, 64, READ_SLOT));
        final long[] lastWriteDone = { 0 };
        final long[] readDone = { -1 };
        rack.onCompletion((index, status, slot) ->
        {
            if (index == read)
            {
                readDone[0] = slot;
            }
            else
            {
                lastWriteDone[0] = Math.max(lastWriteDone[0], slot);
            }
        });
        rack.run(10_000_000).assertDrained();

        // 131,072 bytes of writes keep node 0's downlink busy for about 18,700 slots; the read needs a few dozen
        assertThat(lastWriteDone[0]).as("the writes still stream when the read is sent").isGreaterThan(READ_SLOT + 10_000);
        assertThat(readDone[0] - READ_SLOT).as("slots from the read's submission to its completion").isBetween(1L, 400L);
    }
}
