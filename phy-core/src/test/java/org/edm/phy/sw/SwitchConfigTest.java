package org.edm.phy.sw;

import org.edm.phy.mem.Framing;
import org.edm.phy.sched.SchedulerConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_ACK;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_GRANT;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

class SwitchConfigTest
{
    private static SwitchConfig lanes(final int[] order)
    {
        return new SwitchConfig(Framing.wire(7), SchedulerConfig.reference(4), EgressMode.LANES, order,
            new int[] { 0, 1, 2, 3 }, 16);
    }

    @Test
    void shouldServeControlBlocksFirstWithTheReadRequestAheadOfItsGrant()
    {
        assertThat(SwitchConfig.defaultOrder()).containsExactly(CLASS_RREQ, CLASS_GRANT, CLASS_ACK, CLASS_RRESP,
            CLASS_WREQ);
    }

    @Test
    void shouldRefuseAnOrderThatSendsAGrantBeforeTheReadRequestItAnswers()
    {
        // the memory node would get the first grant of a read it has not seen: an orphan grant, and the read times out
        assertThatThrownBy(() -> lanes(new int[] { CLASS_GRANT, CLASS_RREQ, CLASS_ACK, CLASS_RRESP, CLASS_WREQ }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("egressOrder must serve RREQ before GRANT (a released read request leaves before its first " +
                "grant)");
    }

    @Test
    void shouldKeepItsOwnCopyOfTheOrder()
    {
        final int[] order = SwitchConfig.defaultOrder();
        final SwitchConfig config = lanes(order);
        order[0] = CLASS_WREQ;
        SwitchConfig.defaultOrder()[0] = CLASS_WREQ;

        assertThat(config.egressOrder()[0]).isEqualTo(CLASS_RREQ);
        assertThat(SwitchConfig.defaultOrder()[0]).isEqualTo(CLASS_RREQ);
    }

    @Test
    void shouldNameEveryClassOnce()
    {
        assertThatThrownBy(() -> lanes(new int[] { CLASS_RREQ, CLASS_GRANT, CLASS_ACK, CLASS_RRESP, CLASS_RRESP }))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("egressOrder must name RRESP, ACK, RREQ, WREQ and GRANT once each");
    }
}
