package org.edm.nativeio.ffm;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.edm.nativeio.ffm.Ffm.C_INT;

/**
 * AF_PACKET constants and structs ({@code linux/if_packet.h}); the calls are {@link LinuxSocket}'s.
 * <p>
 * The TPACKET_V2 frame header, at the start of every ring slot (RX and TX); the kernel owns a slot while its status
 * says so, and the two sides hand slots over by writing {@code tp_status} (release) and reading it (acquire):
 * <pre>
 *   0       4       8       12      14      16      20      24      26      28      32
 *   +-------+-------+-------+-------+-------+-------+-------+-------+-------+-------+------------
 *   |status | len   |snaplen| mac   | net   | sec   | nsec  | vlan  | vlan  |padding| ... frame
 *   |  u32  |  u32  |  u32  |  u16  |  u16  |  u32  |  u32  | tci   | tpid  | [4]   | (RX: at mac,
 *   +-------+-------+-------+-------+-------+-------+-------+-------+-------+-------+  TX: at 32)
 *   RX: status TP_STATUS_KERNEL(0) -> kernel fills -> TP_STATUS_USER(1) [| COPY(2) | LOSING(4) ...] -> we write 0
 *   TX: status TP_STATUS_AVAILABLE(0) -> we write frame, len, TP_STATUS_SEND_REQUEST(1) -> kick -> kernel: 0
 * </pre>
 * A TX frame starts at {@code TPACKET2_HDRLEN - sizeof(struct sockaddr_ll)} = 32 bytes into its slot (the kernel's
 * {@code tpacket_parse_header} when {@code PACKET_TX_HAS_OFF} is off).
 * <pre>
 *   struct sockaddr_ll (20)  0: u16 sll_family  2: __be16 sll_protocol  4: int sll_ifindex  8: u16 sll_hatype
 *                           10: u8 sll_pkttype  11: u8 sll_halen  12: u8 sll_addr[8]
 *   struct tpacket_req (16)  0: tp_block_size  4: tp_block_nr  8: tp_frame_size  12: tp_frame_nr  (all unsigned)
 *   struct tpacket_stats (8) 0: tp_packets  4: tp_drops
 * </pre>
 */
public final class LinuxPacket
{
    @CName public static final int SOL_PACKET = 263;
    @CName public static final int PACKET_RX_RING = 5;
    @CName public static final int PACKET_STATISTICS = 6;
    @CName public static final int PACKET_VERSION = 10;
    @CName public static final int PACKET_LOSS = 14;
    @CName public static final int PACKET_TX_RING = 13;
    @CName public static final int PACKET_QDISC_BYPASS = 20;
    @CName public static final int PACKET_IGNORE_OUTGOING = 23;
    @CName public static final int TPACKET_V2 = 1;
    @CName public static final int TPACKET_ALIGNMENT = 16;
    @CName public static final int TPACKET2_HDRLEN = 52;
    @CName public static final int PACKET_OUTGOING = 4;
    @CName public static final int ETH_P_ALL = 3;
    @CName public static final int ETH_ALEN = 6;

    @CName public static final int TP_STATUS_KERNEL = 0;
    @CName public static final int TP_STATUS_USER = 1;
    @CName public static final int TP_STATUS_COPY = 2;
    @CName public static final int TP_STATUS_LOSING = 4;
    @CName public static final int TP_STATUS_AVAILABLE = 0;
    @CName public static final int TP_STATUS_SEND_REQUEST = 1;
    @CName public static final int TP_STATUS_SENDING = 2;
    @CName public static final int TP_STATUS_WRONG_FORMAT = 4;

    @CName("struct sockaddr_ll")
    public static final StructLayout SOCKADDR_LL = MemoryLayout.structLayout(
        JAVA_SHORT.withName("sll_family"),
        JAVA_SHORT.withName("sll_protocol"),
        C_INT.withName("sll_ifindex"),
        JAVA_SHORT.withName("sll_hatype"),
        JAVA_BYTE.withName("sll_pkttype"),
        JAVA_BYTE.withName("sll_halen"),
        MemoryLayout.sequenceLayout(8, JAVA_BYTE).withName("sll_addr"));

    @CName("struct tpacket_req")
    public static final StructLayout TPACKET_REQ = MemoryLayout.structLayout(
        C_INT.withName("tp_block_size"),
        C_INT.withName("tp_block_nr"),
        C_INT.withName("tp_frame_size"),
        C_INT.withName("tp_frame_nr"));

    @CName("struct tpacket_stats")
    public static final StructLayout TPACKET_STATS = MemoryLayout.structLayout(
        C_INT.withName("tp_packets"),
        C_INT.withName("tp_drops"));

    @CName("struct tpacket2_hdr")
    public static final StructLayout TPACKET2_HDR = MemoryLayout.structLayout(
        C_INT.withName("tp_status"),
        C_INT.withName("tp_len"),
        C_INT.withName("tp_snaplen"),
        JAVA_SHORT.withName("tp_mac"),
        JAVA_SHORT.withName("tp_net"),
        C_INT.withName("tp_sec"),
        C_INT.withName("tp_nsec"),
        JAVA_SHORT.withName("tp_vlan_tci"),
        JAVA_SHORT.withName("tp_vlan_tpid"),
        MemoryLayout.sequenceLayout(4, JAVA_BYTE).withName("tp_padding"));

    @CName("offsetof(struct sockaddr_ll, sll_protocol)")
    public static final long SLL_PROTOCOL_OFFSET = SOCKADDR_LL.byteOffset(groupElement("sll_protocol"));
    @CName("offsetof(struct sockaddr_ll, sll_ifindex)")
    public static final long SLL_IFINDEX_OFFSET = SOCKADDR_LL.byteOffset(groupElement("sll_ifindex"));
    @CName("offsetof(struct sockaddr_ll, sll_pkttype)")
    public static final long SLL_PKTTYPE_OFFSET = SOCKADDR_LL.byteOffset(groupElement("sll_pkttype"));

    @CName("offsetof(struct tpacket2_hdr, tp_status)")
    public static final int TP_STATUS_OFFSET = (int)TPACKET2_HDR.byteOffset(groupElement("tp_status"));
    @CName("offsetof(struct tpacket2_hdr, tp_len)")
    public static final int TP_LEN_OFFSET = (int)TPACKET2_HDR.byteOffset(groupElement("tp_len"));
    @CName("offsetof(struct tpacket2_hdr, tp_snaplen)")
    public static final int TP_SNAPLEN_OFFSET = (int)TPACKET2_HDR.byteOffset(groupElement("tp_snaplen"));
    @CName("offsetof(struct tpacket2_hdr, tp_mac)")
    public static final int TP_MAC_OFFSET = (int)TPACKET2_HDR.byteOffset(groupElement("tp_mac"));

    /** Where a TX frame starts in its slot: {@code TPACKET2_HDRLEN - sizeof(struct sockaddr_ll)}. */
    @CName("TPACKET2_HDRLEN - sizeof(struct sockaddr_ll)")
    public static final int TX_DATA_OFFSET = TPACKET2_HDRLEN - (int)SOCKADDR_LL.byteSize();

    /** {@code sll_pkttype} sits in the slot after the aligned header: {@code TPACKET_ALIGN(sizeof(tpacket2_hdr))}. */
    @CName("TPACKET_ALIGN(sizeof(struct tpacket2_hdr))")
    public static final int RX_SOCKADDR_OFFSET = 32;

    private LinuxPacket()
    {
    }
}
