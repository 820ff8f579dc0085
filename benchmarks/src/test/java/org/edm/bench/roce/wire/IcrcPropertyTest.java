package org.edm.bench.roce.wire;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table-driven CRC-32 agrees with the JDK's, chains like zlib's, and the ICRC is the same whether the frame is
 * on-heap (JDK intrinsic path) or off-heap (table path); it changes with any protected byte and not with the masked
 * ones.
 */
class IcrcPropertyTest
{
    @Property(tries = 300)
    void tableCrcShouldMatchTheJdk(@ForAll @Size(max = 300) final byte[] data, @ForAll @IntRange(max = 7) final int at)
    {
        final byte[] shifted = new byte[data.length + at];
        System.arraycopy(data, 0, shifted, at, data.length);
        final CRC32 jdk = new CRC32();
        jdk.update(data);

        assertThat(Crc32.update(0, new UnsafeBuffer(shifted), at, data.length)).isEqualTo((int)jdk.getValue());
        assertThat(Crc32.update(0, shifted, at, data.length)).isEqualTo((int)jdk.getValue());
    }

    @Property(tries = 200)
    void tableCrcShouldChain(@ForAll @Size(max = 100) final byte[] a, @ForAll @Size(max = 100) final byte[] b)
    {
        final byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);

        final int chained = Crc32.update(Crc32.update(0, a, 0, a.length), new UnsafeBuffer(b), 0, b.length);
        assertThat(chained).isEqualTo(Crc32.update(0, both, 0, both.length));
    }

    @Property(tries = 200)
    void icrcShouldNotDependOnWhereTheFrameLives(@ForAll("frames") final byte[] frame)
    {
        final int icrcOffset = frame.length - Icrc.LENGTH;
        final Icrc icrc = new Icrc();
        final int onHeap = icrc.compute(new UnsafeBuffer(frame), RoceFrameWriter.IP_OFFSET, icrcOffset);

        final byte[] padded = new byte[frame.length + 5];
        System.arraycopy(frame, 0, padded, 5, frame.length);
        final UnsafeBuffer wrappedAtOffset = new UnsafeBuffer(padded, 5, frame.length);
        final ByteBuffer direct = BufferUtil.allocateDirectAligned(frame.length + 64, 64);
        final UnsafeBuffer offHeap = new UnsafeBuffer(direct);
        offHeap.putBytes(3, frame);

        assertThat(icrc.compute(wrappedAtOffset, RoceFrameWriter.IP_OFFSET, icrcOffset)).isEqualTo(onHeap);
        assertThat(icrc.compute(offHeap, 3 + RoceFrameWriter.IP_OFFSET, 3 + icrcOffset)).isEqualTo(onHeap);
    }

    @Property(tries = 200)
    void icrcShouldCoverEveryByteButTheMaskedOnes(
        @ForAll("frames") final byte[] frame, @ForAll @IntRange(min = 0, max = 10_000) final int pick)
    {
        final int icrcOffset = frame.length - Icrc.LENGTH;
        final Icrc icrc = new Icrc();
        final int before = icrc.compute(new UnsafeBuffer(frame), RoceFrameWriter.IP_OFFSET, icrcOffset);
        final int position = RoceFrameWriter.IP_OFFSET + pick % (icrcOffset - RoceFrameWriter.IP_OFFSET);
        frame[position] ^= 0x01;
        final int after = icrc.compute(new UnsafeBuffer(frame), RoceFrameWriter.IP_OFFSET, icrcOffset);

        final int ip = position - RoceFrameWriter.IP_OFFSET;
        final boolean masked = ip == Ipv4Header.TOS_OFFSET || ip == Ipv4Header.TTL_OFFSET ||
            ip == Ipv4Header.CHECKSUM_OFFSET || ip == Ipv4Header.CHECKSUM_OFFSET + 1 ||
            position == RoceFrameWriter.UDP_OFFSET + UdpHeader.CHECKSUM_OFFSET ||
            position == RoceFrameWriter.UDP_OFFSET + UdpHeader.CHECKSUM_OFFSET + 1 ||
            position == RoceFrameWriter.BTH_OFFSET + Bth.FECN_BECN_OFFSET;
        if (masked)
        {
            assertThat(after).as("byte %d is masked", position).isEqualTo(before);
        }
        else
        {
            assertThat(after).as("byte %d is protected", position).isNotEqualTo(before);
        }
    }

    @Provide
    Arbitrary<byte[]> frames()
    {
        final Arbitrary<Integer> opcodes = Arbitraries.of(
            RoceOpcodes.RDMA_WRITE_FIRST, RoceOpcodes.RDMA_WRITE_MIDDLE, RoceOpcodes.RDMA_WRITE_LAST,
            RoceOpcodes.RDMA_WRITE_ONLY, RoceOpcodes.RDMA_READ_REQUEST, RoceOpcodes.RDMA_READ_RESPONSE_FIRST,
            RoceOpcodes.RDMA_READ_RESPONSE_MIDDLE, RoceOpcodes.RDMA_READ_RESPONSE_LAST,
            RoceOpcodes.RDMA_READ_RESPONSE_ONLY, RoceOpcodes.ACKNOWLEDGE);
        return Combinators.combine(
                opcodes, Arbitraries.integers().between(0, 0xFF_FFFF), Arbitraries.integers().between(0, 200),
                Arbitraries.longs())
            .as((opcode, psn, length, seed) ->
            {
                final int payload = RoceOpcodes.hasPayload(opcode) ? length : 0;
                final RoceFrameWriter writer = GoldenFrames.writerA();
                final byte[] frame = new byte[RoceFrameWriter.frameLength(opcode, payload)];
                final UnsafeBuffer buffer = new UnsafeBuffer(frame);
                final java.util.Random random = new java.util.Random(seed);
                writer.begin(buffer, 0, opcode, psn, random.nextBoolean(), payload);
                for (int i = RoceFrameWriter.EXTENSION_OFFSET; i < frame.length; i++)
                {
                    frame[i] = (byte)random.nextInt();
                }
                writer.seal(buffer, 0, opcode, payload);
                return frame;
            });
    }
}
