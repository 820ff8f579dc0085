package org.edm.switchagent;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.agent.FrameEndpoint;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * Ordinary frames share the fabric with memory traffic: hosts' frames cross the switch's L2 path whole and in order
 * while remote reads and writes run on the same links, and memory requests still complete with the right data.
 */
class FabricFramesTest
{
    private static final int KEY = 1;
    private static final long MAC_A = 0x02_aa_00_00_00_01L;
    private static final long MAC_B = 0x02_aa_00_00_00_02L;
    private static final int FRAMES = 300;

    private final RackDescription rack = TestRacks.rack("fr", COMPUTE, MEMORY);

    @Test
    void shouldDeliverEveryFrameWholeAndInOrderWhileMemoryTrafficRuns()
    {
        final ScriptedFrameEndpoint a = new ScriptedFrameEndpoint(MAC_A, MAC_B, FRAMES, 60, 1514);
        final ScriptedFrameEndpoint b = new ScriptedFrameEndpoint(MAC_B, MAC_A, FRAMES, 60, 1514);
        final Map<String, FrameEndpoint> endpoints = Map.of("h0", a, "h1", b);
        final FabricSettings settings = FabricSettings.defaults().withRegionBytes(1 << 20).withLineRate(25);
        try (LocalFabric fabric = LocalFabric.inMemory(rack, settings,
            FabricOptions.defaults().withEndpoints(endpoints::get), line -> { });
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory session = fabric.host("h0").newSession(16, fabric::runOnce);
            final MemorySegment data = arena.allocate(4096);
            final MemorySegment back = arena.allocate(4096);
            int rounds = 0;
            final long deadline = System.nanoTime() + 20_000_000_000L;
            while ((a.received().size() < FRAMES || b.received().size() < FRAMES) && System.nanoTime() < deadline)
            {
                data.fill((byte)rounds);
                data.set(ValueLayout.JAVA_INT_UNALIGNED, 0, rounds);
                final long address = (rounds % 200) * 4096L;
                assertThat(session.writeBlocking(1, KEY, address, data)).isEqualTo(CompletionStatus.SUCCESS);
                assertThat(session.readBlocking(1, KEY, address, back)).isEqualTo(CompletionStatus.SUCCESS);
                assertThat(back.mismatch(data)).as("round %d read back", rounds).isEqualTo(-1);
                rounds++;
            }
            assertThat(rounds).as("memory traffic ran while frames crossed").isGreaterThan(1);
            assertThat(a.sent()).isEqualTo(FRAMES);
            assertThat(b.sent()).isEqualTo(FRAMES);
            assertFramesFrom(b.received(), MAC_A, a);
            assertFramesFrom(a.received(), MAC_B, b);
            assertThat(fabric.switchAgent().ports().l2().dropsFull()).isZero();
        }
    }

    private static void assertFramesFrom(final List<byte[]> received, final long source,
        final ScriptedFrameEndpoint sender)
    {
        assertThat(received).hasSize(FRAMES);
        final UnsafeBuffer expected = new UnsafeBuffer(new byte[1514]);
        final long destination = source == MAC_A ? MAC_B : MAC_A;
        for (int i = 0; i < FRAMES; i++)
        {
            final int length = ScriptedFrameEndpoint.build(expected, source, destination, i, sender.lengthOf(i));
            final byte[] want = Arrays.copyOf(expected.byteArray(), length);
            assertThat(received.get(i)).as("frame %d", i).isEqualTo(want);
        }
    }
}
