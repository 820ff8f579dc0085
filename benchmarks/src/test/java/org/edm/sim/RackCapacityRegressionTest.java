package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;

import org.junit.jupiter.api.Test;

/**
 * Regression tests for two engine bugs the invariant sweeps found: bounded state at a memory node (its outbound
 * messages) and at a link's receiver (messages in progress) overflowed, and what overflowed was lost with no error
 * reaching anyone, so requests never completed. Both tables now grow with the live messages (a memory node cannot
 * refuse what remote requesters cause; their own outstanding limits bound it).
 */
class RackCapacityRegressionTest
{
    /**
     * A memory node keeps every response it serves in its outbound table (RackModel: 2 x maxOutstanding + 64 messages)
     * until the last block leaves. When a read finds the table all but full the node answers NO_RESOURCES; when it is
     * completely full, {@code HostEngine.queueAck} drops the ACK (droppedForResources). The requester, which has no
     * timeout in the rack, never completes, and the read's demand entry at the switch, already granted, is never
     * retired. Here 19 requesters read 4 x 4 KB each from node 0 (76 reads, table of 72): 4 reads never end, 4 ACKs
     * dropped (and in the wire framings some reads end NO_RESOURCES instead of SUCCESS).
     */

    @Test
    void aMemoryNodeOutOfMessageSlotsStillAnswersEveryRequest()
    {
        final SchedulerConfig scheduler = new SchedulerConfig(20, 32, 160, 1, MatcherKind.GREEDY, 1, 0, 16);
        final RackParameters parameters = new RackParameters(20, Framing.netsim(), scheduler, HostOrder.NETSIM,
            EgressMode.FIFO, 5, 4, true, 0, 0);
        final CheckedRack rack = new CheckedRack(parameters, "read incast on a node with 72 message slots");
        for (int host = 1; host < 20; host++)
        {
            for (int i = 0; i < 4; i++)
            {
                rack.add(TraceRequest.good(true, host, 0, 0, 4096, 0));
            }
        }
        rack.run(10_000_000).assertDrained();
    }

    /**
     * A link's receiver (here the switch's ingress from the memory node) remembers at most maxPausedPerLink (256)
     * messages in progress; the header of one more was rejected and the whole message lost. With a
     * chunk far below the release threshold (2 blocks against 1000) a memory node gets hundreds of responses granted at
     * once and starts them all: hosts 1 and 2 read 256 x 4 KB each from node 0, 7 reads never end and the switch
     * rejects 14 of node 0's blocks.
     */

    @Test
    void aLinkWithMoreThan256MessagesInProgressLosesNone()
    {
        final SchedulerConfig scheduler = new SchedulerConfig(3, 2, 1000, 1, MatcherKind.GREEDY, 1, 0, 16);
        final RackParameters parameters = new RackParameters(3, Framing.netsim(), scheduler, HostOrder.NETSIM,
            EgressMode.FIFO, 5, 256, false, 0, 0);
        final CheckedRack rack = new CheckedRack(parameters, "512 reads from one node, chunk 2 blocks, release 1000");
        for (int host = 1; host < 3; host++)
        {
            for (int i = 0; i < 256; i++)
            {
                rack.add(TraceRequest.good(true, host, 0, 0, 4096, 0));
            }
        }
        rack.run(10_000_000).assertDrained();
    }
}
