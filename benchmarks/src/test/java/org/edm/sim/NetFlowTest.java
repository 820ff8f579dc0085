package org.edm.sim;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.sim.TimelineRack.NET;
import static org.edm.sim.TimelineRack.READ;
import static org.edm.sim.TimelineRack.WRITE;

/**
 * Network flows in the rack: ordinary frames below memory traffic, through the switch's L2 path. Memory timelines are
 * the reference's whatever the frames do, and frames that share a link with memory traffic are what slows down.
 */
class NetFlowTest
{
    private static TimelineRack rack()
    {
        return new TimelineRack(RackParameters.netsim(8));
    }

    @Test
    void aSingleFrameTakesTwoSerialisationsTwoHopsAndTheL2Latency()
    {
        final TimelineRack r = rack().request(NET, 0, 1, 1500, 0);
        r.run(5_000);

        // 1514 bytes + FCS = 1518: a start block, 189 data blocks, a terminate block = 191 slots per serialisation;
        // the switch receives it whole at 190 + 16, sends it from 206 + 781 to 1177, the host has it at 1193.
        assertThat(r.firstBlock.get(0L)).isZero();
        assertThat(r.fct(0)).isEqualTo(2 * 191 - 2 + 2 * 16 + 781);
        assertThat(r.model.netFramesDelivered()).isEqualTo(1);
        assertThat(r.model.netStrayFrames()).isZero();
    }

    @Test
    void theL2LatencyIsTheConfiguredOne()
    {
        final TimelineRack r = new TimelineRack(RackParameters.netsim(8).withL2LatencySlots(0))
            .request(NET, 0, 1, 1500, 0);
        r.run(5_000);

        assertThat(r.fct(0)).as("without L2 latency the switch sends the frame the slot after it arrived")
            .isEqualTo(2 * 191 - 2 + 2 * 16 + 1);
    }

    @Test
    void memoryTimelinesAreTheReferencesWithANetworkFlowOnOtherLinks()
    {
        final TimelineRack r = rack()
            .request(WRITE, 0, 1, 64, 0)
            .request(READ, 2, 3, 64, 0)
            .request(NET, 4, 5, 200_000, 0)
            .request(NET, 6, 4, 50_000, 0)
            .request(WRITE, 5, 6, 1024, 100);
        r.run(100_000);

        assertThat(r.notifSent.get(0L)).isEqualTo(0);
        assertThat(r.grantAtHost.get(0L)).isEqualTo(33);
        assertThat(r.firstBlock.get(0L)).isEqualTo(34);
        assertThat(r.fct(0)).isEqualTo(74);
        assertThat(r.responseGrantAtMemory.get(1L)).isEqualTo(34);
        assertThat(r.fct(1)).isEqualTo(75);
        assertThat(r.fct(4)).as("the reference's 1024 B write").isEqualTo(296);
        assertThat(r.model.netFramesDelivered()).isEqualTo(134 + 34);
        assertThat(r.model.netFramesDropped()).isZero();
    }

    @Test
    void aNetworkFlowSharingLinksWithMemoryIsSlowedButMemoryIsNot()
    {
        final Map<Integer, Long> memoryAlone = memoryFcts(false);
        final Map<Integer, Long> memoryWithNet = memoryFcts(true);
        final TimelineRack netAlone = rack().request(NET, 0, 1, 300_000, 0);
        netAlone.run(1_000_000);

        assertThat(memoryWithNet).as("memory FCTs, with and without the network flow on their links")
            .isEqualTo(memoryAlone);
        assertThat(memoryWithNet.get(0)).isEqualTo(296);
        assertThat(sharedNetFct).as("the network flow loses the slots memory takes")
            .isGreaterThan(netAlone.fct(0) + 1_000);
    }

    private long sharedNetFct;

    /** Writes of 1 KB every 400 slots from host 0 to host 2 (host 0's uplink) and from host 3 to host 1 (host 1's
     * downlink), optionally with a 300 KB network flow from host 0 to host 1 on both links. */
    private Map<Integer, Long> memoryFcts(final boolean withNet)
    {
        final TimelineRack r = rack();
        int id = 0;
        for (int i = 0; i < 50; i++)
        {
            r.request(WRITE, 0, 2, 1024, 400L * i);
            r.request(WRITE, 3, 1, 1024, 400L * i + 7);
            id += 2;
        }
        if (withNet)
        {
            r.request(NET, 0, 1, 300_000, 0);
        }
        r.run(1_000_000);
        final Map<Integer, Long> fcts = new HashMap<>();
        for (int i = 0; i < id; i++)
        {
            fcts.put(i, r.fct(i));
        }
        if (withNet)
        {
            sharedNetFct = r.fct(id);
        }
        return fcts;
    }
}
