package org.edm.nativeio.packet;

import org.agrona.BitUtil;
import org.edm.nativeio.ffm.LinuxPacket;

/**
 * The shape of one TPACKET_V2 ring, as handed to {@code PACKET_RX_RING}/{@code PACKET_TX_RING} in a
 * {@code struct tpacket_req}. Frame slots are a power of two and blocks a power-of-two multiple of the page size,
 * so slots sit back to back: slot {@code i} is at {@code i * frameSize} from the ring's start.
 * <pre>
 *   | block 0                          | block 1                          | ...
 *   | slot 0 | slot 1 | ... | slot k-1 | slot k | ...                     |
 *     each slot: tpacket2_hdr (32) | sockaddr_ll | frame (RX at tp_mac = 66 for SOCK_RAW; TX at 32)
 * </pre>
 */
record RingGeometry(int blockSize, int blockCount, int frameSize, int frameCount)
{
    /** Largest block asked of the kernel: bigger blocks need higher-order page allocations that may fail. */
    static final int MAX_BLOCK_SIZE = 1 << 17;

    /** Where the kernel puts the MAC header of a SOCK_RAW frame: TPACKET_ALIGN(TPACKET2_HDRLEN + 16) - 14 = 66. */
    static final int RX_MAC_OFFSET = 66;

    /** A ring of at least {@code frames} slots, each holding a frame of {@code mtu} bytes after {@code headroom}. */
    static RingGeometry of(final int frames, final int mtu, final int headroom, final int pageSize)
    {
        final int frameSize = BitUtil.findNextPositivePowerOfTwo(
            BitUtil.align(headroom + mtu, LinuxPacket.TPACKET_ALIGNMENT));
        final long wanted = (long)frameSize * frames;
        final int blockSize = (int)Math.max(
            Math.max(pageSize, frameSize), Math.min(MAX_BLOCK_SIZE, BitUtil.findNextPositivePowerOfTwo((int)Math.min(wanted, 1 << 30))));
        final int framesPerBlock = blockSize / frameSize;
        final int blockCount = (frames + framesPerBlock - 1) / framesPerBlock;
        return new RingGeometry(blockSize, blockCount, frameSize, blockCount * framesPerBlock);
    }

    static RingGeometry rx(final int frames, final int mtu, final int pageSize)
    {
        return of(frames, mtu, RX_MAC_OFFSET + 14, pageSize);
    }

    static RingGeometry tx(final int frames, final int mtu, final int pageSize)
    {
        return of(frames, mtu, LinuxPacket.TX_DATA_OFFSET, pageSize);
    }

    long byteSize()
    {
        return (long)blockSize * blockCount;
    }
}
