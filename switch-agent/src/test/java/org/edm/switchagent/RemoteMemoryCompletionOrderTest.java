package org.edm.switchagent;

import org.edm.host.RemoteMemory;
import org.edm.nativeio.rack.RackDescription;
import org.edm.phy.mem.CompletionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * Completions come back in any order (a short read overtakes a long one); a session must deliver every one to its
 * own callback. Found by edm verify: callbacks indexed by id modulo the capacity lost the older request's completion
 * when a newer request reused its index.
 */
class RemoteMemoryCompletionOrderTest
{
    private final RackDescription rack = TestRacks.rack("order", COMPUTE, MEMORY, MEMORY);
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
    void shouldDeliverEveryCompletionToItsOwnCallbackWhateverTheOrder()
    {
        final RemoteMemory session = fabric.host("h0").newSession(2, fabric::runOnce);
        final List<String> completed = new ArrayList<>();
        final long longRead = session.read(1, 1, 0, arena.allocate(200_000),
            (id, status) -> completed.add("long " + CompletionStatus.name(status)));
        final long shortRead = session.read(2, 1, 0, arena.allocate(8),
            (id, status) -> completed.add("short " + CompletionStatus.name(status)));
        assertThat(longRead).isNotNegative().isNotEqualTo(shortRead);
        while (completed.isEmpty())
        {
            fabric.runOnce();
            session.poll(null, 16);
        }
        assertThat(completed).as("the short read overtakes the long one").containsExactly("short success");
        final long another = session.read(2, 1, 64, arena.allocate(8),
            (id, status) -> completed.add("another " + CompletionStatus.name(status)));
        assertThat(another).isNotNegative().isNotIn(longRead, shortRead);
        session.drain((id, status) -> completed.add("unclaimed " + id));
        assertThat(completed).containsExactlyInAnyOrder("short success", "long success", "another success");
        assertThat(session.outstanding()).isZero();
    }
}
