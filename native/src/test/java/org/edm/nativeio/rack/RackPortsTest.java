package org.edm.nativeio.rack;

import java.nio.ByteOrder;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RackPortsTest
{
    @Test
    void shouldCableEveryHostToItsSwitchPortInMemory()
    {
        final RackDescription rack = LocalRackLayout.describe("r0", 3, RackDescription.State.UP);
        try (RackPorts.InMemory ports = RackPorts.inMemory(rack, new PortOptions()))
        {
            assertThat(ports.hosts()).containsOnlyKeys("h0", "h1", "h2");
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
            frame.putShort(FramePort.ETHER_TYPE_OFFSET, (short)FramePort.EDM_ETHER_TYPE, ByteOrder.BIG_ENDIAN);
            assertThat(ports.hosts().get("h2").send(frame, 0, 60)).isEqualTo(1);
            final int[] length = new int[1];
            assertThat(ports.switchPorts().get("h2").poll((b, o, l) -> length[0] = l, 10)).isEqualTo(1);
            assertThat(length[0]).isEqualTo(60);
            assertThat(ports.switchPorts().get("h1").poll((b, o, l) -> { }, 10)).isZero();
        }
    }
}
