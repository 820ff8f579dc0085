package org.edm.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdealFctTest
{
    private final IdealFct netsim = IdealFct.NETSIM;

    @ParameterizedTest(name = "WREQ {0} B -> {1} slots")
    @CsvSource({
        "64, 80",        // 8 + 64 + 8
        "8, 66",         // 1 + 64 + 1
        "256, 128",      // 32 + 64 + 32, not over one chunk
        "257, 192",      // 32 + 64 + 32 + 64
        "1024, 384",     // 128 + 64 + 128 + 64
        "5840, 986",     // 730 + 64 + 128 + 64
    })
    void shouldGiveTheReferenceIdealOfAWrite(final long size, final long ideal)
    {
        assertThat(netsim.write(size)).isEqualTo(ideal);
    }

    @ParameterizedTest(name = "RREQ {0} B reading {1} B -> {2} slots")
    @CsvSource({
        "16, 64, 66",          // 2 + 64
        "16, 256, 66",         // a response of exactly one chunk adds nothing
        "16, 257, 162",        // 2 + 64 + 32 + 64
        "16, 5840, 860",       // 2 + 64 + 730 + 64
        "300, 64, 165",        // 37 + 64 + 64: a request over one chunk adds 4P too
    })
    void shouldGiveTheReferenceIdealOfAReadRequest(final long size, final long readBack, final long ideal)
    {
        assertThat(netsim.request(size, readBack)).isEqualTo(ideal);
    }

    @ParameterizedTest(name = "RRESP {0} B -> {1} slots")
    @CsvSource({
        "64, 40",        // 8 + 32
        "256, 64",       // 32 + 32
        "257, 258",      // 32 + 32 + (1 + 1) * 32 + 162 - 32
        "5840, 1628",    // 730 + 32 + 23 * 32 + 860 - 730
        "5888, 1666",    // 736 + 32 + 24 * 32 + 866 - 736: (23 + 1) chunks
    })
    void shouldGiveTheReferenceIdealOfAReadResponse(final long size, final long ideal)
    {
        assertThat(netsim.response(size, netsim.request(16, size))).isEqualTo(ideal);
    }

    @Test
    void shouldGiveTheReferenceIdealOfANetworkFlow()
    {
        assertThat(netsim.network(1500)).isEqualTo(187 + 32 + 781);
        assertThat(netsim.network(8)).isEqualTo(1 + 32 + 781);
    }

    @Test
    void shouldEvaluateTheSameFormulasWithOtherParameters()
    {
        // 25 Gb/s: 10 ns is 4 slots of 2.56 ns; 7-byte blocks.
        final IdealFct slow = new IdealFct(7, 4, 256, 195);

        assertThat(slow.write(64)).isEqualTo(9 + 16 + 9);
        assertThat(slow.request(16, 64)).isEqualTo(2 + 16);
        assertThat(slow.response(64, slow.request(16, 64))).isEqualTo(9 + 8);
        assertThat(slow.network(700)).isEqualTo(100 + 8 + 195);
    }

    @Test
    void shouldScoreTheUnloadedReferenceTimelinesAsTheReferenceDoes()
    {
        // edm-protocol §4.6 and §4.9: a 64 B write takes 74 slots (slowdown 1); a 64 B read 75 slots end to end,
        // which the .out file scores 75 / 40 = 1.88 and the log scores as RREQ 34 / 66 and RRESP 40 / 40, both 1.
        assertThat(FlowSummary.slowdown(74, netsim.write(64))).isEqualTo(1.0);
        assertThat(FlowSummary.slowdown(75, netsim.response(64, netsim.request(16, 64)))).isEqualTo(1.875);
        assertThat(FlowSummary.slowdown(34, netsim.request(16, 64))).isEqualTo(1.0);
        assertThat(FlowSummary.slowdown(40, netsim.response(64, netsim.request(16, 64)))).isEqualTo(1.0);
        assertThat(FlowSummary.slowdown(1545, netsim.response(5840, netsim.request(16, 5840)))).isEqualTo(1.0);
    }

    @Test
    void shouldPickTheFormulaByFlowType()
    {
        final FlowTable.Builder builder = FlowTable.builder(3);
        builder.add(0, FlowType.WREQ, 0, 1, 64, -1, 0);
        builder.add(1, FlowType.RREQ, 0, 1, 16, 5840, 0);
        builder.add(2, FlowType.NET, 0, 1, 1500, -1, 0);
        final FlowTable table = builder.build();

        assertThat(netsim.ofFlow(table, 0)).isEqualTo(80);
        assertThat(netsim.ofFlow(table, 1)).isEqualTo(860);
        assertThat(netsim.ofFlow(table, 2)).isEqualTo(1000);
        assertThat(netsim.ofResponse(table, 1)).isEqualTo(1628);
    }

    @Test
    void shouldRejectImpossibleParameters()
    {
        assertThatThrownBy(() -> new IdealFct(0, 16, 256, 781)).hasMessageContaining("blockBytes=0");
        assertThatThrownBy(() -> new IdealFct(8, -1, 256, 781)).hasMessageContaining("propagationSlots=-1");
    }
}
