package org.edm.switchagent;

import org.edm.agent.CarrierLink;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * The carrier hold end to end: two hosts write into one memory node at once, so the switch's link to it streams with a
 * backlog; with a hold its frames stay open across duty cycles, without one they never do, and the data arrive intact
 * either way.
 */
class CarrierHoldFabricTest
{
    private static final int KEY = 1;
    private static final int MEMORY_NODE = 2;
    private static final int MEMORY_PORT = 2;
    private static final int WRITE_BYTES = 32 * 1024;
    private static final long BOUND_NANOS = 10_000_000_000L;

    @Test
    void shouldHoldTheSwitchsFramesOfStreamingWritesAndDeliverThemIntact()
    {
        final Result held = writeFromTwoHosts(50);
        assertThat(held.flushesHeld).as("flushes that kept a frame of write data open").isPositive();
        assertThat(held.framesPerBlock).as("frames the switch sent the memory node per block").isLessThan(0.5);

        final Result unheld = writeFromTwoHosts(0);
        assertThat(unheld.flushesHeld).isZero();
    }

    private static Result writeFromTwoHosts(final int holdMicros)
    {
        final RackDescription rack = TestRacks.rack("hold" + holdMicros, COMPUTE, COMPUTE, MEMORY);
        final FabricSettings settings = FabricSettings.defaults().withRegionBytes(1 << 20).withLineRate(0.2)
            .withCarrierHoldMicros(holdMicros);
        try (LocalFabric fabric = LocalFabric.inMemory(rack, settings, line -> { });
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory first = fabric.host("h0").newSession(16, fabric::runOnce);
            final RemoteMemory second = fabric.host("h1").newSession(16, fabric::runOnce);
            final MemorySegment firstData = randomBytes(arena, holdMicros);
            final MemorySegment secondData = randomBytes(arena, holdMicros + 1);
            final int[] statuses = { -1, -1 };
            final CarrierLink toMemory = fabric.switchAgent().link(MEMORY_PORT);
            final long framesBefore = toMemory.framesSent();
            first.write(MEMORY_NODE, KEY, 0, firstData, (id, status) -> statuses[0] = status);
            second.write(MEMORY_NODE, KEY, WRITE_BYTES, secondData, (id, status) -> statuses[1] = status);
            final long deadline = System.nanoTime() + BOUND_NANOS;
            while ((statuses[0] < 0 || statuses[1] < 0) && System.nanoTime() < deadline)
            {
                fabric.runOnce();
                first.poll((id, status) -> { }, 16);
                second.poll((id, status) -> { }, 16);
            }
            assertThat(statuses).containsExactly(CompletionStatus.SUCCESS, CompletionStatus.SUCCESS);
            final long frames = toMemory.framesSent() - framesBefore;
            final long blocks = fabric.switchAgent().engine().blocksOut(MEMORY_PORT);

            final MemorySegment back = arena.allocate(2 * WRITE_BYTES);
            assertThat(first.readBlocking(MEMORY_NODE, KEY, 0, back)).isEqualTo(CompletionStatus.SUCCESS);
            assertThat(back.asSlice(0, WRITE_BYTES).mismatch(firstData)).as("first write, hold %d us", holdMicros)
                .isEqualTo(-1);
            assertThat(back.asSlice(WRITE_BYTES, WRITE_BYTES).mismatch(secondData))
                .as("second write, hold %d us", holdMicros).isEqualTo(-1);
            return new Result(frames / (double)blocks, toMemory.flushesHeld());
        }
    }

    private static MemorySegment randomBytes(final Arena arena, final long seed)
    {
        final MemorySegment data = arena.allocate(WRITE_BYTES);
        final Random random = new Random(seed);
        for (int i = 0; i < WRITE_BYTES; i++)
        {
            data.set(ValueLayout.JAVA_BYTE, i, (byte)random.nextInt());
        }
        return data;
    }

    private record Result(double framesPerBlock, long flushesHeld)
    {
    }
}
