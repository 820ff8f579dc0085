package org.edm.switchagent;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.host.RemoteMemory;
import org.edm.nativeio.FramePort;
import org.edm.nativeio.ext.LossyPort;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/** Loss and malformed input on a fabric in one process: counted, bounded in time, never wrong data. */
class FabricFaultTest
{
    private static final int KEY = 1;
    private final RackDescription rack = TestRacks.rack("f", COMPUTE, MEMORY);

    @Test
    void shouldCountAndDropMalformedCarrierFramesAndKeepServing()
    {
        try (LocalFabric fabric = LocalFabric.inMemory(rack, FabricSettings.defaults().withRegionBytes(1 << 16),
            line -> { });
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory session = fabric.host("h0").newSession(16, fabric::runOnce);
            final MemorySegment data = arena.allocate(200).fill((byte)0x42);
            assertThat(session.writeBlocking(1, KEY, 0, data)).isEqualTo(CompletionStatus.SUCCESS);

            final FramePort toSwitch = fabric.host("h0").link().port();
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[1514]);
            final Random random = new Random(3);
            final int injected = 40;
            for (int i = 0; i < injected; i++)
            {
                final int length = 20 + random.nextInt(200);
                for (int b = 0; b < length; b++)
                {
                    frame.putByte(b, (byte)random.nextInt());
                }
                frame.putShort(12, (short)0x88B5, ByteOrder.BIG_ENDIAN);
                frame.putByte(14, (byte)(i % 3 == 0 ? 1 : random.nextInt()));
                assertThat(toSwitch.send(frame, 0, length)).isGreaterThanOrEqualTo(0);
            }
            final MemorySegment back = arena.allocate(200);
            assertThat(session.readBlocking(1, KEY, 0, back)).isEqualTo(CompletionStatus.SUCCESS);
            assertThat(back.mismatch(data)).isEqualTo(-1);
            final var receiver = fabric.switchAgent().link(0).receiver();
            assertThat(receiver.totalRejected() + fabric.switchAgent().engine().malformed())
                .as("every injected frame was rejected or its blocks dropped").isGreaterThanOrEqualTo(injected / 2);
            assertThat(receiver.totalRejected()).isPositive();
        }
    }

    @Test
    void shouldEndRequestsWhoseFramesWereLostWithATimeoutAndNeverWithWrongData()
    {
        final AtomicBoolean lossy = new AtomicBoolean(true);
        final Random random = new Random(11);
        final FabricSettings settings = FabricSettings.defaults().withRegionBytes(1 << 16).withTimeoutMicros(50_000);
        try (LocalFabric fabric = LocalFabric.inMemory(rack, settings, FabricOptions.defaults().withHostPorts(
            (host, port) -> host.equals("h1") ? new LossyPort(port, () -> lossy.get() && random.nextInt(4) == 0) : port),
            line -> { });
            Arena arena = Arena.ofConfined())
        {
            final RemoteMemory session = fabric.host("h0").newSession(64, fabric::runOnce);
            final MemorySegment pattern = arena.allocate(4096);
            for (int i = 0; i < 4096; i++)
            {
                pattern.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte)(i * 7));
            }
            lossy.set(false);
            assertThat(session.writeBlocking(1, KEY, 0, pattern)).isEqualTo(CompletionStatus.SUCCESS);
            lossy.set(true);

            int success = 0;
            int timeouts = 0;
            final long start = System.nanoTime();
            for (int i = 0; i < 200; i++)
            {
                final int offset = 64 * (i % 60);
                final MemorySegment back = arena.allocate(64);
                final int status = session.readBlocking(1, KEY, offset, back);
                if (status == CompletionStatus.SUCCESS)
                {
                    success++;
                    assertThat(back.mismatch(pattern.asSlice(offset, 64))).as("read %d returned wrong data", i)
                        .isEqualTo(-1);
                }
                else
                {
                    assertThat(status).isEqualTo(CompletionStatus.TIMEOUT);
                    timeouts++;
                }
            }
            final double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(timeouts).as("a quarter of the memory node's frames were dropped").isPositive();
            assertThat(success).isPositive();
            assertThat(seconds).as("every request ended within its timeout (bounded time)")
                .isLessThan(200 * 0.05 + 10);
            assertThat(fabric.switchAgent().link(1).gaps()).as("the switch saw the gaps on h1's link").isPositive();

            lossy.set(false);
            final MemorySegment back = arena.allocate(4096);
            assertThat(session.readBlocking(1, KEY, 0, back)).as("the fabric recovers").isEqualTo(CompletionStatus.SUCCESS);
            assertThat(back.mismatch(pattern)).isEqualTo(-1);
        }
    }
}
