package org.edm.bench.roce.wire;

import org.agrona.DirectBuffer;

/**
 * A validating reader of one received RoCEv2 frame (Ethernet, IPv4 without options, UDP to port 4791, BTH, the
 * extension header its opcode implies, payload, pad, ICRC), reused for every frame: {@link #wrap} checks the frame
 * and returns {@link #OK} or why it is not taken; the accessors then read its fields. Trailing bytes after the IPv4
 * datagram (Ethernet padding) are ignored.
 * <p>
 * Checks, in order: lengths and EtherType; IPv4 version 4 with no options, not fragmented, protocol UDP, header
 * checksum; UDP destination port 4791 and a length that matches IPv4's; BTH transport version 0; an opcode this
 * baseline speaks, with room for its extension header and its pad; and (when asked) the ICRC. No allocation.
 */
public final class RocePacket
{
    public static final int OK = 0;
    /** Not IPv4/UDP to port 4791: some other frame. */
    public static final int NOT_ROCE = -1;
    /** A RoCE frame whose lengths or fields do not add up. */
    public static final int MALFORMED = -2;
    /** The IPv4 header checksum is wrong. */
    public static final int BAD_IP_CHECKSUM = -3;
    /** The ICRC is wrong. */
    public static final int BAD_ICRC = -4;
    /** A well-formed packet with an opcode not implemented here (SEND, atomics, UD, CNP...). */
    public static final int UNSUPPORTED_OPCODE = -5;

    private static final int MIN_LENGTH = RoceFrameWriter.FIXED_OVERHEAD;

    private final Icrc icrc = new Icrc();
    private DirectBuffer buffer;
    private int offset;
    private int opcode;
    private int payloadOffset;
    private int payloadLength;
    private int icrcOffset;

    /**
     * Checks a frame and, when it is taken, makes its fields readable.
     *
     * @param verifyIcrc whether to recompute and compare the ICRC.
     * @return {@link #OK}, {@link #NOT_ROCE}, {@link #MALFORMED}, {@link #BAD_IP_CHECKSUM}, {@link #BAD_ICRC} or
     *         {@link #UNSUPPORTED_OPCODE}.
     */
    public int wrap(final DirectBuffer frame, final int frameOffset, final int length, final boolean verifyIcrc)
    {
        this.buffer = frame;
        this.offset = frameOffset;
        if (length < EthernetHeader.LENGTH + Ipv4Header.LENGTH + UdpHeader.LENGTH ||
            EthernetHeader.etherType(frame, frameOffset) != EthernetHeader.ETHER_TYPE_IPV4)
        {
            return NOT_ROCE;
        }
        final int ip = frameOffset + RoceFrameWriter.IP_OFFSET;
        if (Ipv4Header.versionIhl(frame, ip) != Ipv4Header.VERSION_IHL ||
            Ipv4Header.protocol(frame, ip) != Ipv4Header.PROTOCOL_UDP ||
            (Ipv4Header.flagsFragment(frame, ip) & 0x3FFF) != 0 ||
            UdpHeader.destinationPort(frame, frameOffset + RoceFrameWriter.UDP_OFFSET) != UdpHeader.ROCE_V2_PORT)
        {
            return NOT_ROCE;
        }
        final int ipLength = Ipv4Header.totalLength(frame, ip);
        final int datagramEnd = RoceFrameWriter.IP_OFFSET + ipLength;
        if (datagramEnd > length || datagramEnd < MIN_LENGTH ||
            UdpHeader.length(frame, frameOffset + RoceFrameWriter.UDP_OFFSET) != ipLength - Ipv4Header.LENGTH)
        {
            return MALFORMED;
        }
        if (Ipv4Header.checksum(frame, ip) != 0)
        {
            return BAD_IP_CHECKSUM;
        }
        final int bth = frameOffset + RoceFrameWriter.BTH_OFFSET;
        if (Bth.transportVersion(frame, bth) != 0)
        {
            return MALFORMED;
        }
        opcode = Bth.opcode(frame, bth);
        if (!RoceOpcodes.isRequest(opcode) && !RoceOpcodes.isResponse(opcode))
        {
            return UNSUPPORTED_OPCODE;
        }
        final int payloadStart = RoceFrameWriter.payloadOffset(opcode);
        final int icrcStart = datagramEnd - Icrc.LENGTH;
        final int padded = icrcStart - payloadStart;
        final int pad = Bth.padCount(frame, bth);
        if (padded < pad || (padded & 3) != 0 || (!RoceOpcodes.hasPayload(opcode) && padded != 0))
        {
            return MALFORMED;
        }
        payloadOffset = frameOffset + payloadStart;
        payloadLength = padded - pad;
        icrcOffset = frameOffset + icrcStart;
        if (verifyIcrc && icrc.compute(frame, ip, icrcOffset) != Icrc.get(frame, icrcOffset))
        {
            return BAD_ICRC;
        }
        return OK;
    }

    public DirectBuffer buffer()
    {
        return buffer;
    }

    public int opcode()
    {
        return opcode;
    }

    public int psn()
    {
        return Bth.psn(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    public int destinationQp()
    {
        return Bth.destinationQp(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    public boolean ackRequest()
    {
        return Bth.ackRequest(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    public int pkey()
    {
        return Bth.pkey(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    public int padCount()
    {
        return Bth.padCount(buffer, offset + RoceFrameWriter.BTH_OFFSET);
    }

    public long sourceMac()
    {
        return EthernetHeader.source(buffer, offset);
    }

    public long destinationMac()
    {
        return EthernetHeader.destination(buffer, offset);
    }

    public int sourceIp()
    {
        return Ipv4Header.source(buffer, offset + RoceFrameWriter.IP_OFFSET);
    }

    public int destinationIp()
    {
        return Ipv4Header.destination(buffer, offset + RoceFrameWriter.IP_OFFSET);
    }

    public int udpSourcePort()
    {
        return UdpHeader.sourcePort(buffer, offset + RoceFrameWriter.UDP_OFFSET);
    }

    /** RETH virtual address; only for opcodes with a RETH. */
    public long virtualAddress()
    {
        return Reth.virtualAddress(buffer, offset + RoceFrameWriter.EXTENSION_OFFSET);
    }

    /** RETH R_Key; only for opcodes with a RETH. */
    public int rkey()
    {
        return Reth.rkey(buffer, offset + RoceFrameWriter.EXTENSION_OFFSET);
    }

    /** RETH DMA length, unsigned; only for opcodes with a RETH. */
    public long dmaLength()
    {
        return Reth.dmaLength(buffer, offset + RoceFrameWriter.EXTENSION_OFFSET);
    }

    /** AETH syndrome; only for opcodes with an AETH. */
    public int syndrome()
    {
        return Aeth.syndrome(buffer, offset + RoceFrameWriter.EXTENSION_OFFSET);
    }

    /** AETH message sequence number; only for opcodes with an AETH. */
    public int msn()
    {
        return Aeth.msn(buffer, offset + RoceFrameWriter.EXTENSION_OFFSET);
    }

    /** Offset of the payload in {@link #buffer()}. */
    public int payloadOffset()
    {
        return payloadOffset;
    }

    /** Payload length, pad excluded. */
    public int payloadLength()
    {
        return payloadLength;
    }

    /** The ICRC the frame carries. */
    public int icrc()
    {
        return Icrc.get(buffer, icrcOffset);
    }
}
