package org.edm.switchagent;

import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.BOTH;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/** A whole fabric in one process over in-memory cables, driven by the test thread (INVOKER style). */
class LocalFabricTest
{
    private static final int KEY = 1;
    private final RackDescription rack = TestRacks.rack("t", COMPUTE, MEMORY, BOTH);
    private final LocalFabric fabric = LocalFabric.inMemory(rack,
        FabricSettings.defaults().withRegionBytes(1 << 20).withLineRate(25), line -> { });
    private final Arena arena = Arena.ofConfined();

    @AfterEach
    void close()
    {
        fabric.close();
        arena.close();
    }

    @Test
    void shouldWriteThenReadBackEverySizeFromOneByteTo64KiB()
    {
        final RemoteMemory session = fabric.host("h0").newSession(256, fabric::runOnce);
        final Random random = new Random(7);
        long address = 0;
        for (final int size : new int[] { 1, 7, 8, 64, 100, 1500, 4096, 65535, 65536, 100_000 })
        {
            for (final int node : new int[] { 1, 2 })
            {
                final MemorySegment data = arena.allocate(size);
                for (int i = 0; i < size; i++)
                {
                    data.set(ValueLayout.JAVA_BYTE, i, (byte)random.nextInt());
                }
                assertThat(session.writeBlocking(node, KEY, address, data)).as("write %d B to node %d", size, node)
                    .isEqualTo(CompletionStatus.SUCCESS);
                final MemorySegment back = arena.allocate(size);
                assertThat(session.readBlocking(node, KEY, address, back)).as("read %d B from node %d", size, node)
                    .isEqualTo(CompletionStatus.SUCCESS);
                assertThat(back.mismatch(data)).as("bytes read back").isEqualTo(-1);
            }
            address += size;
        }
    }

    @Test
    void shouldKeep256RequestsOutstandingAndCompleteEveryOne()
    {
        final RemoteMemory session = fabric.host("h2").newSession(256, fabric::runOnce);
        final MemorySegment block = arena.allocate(64 * 256);
        final int[] completed = new int[1];
        for (int i = 0; i < 256; i++)
        {
            final long id = session.read(1, KEY, i * 64L, block.asSlice(i * 64L, 64),
                (requestId, status) ->
                {
                    assertThat(status).isEqualTo(CompletionStatus.SUCCESS);
                    completed[0]++;
                });
            assertThat(id).isGreaterThanOrEqualTo(0);
        }
        assertThat(session.outstanding()).isEqualTo(256);
        assertThat(session.read(1, KEY, 0, block.asSlice(0, 64))).isEqualTo(-CompletionStatus.BACK_PRESSURED);
        session.drain((requestId, status) -> { });
        assertThat(completed[0]).isEqualTo(256);
    }

    @Test
    void shouldCompleteBadRequestsWithTheRightStatusAndChangeNothing()
    {
        final RemoteMemory session = fabric.host("h0").newSession(16, fabric::runOnce);
        final MemorySegment pattern = arena.allocate(64).fill((byte)0x5A);
        assertThat(session.writeBlocking(1, KEY, 4096, pattern)).isEqualTo(CompletionStatus.SUCCESS);
        final MemorySegment junk = arena.allocate(64).fill((byte)0x11);
        assertThat(session.writeBlocking(1, KEY + 1, 4096, junk)).isEqualTo(CompletionStatus.BAD_KEY);
        assertThat(session.writeBlocking(1, KEY, (1 << 20) - 10, junk)).isEqualTo(CompletionStatus.OUT_OF_BOUNDS);
        assertThat(session.readBlocking(1, KEY, Long.MAX_VALUE - 10, junk)).isEqualTo(CompletionStatus.OUT_OF_BOUNDS);
        assertThat(session.readBlocking(7, KEY, 0, junk)).isEqualTo(CompletionStatus.UNKNOWN_NODE);
        assertThat(session.readBlocking(0, KEY, 0, junk)).as("a node does not address itself")
            .isEqualTo(CompletionStatus.UNKNOWN_NODE);
        final RemoteMemory other = fabric.host("h2").newSession(16, fabric::runOnce);
        assertThat(other.readBlocking(0, KEY, 0, junk)).as("h0 serves no memory").isEqualTo(CompletionStatus.BAD_KEY);
        assertThat(session.writeBlocking(1, KEY, 0, arena.allocate(2 << 20))).isEqualTo(CompletionStatus.BAD_LENGTH);
        final MemorySegment back = arena.allocate(64);
        assertThat(session.readBlocking(1, KEY, 4096, back)).isEqualTo(CompletionStatus.SUCCESS);
        assertThat(back.mismatch(pattern)).as("the bad writes changed nothing").isEqualTo(-1);
    }
}
