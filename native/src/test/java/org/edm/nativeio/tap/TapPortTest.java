package org.edm.nativeio.tap;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.PortCounter;
import org.edm.nativeio.PortOptions;
import org.edm.nativeio.PortStatus;
import org.edm.nativeio.Privileges;
import org.edm.nativeio.TestNamespace;
import org.edm.nativeio.packet.PacketPort;
import org.edm.nativeio.rack.IpCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TAP port against the kernel: an AF_PACKET socket on the TAP interface plays the kernel's side (what it sends goes
 * out of the interface, to the TAP port; what the TAP port writes arrives on the interface). Root only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TapPortTest
{
    private static TestNamespace namespace;

    @BeforeAll
    static void createNamespace()
    {
        Privileges.assumeNamespaceCapable();
        namespace = TestNamespace.create("tap");
    }

    @AfterAll
    static void deleteNamespace()
    {
        if (namespace != null)
        {
            namespace.close();
        }
    }

    @Test
    void shouldExchangeFramesWithTheKernel()
    {
        try (TapPort tap = TapPort.open(namespace.name(), "edmtap0", new PortOptions().etherType(PortOptions.ANY_ETHER_TYPE)))
        {
            IpCommand.run("-n", namespace.name(), "link", "set", "edmtap0", "up");
            try (PacketPort kernelSide = PacketPort.open(namespace.name(), "edmtap0", new PortOptions()))
            {
                final UnsafeBuffer frame = new UnsafeBuffer(new byte[100]);
                frame.putShort(FramePort.ETHER_TYPE_OFFSET, (short)FramePort.EDM_ETHER_TYPE, ByteOrder.BIG_ENDIAN);
                frame.putInt(20, 0xCAFE);
                assertThat(kernelSide.send(frame, 0, 100)).isEqualTo(1);
                final int[] got = new int[2];
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (got[0] != 100 && System.nanoTime() < deadline)
                {
                    tap.poll((b, o, l) ->
                    {
                        if (b.getInt(o + 20) == 0xCAFE)
                        {
                            got[0] = l;
                        }
                    }, 8);
                }
                assertThat(got[0]).as("the frame the kernel sent out of the TAP").isEqualTo(100);

                frame.putInt(20, 0xBEEF);
                assertThat(tap.send(frame, 0, 100)).isEqualTo(1);
                while (got[1] != 100 && System.nanoTime() < deadline)
                {
                    kernelSide.poll((b, o, l) ->
                    {
                        if (b.getInt(o + 20) == 0xBEEF)
                        {
                            got[1] = l;
                        }
                    }, 8);
                }
                assertThat(got[1]).as("the frame the TAP port wrote, received on the interface").isEqualTo(100);
                assertThat(tap.counters().get(PortCounter.FRAMES_OUT)).isEqualTo(1);
                assertThat(tap.tryClaim(tap.mtu() + 1)).isEqualTo(PortStatus.TOO_LONG);
            }
        }
        assertThat(IpCommand.tryRun("-n", namespace.name(), "link", "show", "edmtap0").exitCode())
            .as("the TAP interface goes away with the port").isNotZero();
    }
}
