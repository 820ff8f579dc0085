package org.edm.bench.wire;

import org.edm.bench.roce.fabric.RoceBaseline;
import org.edm.bench.roce.fabric.RoceTransport;
import org.edm.switchagent.FabricOptions;
import org.edm.switchagent.LocalFabric;
import org.edm.phy.mem.Framing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measurement's machinery on a short run (no figure is asserted: timing belongs to the bench): both systems
 * complete operations without errors through the alternating windows, the wire counters see the bytes the framing
 * predicts per operation on the busiest direction, and the table shows the row.
 */
class WireRatioMeasurementTest
{
    @Test
    void shouldRunBothSystemsAndCountTheirWireBytes()
    {
        final double gbps = 1;
        final var rack = WireRatioMeasurement.rack();
        final var settings = WireRatioMeasurement.settings(gbps);
        final var roceOptions = WireRatioMeasurement.roceOptions(32);
        try (LocalFabric fabric = LocalFabric.inMemory(rack, settings,
            FabricOptions.defaults().withEndpoints(RoceBaseline.endpoints(rack, roceOptions)), line -> { });
            EdmSessionTransport edm = new EdmSessionTransport(fabric, "h0", "h1", 32, 4096, fabric::runOnce);
            RoceTransport roce = RoceBaseline.transport(fabric, "h0", "h1", fabric::runOnce))
        {
            final WireBytePrediction.Comparison predicted = WireBytePrediction.compare(WireBytePrediction.WRITE, 64,
                Framing.wire(7), settings.chunkBytes(), roceOptions.mtu(), roceOptions.ackCoalesce());

            final WireRatioMeasurement.Row row = WireRatioMeasurement.compare(predicted, edm, roce,
                WireRatioMeasurement.Links.of(fabric, "h0", "h1"), 32, 0.2, 2);

            assertThat(row.edm().operations()).isPositive();
            assertThat(row.roce().operations()).isPositive();
            assertThat(row.edm().errors() + row.roce().errors()).isZero();
            // the client's uplink carries NOTIF + WREQ for EDM and the WRITE Only frame for RoCE, whatever the rate
            assertThat(row.edm().wirePerOperation().clientUp()).isCloseTo(112, org.assertj.core.data.Percentage
                .withPercentage(10));
            assertThat(row.roce().wirePerOperation().clientUp()).isCloseTo(164, org.assertj.core.data.Percentage
                .withPercentage(10));
            assertThat(WireRatioMeasurement.table(List.of(row), gbps)).contains("write     64 edm")
                .contains("write     64 roce");
        }
    }
}
