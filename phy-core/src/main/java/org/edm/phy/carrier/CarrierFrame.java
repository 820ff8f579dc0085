package org.edm.phy.carrier;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * Layout of a carrier frame: a raw Ethernet frame (local experimental EtherType 0x88B5) whose payload is a batch of
 * 66-bit blocks of one link direction, in order, idle blocks left out (architecture.md §5). Offsets are from the first
 * byte of the Ethernet header; the FCS is not part of it (the NIC adds and checks it).
 * <pre>
 *    0                   1                   2                   3
 *    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *   |                    Destination MAC address                    |   0
 *   +                               +-------------------------------+
 *   |                               |                               |   4
 *   +-------------------------------+                               +
 *   |                      Source MAC address                       |   8
 *   +-------------------------------+---------------+-------------+-+
 *   |      EtherType = 0x88B5       |  Version = 1  |    Flags    |R|  12
 *   +-------------------------------+---------------+-------------+-+
 *   |          Block Count          |           Reserved            |  16
 *   +-------------------------------+-------------------------------+
 *   |                     Link Sequence Number                      |  20
 *   +---------------------------------------------------------------+
 *   |                           Slot Span                           |  24
 *   +---------------------------------------------------------------+
 *   |                           Reserved                            |  28
 *   +---------------------------------------------------------------+
 *   |                                                               |  32
 *   +                          First Slot                           +
 *   |                                                               |  36
 *   +===============================================================+
 *   |                                                               |  40
 *   +           Sync Word of group 0 (8 bytes, little-endian)       +
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                                                               |  48
 *   +          Payload of block 0 (8 bytes, little-endian)          +
 *   |                                                               |
 *   +---------------------------------------------------------------+
 *   |                  ... payloads of blocks 1-30 ...              |
 *   +---------------------------------------------------------------+
 *   |                                                               | 296
 *   +          Payload of block 31 (8 bytes, little-endian)         +
 *   |                                                               |
 *   +===============================================================+
 *   |        Sync Word of group 1, then blocks 32-63, and so on    ...  304
 *   +---------------------------------------------------------------+
 * </pre>
 * Fields:
 * <ul>
 *   <li>Destination and source MAC address: of the link's two ends. EtherType: {@link #ETHER_TYPE}.</li>
 *   <li>Version (8 bits): {@link #VERSION}. A receiver rejects any other version.</li>
 *   <li>Flags (8 bits): bit 0 (R, {@link #RESTART_FLAG}) marks the first frame after the sender started or
 *   restarted its link sequence, so the receiver resynchronises instead of counting a gap. The other bits are
 *   reserved, zero.</li>
 *   <li>Block Count (16 bits): blocks carried, 0 to 65535 (a frame with none says the sender is alive and how many
 *   idle slots passed).</li>
 *   <li>Link Sequence Number (32 bits, wraps): one more than the previous frame of the same link direction.</li>
 *   <li>Slot Span (32 bits): the number of slots this frame covers, from First Slot on; every carried block was sent
 *   in one of them, the rest were idle. The next frame's First Slot is normally First Slot + Slot Span.</li>
 *   <li>First Slot (64 bits): the sender's slot number where this frame's interval begins (the slot of the first
 *   carried block or an earlier idle one): for virtual-time diagnostics.</li>
 *   <li>Reserved: zero; a receiver rejects a frame where they are not.</li>
 *   <li>Blocks: in groups of 32. Each group is one 8-byte sync word, then the 8-byte payloads of the group's blocks.
 *   Block j of a group has its 2-bit sync header in bits 2j (sh0, sent first) and 2j+1 of the sync word, as in
 *   {@code BlockBuffer}'s sync words; the last group may be short, the unused sync bits are zero. So n blocks take
 *   8n + 8 * ceil(n / 32) bytes: 8.25 bytes per block in full groups.</li>
 * </ul>
 * Byte order: header fields are big-endian (network byte order); sync words and block payloads are little-endian, so
 * payload bit 0 is the first bit of the first byte (the type byte of a control block comes first). Frames shorter
 * than 60 bytes may arrive padded to 60 by the NIC; padding is accepted.
 * <p>
 * Use {@link #wrap(DirectBuffer, int)} for a readable flyweight, or the static accessors on the hot path.
 */
public final class CarrierFrame
{
    /** Local experimental EtherType 1 (IEEE 802). */
    public static final int ETHER_TYPE = 0x88B5;
    /** Version of this layout. */
    public static final int VERSION = 1;
    /** Flags bit 0: first frame of a (re)started link sequence. */
    public static final int RESTART_FLAG = 0b0000_0001;
    /** Flag bits a receiver of this version understands. */
    public static final int KNOWN_FLAGS = RESTART_FLAG;

    public static final int DESTINATION_MAC_OFFSET = 0;
    public static final int SOURCE_MAC_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;
    public static final int VERSION_OFFSET = 14;
    public static final int FLAGS_OFFSET = 15;
    public static final int BLOCK_COUNT_OFFSET = 16;
    public static final int RESERVED_16_OFFSET = 18;
    public static final int LINK_SEQUENCE_OFFSET = 20;
    public static final int SLOT_SPAN_OFFSET = 24;
    public static final int RESERVED_32_OFFSET = 28;
    public static final int FIRST_SLOT_OFFSET = 32;
    /** Length of the header, Ethernet header included; the first sync word follows. */
    public static final int HEADER_LENGTH = 40;

    /** Blocks per group (one sync word). */
    public static final int GROUP_BLOCKS = 32;
    /** Bytes of a full group: the sync word and 32 payloads. */
    public static final int GROUP_LENGTH = 8 + 8 * GROUP_BLOCKS;
    /** Most blocks a frame can count. */
    public static final int MAX_BLOCK_COUNT = 0xFFFF;
    /** Shortest Ethernet frame without FCS; shorter frames may arrive padded to it. */
    public static final int MIN_ETHERNET_FRAME_LENGTH = 60;
    /** Default maximum frame without FCS: a 1500-byte MTU plus the Ethernet header. */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 1514;
    /** Largest maximum frame length accepted by configuration (jumbo frames). */
    public static final int MAX_MAX_FRAME_LENGTH = 65_535;

    private static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;

    private DirectBuffer buffer;
    private int offset;

    /** Wraps a frame for reading with the instance accessors; returns this. */
    public CarrierFrame wrap(final DirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int offset()
    {
        return offset;
    }

    public long destinationMac()
    {
        return mac(buffer, offset + DESTINATION_MAC_OFFSET);
    }

    public long sourceMac()
    {
        return mac(buffer, offset + SOURCE_MAC_OFFSET);
    }

    public int etherType()
    {
        return etherType(buffer, offset);
    }

    public int version()
    {
        return version(buffer, offset);
    }

    public int flags()
    {
        return flags(buffer, offset);
    }

    public int blockCount()
    {
        return blockCount(buffer, offset);
    }

    public int linkSequence()
    {
        return linkSequence(buffer, offset);
    }

    public long slotSpan()
    {
        return slotSpan(buffer, offset);
    }

    public long firstSlot()
    {
        return firstSlot(buffer, offset);
    }

    /** Sync header of block {@code index} (below {@link #blockCount()}). */
    public int sync(final int index)
    {
        return sync(buffer, offset, index);
    }

    /** Payload of block {@code index} (below {@link #blockCount()}). */
    public long payload(final int index)
    {
        return payload(buffer, offset, index);
    }

    /** Frame length (without FCS) that carries {@code blockCount} blocks. */
    public static int frameLength(final int blockCount)
    {
        return HEADER_LENGTH + 8 * blockCount + 8 * ((blockCount + GROUP_BLOCKS - 1) / GROUP_BLOCKS);
    }

    /** The most blocks a frame of at most {@code maxFrameLength} bytes (without FCS) can carry. */
    public static int maxBlocks(final int maxFrameLength)
    {
        final int room = maxFrameLength - HEADER_LENGTH;
        if (room < 16)
        {
            return 0;
        }
        final int fullGroups = room / GROUP_LENGTH;
        final int rest = room - fullGroups * GROUP_LENGTH;
        final int blocks = fullGroups * GROUP_BLOCKS + (rest >= 16 ? (rest - 8) >> 3 : 0);
        return Math.min(blocks, MAX_BLOCK_COUNT);
    }

    /** Offset, from the frame start, of the payload of block {@code index}. */
    public static int payloadOffset(final int index)
    {
        return HEADER_LENGTH + (index / GROUP_BLOCKS) * GROUP_LENGTH + 8 + 8 * (index % GROUP_BLOCKS);
    }

    /** Offset, from the frame start, of the sync word of the group holding block {@code index}. */
    public static int syncWordOffset(final int index)
    {
        return HEADER_LENGTH + (index / GROUP_BLOCKS) * GROUP_LENGTH;
    }

    /**
     * Checks a received frame: size, EtherType, version, reserved bits, and that its length matches its block count
     * (allowing padding up to the 60-byte Ethernet minimum).
     *
     * @param length         bytes received, FCS excluded.
     * @param maxFrameLength the receiver's maximum frame length.
     * @return 0 when the frame is well formed, or a negative {@link CarrierStatus}.
     */
    public static int validate(
        final DirectBuffer buffer, final int offset, final int length, final int maxFrameLength)
    {
        if (length < HEADER_LENGTH)
        {
            return CarrierStatus.TOO_SHORT;
        }
        if (length > maxFrameLength)
        {
            return CarrierStatus.TOO_LONG;
        }
        if (etherType(buffer, offset) != ETHER_TYPE)
        {
            return CarrierStatus.NOT_CARRIER;
        }
        if (version(buffer, offset) != VERSION)
        {
            return CarrierStatus.BAD_VERSION;
        }
        if ((flags(buffer, offset) & ~KNOWN_FLAGS) != 0 ||
            buffer.getShort(offset + RESERVED_16_OFFSET) != 0 ||
            buffer.getInt(offset + RESERVED_32_OFFSET) != 0)
        {
            return CarrierStatus.BAD_HEADER;
        }
        final int expected = frameLength(blockCount(buffer, offset));
        if (length < expected || length > Math.max(expected, MIN_ETHERNET_FRAME_LENGTH))
        {
            return CarrierStatus.LENGTH_MISMATCH;
        }
        return 0;
    }

    public static int etherType(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + ETHER_TYPE_OFFSET, NETWORK) & 0xFFFF;
    }

    public static int version(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + VERSION_OFFSET) & 0xFF;
    }

    public static int flags(final DirectBuffer buffer, final int offset)
    {
        return buffer.getByte(offset + FLAGS_OFFSET) & 0xFF;
    }

    public static int blockCount(final DirectBuffer buffer, final int offset)
    {
        return buffer.getShort(offset + BLOCK_COUNT_OFFSET, NETWORK) & 0xFFFF;
    }

    public static int linkSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + LINK_SEQUENCE_OFFSET, NETWORK);
    }

    /** Slot span as an unsigned value. */
    public static long slotSpan(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + SLOT_SPAN_OFFSET, NETWORK) & 0xFFFF_FFFFL;
    }

    public static long firstSlot(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + FIRST_SLOT_OFFSET, NETWORK);
    }

    public static int sync(final DirectBuffer buffer, final int offset, final int index)
    {
        final long word = buffer.getLong(offset + syncWordOffset(index), ByteOrder.LITTLE_ENDIAN);
        return (int)(word >>> ((index % GROUP_BLOCKS) << 1)) & 0b11;
    }

    public static long payload(final DirectBuffer buffer, final int offset, final int index)
    {
        return buffer.getLong(offset + payloadOffset(index), ByteOrder.LITTLE_ENDIAN);
    }

    /** A 48-bit MAC address, first byte on the wire in bits 40-47. */
    public static long mac(final DirectBuffer buffer, final int index)
    {
        return ((buffer.getInt(index, NETWORK) & 0xFFFF_FFFFL) << 16) | (buffer.getShort(index + 4, NETWORK) & 0xFFFF);
    }

    /** Writes a 48-bit MAC address, bits 40-47 first. */
    public static void putMac(final MutableDirectBuffer buffer, final int index, final long mac)
    {
        buffer.putInt(index, (int)(mac >>> 16), NETWORK);
        buffer.putShort(index + 4, (short)mac, NETWORK);
    }

    /** Writes the header fields (everything but the blocks); reserved fields are zeroed. */
    public static void putHeader(
        final MutableDirectBuffer buffer,
        final int offset,
        final long destinationMac,
        final long sourceMac,
        final int flags,
        final int blockCount,
        final int linkSequence,
        final long slotSpan,
        final long firstSlot)
    {
        putMac(buffer, offset + DESTINATION_MAC_OFFSET, destinationMac);
        putMac(buffer, offset + SOURCE_MAC_OFFSET, sourceMac);
        buffer.putShort(offset + ETHER_TYPE_OFFSET, (short)ETHER_TYPE, NETWORK);
        buffer.putByte(offset + VERSION_OFFSET, (byte)VERSION);
        buffer.putByte(offset + FLAGS_OFFSET, (byte)flags);
        buffer.putShort(offset + BLOCK_COUNT_OFFSET, (short)blockCount, NETWORK);
        buffer.putShort(offset + RESERVED_16_OFFSET, (short)0);
        buffer.putInt(offset + LINK_SEQUENCE_OFFSET, linkSequence, NETWORK);
        buffer.putInt(offset + SLOT_SPAN_OFFSET, (int)slotSpan, NETWORK);
        buffer.putInt(offset + RESERVED_32_OFFSET, 0);
        buffer.putLong(offset + FIRST_SLOT_OFFSET, firstSlot, NETWORK);
    }

    /** Rewrites the block count of a frame being built. */
    public static void putBlockCount(final MutableDirectBuffer buffer, final int offset, final int blockCount)
    {
        buffer.putShort(offset + BLOCK_COUNT_OFFSET, (short)blockCount, NETWORK);
    }

    /** Rewrites the slot span of a frame being built. */
    public static void putSlotSpan(final MutableDirectBuffer buffer, final int offset, final long slotSpan)
    {
        buffer.putInt(offset + SLOT_SPAN_OFFSET, (int)slotSpan, NETWORK);
    }
}
