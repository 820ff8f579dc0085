package org.edm.sim;

import org.agrona.concurrent.UnsafeBuffer;
import org.edm.phy.host.HostConfig;
import org.edm.phy.host.HostEngine;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.memory.MemoryRegions;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.SwitchConfig;
import org.edm.phy.sw.SwitchEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The switch's own answer to a request for a node that is not attached (engines issue, item 11): the hosts of this
 * small fabric believe every node exists, so a read and a write to node 9 leave host 0, and the switch must answer
 * each with an ACK carrying UNKNOWN_NODE that completes the request and register no demand. A read and a write to the
 * attached node 1 run beside them and must succeed (with the right bytes, in the wire framings). A write refused this
 * way must also give back the host's message slot, so that the host can go on issuing requests.
 */
class SwitchUnknownNodeTest
{
    private static final int UNATTACHED = 9;
    private static final int REGION = 4096;

    @ParameterizedTest
    @ValueSource(strings = { "wire-7", "wire-8", "netsim" })
    void theSwitchAnswersARequestToAnUnattachedNodeWithUnknownNode(final String framingName)
    {
        final Fabric fabric = new Fabric(framing(framingName), 64);
        final boolean data = fabric.framing.carriesData();
        final UnsafeBuffer source = new UnsafeBuffer(new byte[100]);
        final UnsafeBuffer destination = new UnsafeBuffer(new byte[64]);
        final UnsafeBuffer unknownDestination = new UnsafeBuffer(new byte[64]);
        for (int i = 0; i < 100; i++)
        {
            source.putByte(i, (byte)(i + 1));
        }
        for (int i = 0; i < REGION; i++)
        {
            fabric.region(1).putByte(i, (byte)(i * 7));
        }

        assertThat(fabric.hosts[0].submitWrite(1, UNATTACHED, 0, 0, 100, source, 0, 0))
            .as("write to node %d submitted", UNATTACHED).isNotNegative();
        assertThat(fabric.hosts[0].submitRead(2, UNATTACHED, 0, 0, 64, unknownDestination, 0, 0))
            .as("read from node %d submitted", UNATTACHED).isNotNegative();
        assertThat(fabric.hosts[0].submitWrite(3, 1, 0, 0, 100, source, 0, 0)).isNotNegative();
        assertThat(fabric.hosts[0].submitRead(4, 1, 0, 200, 64, destination, 0, 0)).isNotNegative();
        fabric.runUntilQuiet(0, 10_000);

        assertThat(fabric.statuses).as("%s: completions by request id", framingName).containsExactlyInAnyOrderEntriesOf(
            Map.of(1L, CompletionStatus.UNKNOWN_NODE, 2L, CompletionStatus.UNKNOWN_NODE,
                3L, CompletionStatus.SUCCESS, 4L, CompletionStatus.SUCCESS));
        assertThat(fabric.fabricSwitch.unknownNode()).as("%s: requests the switch found no node for", framingName)
            .isEqualTo(2);
        assertThat(fabric.fabricSwitch.scheduler().liveEntries()).as("%s: demand left at the switch", framingName)
            .isZero();
        assertThat(fabric.fabricSwitch.ungranted()).as("%s: data without a grant", framingName).isZero();
        assertThat(fabric.hosts[0].outstanding()).as("%s: requests outstanding at host 0", framingName).isZero();
        assertThat(fabric.fabricSwitch.idle()).as("%s: switch idle", framingName).isTrue();
        for (int i = 0; i < 64; i++)
        {
            assertThat(unknownDestination.getByte(i)).as("%s: byte %d of the failed read's destination", framingName, i)
                .isZero();
        }
        if (data)
        {
            for (int i = 0; i < 100; i++)
            {
                assertThat(fabric.region(1).getByte(i)).as("%s: byte %d written to node 1", framingName, i)
                    .isEqualTo((byte)(i + 1));
            }
            for (int i = 0; i < 64; i++)
            {
                assertThat(destination.getByte(i)).as("%s: byte %d read from node 1", framingName, i)
                    .isEqualTo((byte)((200 + i) * 7));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "wire-7", "netsim" })
    void writesAnsweredWithUnknownNodeDoNotUseUpTheHostsMessageSlots(final String framingName)
    {
        final Fabric fabric = new Fabric(framing(framingName), 4);
        long slot = 0;
        for (int i = 0; i < 20; i++)
        {
            assertThat(fabric.hosts[0].submitWrite(i, UNATTACHED, 0, 0, 64, null, 0, slot))
                .as("%s: write %d to the unattached node submitted (earlier ones all completed)", framingName, i)
                .isNotNegative();
            slot = fabric.runUntilQuiet(slot, slot + 10_000);
            assertThat(fabric.statuses.get((long)i)).as("%s: status of write %d", framingName, i)
                .isEqualTo(CompletionStatus.UNKNOWN_NODE);
        }
        assertThat(fabric.hosts[0].submitWrite(100, 1, 0, 0, 64, null, 0, slot)).as("%s: a write to node 1 afterwards",
            framingName).isNotNegative();
        fabric.runUntilQuiet(slot, slot + 10_000);
        assertThat(fabric.statuses.get(100L)).as("%s: status of the write to node 1", framingName)
            .isEqualTo(CompletionStatus.SUCCESS);
        assertThat(fabric.hosts[0].isFull()).as("%s: host 0 out of room at the end", framingName).isFalse();
    }

    private static Framing framing(final String name)
    {
        return switch (name)
        {
            case "wire-7" -> Framing.wire(7);
            case "wire-8" -> Framing.wire(8);
            default -> Framing.netsim();
        };
    }

    /**
     * Two hosts (nodes 0 and 1 on ports 0 and 1) and a switch, joined by links of one slot, stepped in the rack's
     * order. The hosts are built by hand so that they believe every node id exists (the rack model's hosts know only
     * the rack's nodes and refuse others at submission).
     */
    private static final class Fabric
    {
        final Framing framing;
        final SwitchEngine fabricSwitch;
        final HostEngine[] hosts = new HostEngine[2];
        private final UnsafeBuffer[] regions = new UnsafeBuffer[2];
        final Map<Long, Integer> statuses = new HashMap<>();
        private final int[] upSync = new int[2];
        private final long[] upPayload = new long[2];
        private final boolean[] up = new boolean[2];
        private final int[] downSync = new int[2];
        private final long[] downPayload = new long[2];
        private final boolean[] down = new boolean[2];

        Fabric(final Framing framing, final int maxOutstanding)
        {
            this.framing = framing;
            final SchedulerConfig scheduler = new SchedulerConfig(2, 32, 32, 1, MatcherKind.GREEDY, 1, 0, 16);
            fabricSwitch = new SwitchEngine(SwitchConfig.identity(framing, scheduler));
            for (int h = 0; h < 2; h++)
            {
                this.regions[h] = new UnsafeBuffer(new byte[REGION]);
                final MemoryRegions regions = new MemoryRegions(framing.maxLength());
                regions.register(0, framing.carriesData() ? this.regions[h] : null, REGION);
                final HostConfig config = HostConfig.defaults(h, framing)
                    .withCapacity(maxOutstanding, 2 * maxOutstanding);
                hosts[h] = new HostEngine(config, regions,
                    (requestId, status, submitSlot, completeSlot) ->
                    {
                        assertThat(statuses.put(requestId, status)).as("request %d completed twice", requestId).isNull();
                    });
            }
        }

        /** The bytes behind host {@code h}'s region (key 0; not served in the netsim framing, which carries no data). */
        UnsafeBuffer region(final int h)
        {
            return regions[h];
        }

        /** Steps from {@code from} until nothing has moved for 100 slots; returns the next slot. */
        long runUntilQuiet(final long from, final long limit)
        {
            long quietSince = from;
            long slot = from;
            while (slot - quietSince < 100)
            {
                assertThat(slot).as("fabric still busy").isLessThan(limit);
                if (step(slot))
                {
                    quietSince = slot;
                }
                slot++;
            }
            return slot;
        }

        private boolean step(final long slot)
        {
            final int[] sync = new int[4];
            final long[] payload = new long[4];
            final boolean[] sent = new boolean[4];
            fabricSwitch.beginSlot(slot);
            for (int h = 0; h < 2; h++)
            {
                sent[h] = hosts[h].emit(slot);
                sync[h] = hosts[h].sync();
                payload[h] = hosts[h].payload();
            }
            for (int port = 0; port < 2; port++)
            {
                sent[2 + port] = fabricSwitch.emit(port, slot);
                sync[2 + port] = fabricSwitch.sync();
                payload[2 + port] = fabricSwitch.payload();
            }
            // blocks sent in the previous slot arrive now: first at the switch, then at the hosts
            for (int h = 0; h < 2; h++)
            {
                if (up[h])
                {
                    fabricSwitch.accept(h, slot, upSync[h], upPayload[h]);
                }
            }
            for (int h = 0; h < 2; h++)
            {
                if (down[h])
                {
                    hosts[h].accept(slot, downSync[h], downPayload[h]);
                }
            }
            boolean moved = false;
            for (int h = 0; h < 2; h++)
            {
                up[h] = sent[h];
                upSync[h] = sync[h];
                upPayload[h] = payload[h];
                down[h] = sent[2 + h];
                downSync[h] = sync[2 + h];
                downPayload[h] = payload[2 + h];
                moved |= sent[h] || sent[2 + h];
            }
            return moved || !fabricSwitch.idle();
        }
    }
}
