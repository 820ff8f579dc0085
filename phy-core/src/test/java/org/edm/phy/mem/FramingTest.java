package org.edm.phy.mem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RREQ;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_RRESP;
import static org.edm.phy.mem.MemoryBlockTypes.CLASS_WREQ;

class FramingTest
{
    @Test
    void shouldCountWireBlocksWithHeaderTagAddressAndData()
    {
        final Framing seven = Framing.wire(7);
        assertThat(seven.blocks(CLASS_RREQ, 64)).isEqualTo(3);
        assertThat(seven.blocks(CLASS_WREQ, 64)).isEqualTo(3 + 10);
        assertThat(seven.blocks(CLASS_RRESP, 64)).isEqualTo(2 + 10);
        assertThat(seven.blocks(CLASS_RRESP, 0)).isEqualTo(2);
        final Framing eight = Framing.wire(8);
        assertThat(eight.blocks(CLASS_WREQ, 64)).isEqualTo(3 + 8);
        assertThat(eight.blocks(CLASS_RRESP, 1)).isEqualTo(3);
        assertThat(seven.quotaOf(36)).isEqualTo(252);
    }

    @Test
    void shouldCountNetsimBlocksAsTheReferenceDoes()
    {
        final Framing netsim = Framing.netsim();
        assertThat(netsim.blocks(CLASS_RREQ, 64)).isEqualTo(2);
        assertThat(netsim.blocks(CLASS_WREQ, 64)).isEqualTo(8);
        assertThat(netsim.blocks(CLASS_RRESP, 5840)).isEqualTo(730);
        assertThat(netsim.blocks(CLASS_WREQ, 8)).isEqualTo(2);
        assertThat(netsim.resumeBlocks()).isZero();
    }

    @Test
    void shouldParseNamesAndRejectOthersNamingTheField()
    {
        assertThat(Framing.parse("wire-7").dataBytesPerBlock()).isEqualTo(7);
        assertThat(Framing.parse("8").name()).isEqualTo("wire-8");
        assertThat(Framing.parse("netsim")).isSameAs(Framing.netsim());
        assertThatThrownBy(() -> Framing.parse("nine")).hasMessageContaining("framing=nine");
        assertThatThrownBy(() -> Framing.wire(6)).hasMessageContaining("dataBytesPerBlock=6");
    }
}
