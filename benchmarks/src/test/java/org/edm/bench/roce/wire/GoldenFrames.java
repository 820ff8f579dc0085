package org.edm.bench.roce.wire;

import org.agrona.concurrent.UnsafeBuffer;

import java.util.HexFormat;

/**
 * Four RoCEv2 frames written out by hand from the layouts (IBA vol. 1 ch. 9 and annex A17, RFC 791, RFC 768), one
 * header per line. The IPv4 checksums and ICRCs were computed separately (RFC 1071 sum; zlib CRC-32 over the masked
 * pseudo-packet) and agree with scapy's RoCE layer. Host A is 02:00:00:00:00:01 / 10.0.0.1 / QP 0x11 / UDP source
 * port 0xC123, host B is 02:00:00:00:00:02 / 10.0.0.2 / QP 0x12 / port 0xC456.
 */
public final class GoldenFrames
{
    public static final long MAC_A = 0x02_00_00_00_00_01L;
    public static final long MAC_B = 0x02_00_00_00_00_02L;
    public static final int IP_A = 0x0A_00_00_01;
    public static final int IP_B = 0x0A_00_00_02;
    public static final int QP_A = 0x11;
    public static final int QP_B = 0x12;
    public static final int PORT_A = 0xC123;
    public static final int PORT_B = 0xC456;

    /** A -> B: RDMA READ Request, PSN 0x100, A bit, RETH va 0x1000 rkey 0x2A length 8. 74 bytes. */
    public static final String READ_REQUEST =
        "020000000002" + "020000000001" + "0800" +                        // Ethernet: dst B, src A, IPv4
        "4500003c" + "00004000" + "401126af" + "0a000001" + "0a000002" +  // IPv4: len 60, id 0, DF, TTL 64, UDP
        "c12312b7" + "00280000" +                                         // UDP: 0xC123 -> 4791, len 40, csum 0
        "0c00ffff" + "00000012" + "80000100" +                            // BTH: op 0x0C, pkey, QP 0x12, A, PSN
        "0000000000001000" + "0000002a" + "00000008" +                    // RETH: va, rkey, DMA length
        "d3aa1a2a";                                                       // ICRC 0x2A1AAAD3, little-endian

    /** B -> A: RDMA READ Response Only, PSN 0x100, AETH ACK (credits 0x1F) MSN 1, payload 01..08. 70 bytes. */
    public static final String READ_RESPONSE_ONLY =
        "020000000001" + "020000000002" + "0800" +
        "45000038" + "00004000" + "401126b3" + "0a000002" + "0a000001" +  // IPv4: len 56
        "c45612b7" + "00240000" +                                         // UDP: len 36
        "1000ffff" + "00000011" + "00000100" +                            // BTH: op 0x10, QP 0x11, PSN 0x100
        "1f000001" +                                                      // AETH: syndrome 0x1F (ACK), MSN 1
        "0102030405060708" +                                              // payload
        "091f9260";                                                       // ICRC 0x60921F09

    /** A -> B: RDMA WRITE Only, PSN 0x101, A bit, RETH va 0x2000 rkey 0x2A length 5, "hello" + 3 pad. 82 bytes. */
    public static final String WRITE_ONLY =
        "020000000002" + "020000000001" + "0800" +
        "45000044" + "00014000" + "401126a6" + "0a000001" + "0a000002" +  // IPv4: len 68, id 1
        "c12312b7" + "00300000" +                                         // UDP: len 48
        "0a30ffff" + "00000012" + "80000101" +                            // BTH: op 0x0A, pad count 3, A, PSN
        "0000000000002000" + "0000002a" + "00000005" +                    // RETH
        "68656c6c6f" + "000000" +                                         // payload "hello", pad
        "9216b039";                                                       // ICRC 0x39B01692

    /** B -> A: Acknowledge, PSN 0x101, AETH ACK MSN 2. 62 bytes. */
    public static final String ACK =
        "020000000001" + "020000000002" + "0800" +
        "45000030" + "00014000" + "401126ba" + "0a000002" + "0a000001" +  // IPv4: len 48, id 1
        "c45612b7" + "001c0000" +                                         // UDP: len 28
        "1100ffff" + "00000011" + "00000101" +                            // BTH: op 0x11, PSN 0x101
        "1f000002" +                                                      // AETH: ACK, MSN 2
        "f7027301";                                                       // ICRC 0x017302F7

    private GoldenFrames()
    {
    }

    public static byte[] bytes(final String hex)
    {
        return HexFormat.of().parseHex(hex);
    }

    /** The writer of host A's frames (to B). */
    public static RoceFrameWriter writerA()
    {
        return new RoceFrameWriter(MAC_A, MAC_B, IP_A, IP_B, PORT_A, Bth.DEFAULT_PKEY, QP_B);
    }

    /** The writer of host B's frames (to A). */
    public static RoceFrameWriter writerB()
    {
        return new RoceFrameWriter(MAC_B, MAC_A, IP_B, IP_A, PORT_B, Bth.DEFAULT_PKEY, QP_A);
    }

    /** The four frames as this project's writer encodes them, in the order above. */
    public static byte[][] encoded()
    {
        final RoceFrameWriter a = writerA();
        final RoceFrameWriter b = writerB();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[256]);
        final byte[][] frames = new byte[4][];

        a.begin(buffer, 0, RoceOpcodes.RDMA_READ_REQUEST, 0x100, true, 0);
        Reth.put(buffer, RoceFrameWriter.EXTENSION_OFFSET, 0x1000, 0x2A, 8);
        frames[0] = copy(buffer, a.seal(buffer, 0, RoceOpcodes.RDMA_READ_REQUEST, 0));

        b.begin(buffer, 0, RoceOpcodes.RDMA_READ_RESPONSE_ONLY, 0x100, false, 8);
        Aeth.put(buffer, RoceFrameWriter.EXTENSION_OFFSET, Aeth.SYNDROME_ACK, 1);
        buffer.putBytes(RoceFrameWriter.payloadOffset(RoceOpcodes.RDMA_READ_RESPONSE_ONLY),
            new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
        frames[1] = copy(buffer, b.seal(buffer, 0, RoceOpcodes.RDMA_READ_RESPONSE_ONLY, 8));

        buffer.setMemory(0, buffer.capacity(), (byte)0x5A);
        a.begin(buffer, 0, RoceOpcodes.RDMA_WRITE_ONLY, 0x101, true, 5);
        Reth.put(buffer, RoceFrameWriter.EXTENSION_OFFSET, 0x2000, 0x2A, 5);
        buffer.putBytes(RoceFrameWriter.payloadOffset(RoceOpcodes.RDMA_WRITE_ONLY), "hello".getBytes());
        frames[2] = copy(buffer, a.seal(buffer, 0, RoceOpcodes.RDMA_WRITE_ONLY, 5));

        b.begin(buffer, 0, RoceOpcodes.ACKNOWLEDGE, 0x101, false, 0);
        Aeth.put(buffer, RoceFrameWriter.EXTENSION_OFFSET, Aeth.SYNDROME_ACK, 2);
        frames[3] = copy(buffer, b.seal(buffer, 0, RoceOpcodes.ACKNOWLEDGE, 0));
        return frames;
    }

    private static byte[] copy(final UnsafeBuffer buffer, final int length)
    {
        final byte[] frame = new byte[length];
        buffer.getBytes(0, frame);
        return frame;
    }
}
