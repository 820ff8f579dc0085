package org.edm.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.sim.TimelineRack.READ;
import static org.edm.sim.TimelineRack.WRITE;

/**
 * The reference timelines of edm-protocol §4.6, measured by running the authors' netsim on hand-made traces, reproduced
 * to the slot by the phy-core engines in the netsim-compatible rack (netsim framing, 100G, 16-slot links, chunk and
 * release at 256 B, greedy matching, FIFO egress, no write acknowledgement). One test per row.
 */
class ReferenceTimelineTest
{
    private static TimelineRack rack()
    {
        return new TimelineRack(RackParameters.netsim(8));
    }

    @Test
    void write64Bytes()
    {
        final TimelineRack r = rack().request(WRITE, 0, 1, 64, 0);
        r.run(1_000);
        assertThat(r.notifSent.get(0L)).isEqualTo(0);
        assertThat(r.grantAtHost.get(0L)).isEqualTo(33);
        assertThat(r.firstBlock.get(0L)).isEqualTo(34);
        assertThat(r.fct(0)).isEqualTo(74);
    }

    @Test
    void read64Bytes()
    {
        final TimelineRack r = rack().request(READ, 0, 1, 64, 0);
        r.run(1_000);
        assertThat(r.firstBlock.get(0L)).isEqualTo(0);
        assertThat(r.responseGrantAtMemory.get(0L)).isEqualTo(34);
        assertThat(r.fct(0)).isEqualTo(75);
    }

    @Test
    void write1024Bytes()
    {
        final TimelineRack r = rack().request(WRITE, 0, 1, 1024, 0);
        r.run(2_000);
        assertThat(r.grantAtHost.get(0L)).isEqualTo(33);
        assertThat(r.firstBlock.get(0L)).isEqualTo(34);
        assertThat(r.fct(0)).isEqualTo(296);
    }

    @Test
    void readResponse5840Bytes()
    {
        final TimelineRack r = rack().request(READ, 0, 1, 5840, 0);
        r.run(10_000);
        assertThat(r.fct(0)).isEqualTo(1545);
    }

    @Test
    void incastOfFour64ByteWrites()
    {
        final TimelineRack r = rack();
        for (int sender = 0; sender < 4; sender++)
        {
            r.request(WRITE, sender, 7, 64, 0);
        }
        r.run(1_000);
        assertThat(r.grantAtHost).containsValues(33L, 34L, 35L, 36L);
        assertThat(new long[] { r.fct(0), r.fct(1), r.fct(2), r.fct(3) }).containsExactly(89, 93, 96, 98);
    }

    @Test
    void incastOfFour64ByteWritesUnderIrd()
    {
        final TimelineRack r = new TimelineRack(RackParameters.netsimIrd(8));
        for (int sender = 0; sender < 4; sender++)
        {
            r.request(WRITE, sender, 7, 64, 0);
        }
        r.run(1_000);
        assertThat(r.grantAtHost).containsValues(33L, 58L, 83L, 108L);
        assertThat(new long[] { r.fct(0), r.fct(1), r.fct(2), r.fct(3) }).containsExactly(74, 99, 124, 149);
    }

    @Test
    void oneSenderTwoWritesToDifferentReceivers()
    {
        final TimelineRack r = rack().request(WRITE, 0, 1, 64, 0).request(WRITE, 0, 2, 64, 0);
        r.run(1_000);
        assertThat(r.notifSent.get(0L)).isEqualTo(0);
        assertThat(r.notifSent.get(1L)).isEqualTo(1);
        assertThat(r.grantAtHost.get(0L)).isEqualTo(33);
        assertThat(r.grantAtHost.get(1L)).isEqualTo(34);
        assertThat(r.firstBlock.get(1L)).isEqualTo(42);
        assertThat(new long[] { r.fct(0), r.fct(1) }).containsExactly(74, 82);
    }

    @Test
    void threeReadsFromOneMemoryNode()
    {
        final TimelineRack r = rack().request(READ, 0, 3, 64, 0).request(READ, 1, 3, 64, 0).request(READ, 2, 3, 64, 0);
        r.run(1_000);
        assertThat(r.responseGrantAtMemory).containsValues(34L, 36L, 38L);
        assertThat(new long[] { r.fct(0), r.fct(1), r.fct(2) }).containsExactly(75, 83, 91);
    }

    @Test
    void shortestWriteIsGrantedFirst()
    {
        final TimelineRack r = rack().request(WRITE, 0, 2, 512, 0).request(WRITE, 1, 2, 64, 0);
        r.run(2_000);
        assertThat(r.grantAtHost.get(1L)).isLessThan(r.grantAtHost.get(0L));
        assertThat(new long[] { r.fct(1), r.fct(0) }).containsExactly(81, 172);
    }
}
