package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither control blocks nor data may starve each other at a switch egress.
 * <ul>
 *     <li>A read from a memory node whose downlink carries a continuous stream of granted writes. The lane egress used
 *     to serve grants after write data (the host link model's order), so the grant that lets the memory node answer
 *     waited until the writes ended: the bench measured 64-byte reads at 2.1 ms behind two bulk writers at 0.2 Gb/s,
 *     against 9 us unloaded. Grants (behind the read requests they follow) now leave before data.</li>
 *     <li>The reverse, found in review: with control strictly first, a memory node serving tiny reads (4 control blocks
 *     down per read, 1 or 2 data blocks up) is granted again nearly every slot and its downlink carries control alone;
 *     a 64-byte write into it waited 22,055 slots, until the reads ended. A data block now goes first after a run of
 *     control blocks.</li>
 * </ul>
 */
class EgressStarvationRegressionTest
{
    private static final int MEMORY_NODE = 0;
    private static final int READER = 3;
    private static final long READ_SLOT = 3_000;

    private static RackParameters fourHosts()
    {
        final SchedulerConfig scheduler = new SchedulerConfig(4, 37, 37, 1, MatcherKind.GREEDY, 1, 0, 16);
        return new RackParameters(4, Framing.wire(7), scheduler, HostOrder.NETSIM, EgressMode.LANES, 1, 64, true,
            1 << 20, 0);
    }

    @Test
    void aWriteReachesAMemoryNodeThatServesAStreamOfTinyReads()
    {
        final CheckedRack rack = new CheckedRack(fourHosts(), "two hosts reading 1 byte at a time, one 64-byte write");
        for (int i = 0; i < 3_000; i++)
        {
            rack.add(TraceRequest.good(true, 1, MEMORY_NODE, i, 1, 0));
            rack.add(TraceRequest.good(true, 2, MEMORY_NODE, i, 1, 0));
        }
        final int write = rack.add(TraceRequest.good(false, READER, MEMORY_NODE, 1 << 16, 64, 2_000));
        final long[] lastReadDone = { 0 };
        final long[] writeDone = { -1 };
        rack.onCompletion((index, status, slot) ->
        {
            if (index == write)
            {
                writeDone[0] = slot;
            }
            else
            {
                lastReadDone[0] = Math.max(lastReadDone[0], slot);
            }
        });
        rack.run(10_000_000).assertDrained();

        assertThat(lastReadDone[0]).as("the reads still stream when the write is sent").isGreaterThan(2_000 + 10_000);
        assertThat(writeDone[0] - 2_000).as("slots from the write's submission to its completion").isBetween(1L, 1_000L);
    }

    @Test
    void aReadIsAnsweredWhileWritesStreamIntoItsMemoryNode()
    {
        final RackParameters parameters = fourHosts();
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
