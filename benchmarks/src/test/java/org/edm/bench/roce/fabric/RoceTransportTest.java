package org.edm.bench.roce.fabric;

import org.edm.bench.harness.BenchTransport;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * The RoCE baseline through the bench's contract: submissions and their refusals, completions with the caller's token,
 * the outstanding count, the wire bytes the client's link carried, and close giving the queue pairs back.
 */
class RoceTransportTest
{
    private final RackDescription rack = RoceFabrics.rack("bench", COMPUTE, MEMORY);
    private final List<long[]> done = new ArrayList<>();
    private final BenchTransport.Completions record = (token, status, nowNanos) -> done.add(new long[] { token, status });

    @Test
    void shouldCompleteReadsAndWritesWithTheirTokensAndRefuseWhatItCannotCarry()
    {
        final RoceBaselineOptions options = RoceBaselineOptions.defaults().withOutstanding(4).withMaxMessageBytes(4096);
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10), options, (host, port) -> port);
            RoceTransport roce = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce))
        {
            assertThat(roce.name()).isEqualTo("roce");
            assertThat(roce.maxOutstanding()).isEqualTo(4);
            assertThat(roce.regionBytes()).isEqualTo(RoceFabrics.REGION_BYTES);
            assertThat(roce.submit(7, 0, 8, 1)).isEqualTo(BenchTransport.UNSUPPORTED);
            assertThat(roce.submit(BenchTransport.READ, 0, 0, 1)).isEqualTo(BenchTransport.UNSUPPORTED);
            assertThat(roce.submit(BenchTransport.READ, 0, 4097, 1)).isEqualTo(BenchTransport.UNSUPPORTED);
            assertThat(roce.submit(BenchTransport.WRITE, RoceFabrics.REGION_BYTES - 7, 8, 1))
                .isEqualTo(BenchTransport.UNSUPPORTED);
            assertThat(roce.submit(BenchTransport.READ, -1, 8, 1)).isEqualTo(BenchTransport.UNSUPPORTED);

            for (int i = 0; i < 4; i++)
            {
                assertThat(roce.submit(i % 2 == 0 ? BenchTransport.READ : BenchTransport.WRITE, 64L * i, 64, 100 + i))
                    .isZero();
            }
            assertThat(roce.outstanding()).isEqualTo(4);
            assertThat(roce.submit(BenchTransport.READ, 0, 8, 9)).isEqualTo(BenchTransport.BACK_PRESSURED);
            assertThat(RoceFabrics.runUntil(fabric, () ->
            {
                roce.poll(record);
                return roce.outstanding() == 0;
            }, 20)).isTrue();

            assertThat(done).extracting(d -> d[0]).containsExactlyInAnyOrder(100L, 101L, 102L, 103L);
            assertThat(done).extracting(d -> d[1]).containsOnly(0L);
            assertThat(roce.statusName(5)).isEqualTo("flushed");
            assertThat(roce.statusName(RoceClient.REFUSED + 4)).isEqualTo("refused-qp-error");
        }
    }

    /**
     * One operation at a time, so every frame is counted alone: preamble 8 + frame + FCS 4 (at least 64) + gap 12,
     * rounded up to the 4-lane start positions of the emulated PHY.
     * <pre>
     *   READ 8:   request 74 + 4 = 78 -> 98 -> 100;   response Only 70 + 4 = 74 -> 94 -> 96     = 196
     *   READ 64:  request 100;                         response 126 + 4 = 130 -> 150 -> 152     = 252
     *   WRITE 8:  Only 82 + 4 = 86 -> 106 -> 108;      ACK 62 + 4 = 66 -> 86 -> 88              = 196
     *   WRITE 64: Only 138 + 4 = 142 -> 162 -> 164;    ACK 88                                   = 252
     * </pre>
     */
    @ParameterizedTest
    @CsvSource({ "0, 8, 196", "0, 64, 252", "1, 8, 196", "1, 64, 252" })
    void shouldCountTheWireBytesOfEveryFrameOnTheClientsLink(final int operation, final int size, final long perOp)
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10));
            RoceTransport roce = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce))
        {
            final long before = roce.wireBytes();
            for (int i = 0; i < 50; i++)
            {
                assertThat(roce.submit(operation, 8L * i, size, i)).isZero();
                assertThat(RoceFabrics.runUntil(fabric, () ->
                {
                    roce.poll(record);
                    return roce.outstanding() == 0;
                }, 20)).isTrue();
            }

            assertThat(done).hasSize(50).extracting(d -> d[1]).containsOnly(0L);
            assertThat(roce.wireBytes() - before).isEqualTo(50 * perOp);
        }
    }

    @Test
    void shouldGiveTheQueuePairsBackOnCloseSoTheClientCanConnectAgain()
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10)))
        {
            final RoceEndpoint server = RoceBaseline.endpointOf(fabric, "h1");
            final RoceTransport first = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce);
            assertThat(first.submit(BenchTransport.WRITE, 0, 100, 1)).isZero();
            assertThat(server.queuePair(RoceBaselineOptions.FIRST_QPN)).isNotNull();

            first.close();

            assertThat(first.outstanding()).as("close drained the write").isZero();
            assertThat(server.queuePair(RoceBaselineOptions.FIRST_QPN)).isNull();
            assertThat(first.submit(BenchTransport.READ, 0, 8, 2)).isEqualTo(BenchTransport.UNSUPPORTED);
            try (RoceTransport second = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce))
            {
                assertThat(second.submit(BenchTransport.READ, 0, 100, 3)).isZero();
                assertThat(RoceFabrics.runUntil(fabric, () ->
                {
                    second.poll(record);
                    return second.outstanding() == 0;
                }, 20)).isTrue();
            }
            assertThat(done).extracting(d -> d[0]).containsExactly(3L);
            assertThat(done).extracting(d -> d[1]).containsExactly(0L);
        }
    }
}
