package org.edm.bench.roce.fabric;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.edm.bench.roce.RoceStatus;
import org.edm.bench.roce.wire.Reth;
import org.edm.bench.roce.wire.RoceFrameWriter;
import org.edm.bench.roce.wire.RoceOpcodes;
import org.edm.nativeio.rack.RackDescription;
import org.edm.switchagent.LocalFabric;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.edm.nativeio.rack.RackDescription.Role.COMPUTE;
import static org.edm.nativeio.rack.RackDescription.Role.MEMORY;

/**
 * RDMA READs and WRITEs from a compute host to a memory host through the switch agent's L2 path, every size from one
 * byte to 64 KiB (single and multi-packet messages), checked byte for byte against the region the memory host's agent
 * serves: a WRITE lands there, and a READ returns what is there.
 */
class RoceFabricTest
{
    private static final int[] SIZES = { 1, 2, 3, 7, 8, 9, 63, 64, 65, 1000, 1023, 1024, 1025, 2048, 3000, 4096, 9999,
        32768, 65535, 65536 };

    private final RackDescription rack = RoceFabrics.rack("roce", COMPUTE, MEMORY);
    private final UnsafeBuffer local = new UnsafeBuffer(ByteBuffer.allocateDirect(1 << 17));
    private final List<long[]> completions = new ArrayList<>();

    @Test
    void shouldWriteAndReadEverySizeFromOneByteTo64KiBThroughTheSwitch()
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10)))
        {
            final RoceClient client = RoceBaseline.client(fabric, "h0", "h1");
            final MutableDirectBuffer region = fabric.region("h1");
            final SplittableRandom random = new SplittableRandom(42);
            for (final int size : SIZES)
            {
                final long address = random.nextLong(RoceFabrics.REGION_BYTES - size + 1);
                final byte[] written = bytes(random, size);
                local.putBytes(0, written);

                assertThat(client.write(address, size, local, 0, size)).isZero();
                assertThat(await(fabric, client)).as("write of %d bytes", size).isEqualTo(RoceStatus.SUCCESS);
                assertThat(regionBytes(region, address, size)).as("region after a write of %d bytes", size)
                    .isEqualTo(written);

                final byte[] stored = bytes(random, size);
                region.putBytes((int)address, stored);
                local.setMemory(0, size + 1, (byte)0x5A);
                assertThat(client.read(address, size, local, 0, -size)).isZero();
                assertThat(await(fabric, client)).as("read of %d bytes", size).isEqualTo(RoceStatus.SUCCESS);
                final byte[] read = new byte[size];
                local.getBytes(0, read);
                assertThat(read).as("read of %d bytes", size).isEqualTo(stored);
                assertThat(local.getByte(size)).as("nothing written past the read").isEqualTo((byte)0x5A);
            }
            assertThat(completions).extracting(c -> c[0]).doesNotHaveDuplicates();
            final RoceEndpoint server = RoceBaseline.endpointOf(fabric, "h1");
            final RoceEndpoint compute = RoceBaseline.endpointOf(fabric, "h0");
            assertThat(server.dropped() + compute.dropped()).as("frames refused by a queue pair").isZero();
            assertThat(fabric.switchAgent().ports().l2().dropsFull()).isZero();
        }
    }

    @Test
    void shouldFailAReadOutsideTheRegionWithARemoteAccessErrorAndKeepTheOtherQueuePairsServing()
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10),
            RoceBaselineOptions.defaults().withQueuePairs(2), (host, port) -> port))
        {
            final RoceClient client = RoceBaseline.client(fabric, "h0", "h1");

            assertThat(client.read(RoceFabrics.REGION_BYTES - 4, 8, local, 0, 1)).isZero();
            assertThat(await(fabric, client)).isEqualTo(RoceStatus.REMOTE_ACCESS_ERROR);

            fabric.region("h1").putLong(64, 0x1122334455667788L);
            assertThat(client.read(64, 8, local, 0, 2)).isZero();
            assertThat(await(fabric, client)).as("the queue pair not in error serves the next read")
                .isEqualTo(RoceStatus.SUCCESS);
            assertThat(local.getLong(0)).isEqualTo(0x1122334455667788L);
        }
    }

    @Test
    void shouldRefuseHeapBuffersAndMoreRequestsThanTheClientHolds()
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10),
            RoceBaselineOptions.defaults().withOutstanding(2), (host, port) -> port))
        {
            final RoceClient client = RoceBaseline.client(fabric, "h0", "h1");

            assertThat(client.read(0, 8, new UnsafeBuffer(new byte[8]), 0, 1)).isEqualTo(RoceClient.BAD_BUFFER);
            assertThat(client.read(0, 8, local, local.capacity() - 4, 1)).isEqualTo(RoceClient.BAD_BUFFER);
            assertThat(client.read(0, 8, local, 0, 1)).isZero();
            assertThat(client.read(8, 8, local, 8, 2)).isZero();
            assertThat(client.read(16, 8, local, 16, 3)).isEqualTo(RoceClient.BACK_PRESSURED);
            assertThat(RoceFabrics.runUntil(fabric, () ->
            {
                client.poll(this::completed, 16);
                return client.outstanding() == 0;
            }, 10)).isTrue();
            assertThat(completions).extracting(c -> c[0]).containsExactlyInAnyOrder(1L, 2L);
        }
    }

    @Test
    void shouldDropFramesForOtherHostsAndQueuePairsAndCountThem()
    {
        try (LocalFabric fabric = RoceFabrics.open(rack, RoceFabrics.settings(10)))
        {
            RoceBaseline.client(fabric, "h0", "h1");
            final RoceEndpoint server = RoceBaseline.endpointOf(fabric, "h1");
            final RoceEndpoint client = RoceBaseline.endpointOf(fabric, "h0");
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[128]);

            server.onFrame(frame, 0, 10, 0);
            final int length = readRequest(frame, client.address(), server.address(), 0x7777);
            server.onFrame(frame, 0, length, 0);
            frame.putShort(12, (short)0x88B5);
            server.onFrame(frame, 0, length, 0);
            putMac(frame, 0x02_aa_00_00_00_09L);
            server.onFrame(frame, 0, length, 0);
            readRequest(frame, client.address(), server.address(), RoceBaselineOptions.FIRST_QPN);
            frame.putByte(length - 1, (byte)(frame.getByte(length - 1) ^ 1));
            server.onFrame(frame, 0, length, 0);

            assertThat(server.runts()).isEqualTo(1);
            assertThat(server.unknownQueuePair()).as("a QPN the server does not have").isEqualTo(1);
            assertThat(server.notRoce()).as("another EtherType").isEqualTo(1);
            assertThat(server.notForThisHost()).isEqualTo(1);
            assertThat(server.dropped()).as("refused by the queue pair").isEqualTo(1);
            assertThat(server.queuePair(RoceBaselineOptions.FIRST_QPN).badIcrc()).isEqualTo(1);
            assertThat(server.droppedTotal()).isEqualTo(5);
            assertThat(server.framesReceived()).isZero();
        }
    }

    /** A well-formed READ Request (8 bytes at 0) from {@code from} to queue pair {@code qpn} of {@code to}. */
    private static int readRequest(final UnsafeBuffer frame, final RoceAddress from, final RoceAddress to,
        final int qpn)
    {
        final RoceFrameWriter writer = new RoceFrameWriter(from.mac(), to.mac(), from.ip(), to.ip(), 0xC000, 0xFFFF,
            qpn);
        final int length = RoceFrameWriter.frameLength(RoceOpcodes.RDMA_READ_REQUEST, 0);
        writer.begin(frame, 0, RoceOpcodes.RDMA_READ_REQUEST, 0, true, 0);
        Reth.put(frame, RoceFrameWriter.EXTENSION_OFFSET, 0, 1, 8);
        writer.seal(frame, 0, RoceOpcodes.RDMA_READ_REQUEST, 0);
        return length;
    }

    private int await(final LocalFabric fabric, final RoceClient client)
    {
        final int before = completions.size();
        assertThat(RoceFabrics.runUntil(fabric, () ->
        {
            client.poll(this::completed, 16);
            return completions.size() > before;
        }, 20)).as("completed in time").isTrue();
        return (int)completions.getLast()[1];
    }

    private void completed(final long token, final int status)
    {
        completions.add(new long[] { token, status });
    }

    private static byte[] bytes(final SplittableRandom random, final int size)
    {
        final byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] regionBytes(final MutableDirectBuffer region, final long address, final int size)
    {
        final byte[] bytes = new byte[size];
        region.getBytes((int)address, bytes);
        return bytes;
    }

    private static void putMac(final MutableDirectBuffer frame, final long mac)
    {
        for (int i = 0; i < 6; i++)
        {
            frame.putByte(i, (byte)(mac >>> (40 - 8 * i)));
        }
    }
}
