package org.edm.bench.roce.wire;

/**
 * The Reliable Connection opcodes this baseline speaks (IBA vol. 1, table 38: transport type RC = 0b000 in the top
 * three bits), which extension headers each one carries, and its name. SEND, atomics and immediate data are not
 * implemented; a responder answers them with a NAK (invalid request).
 * <pre>
 *   opcode  name                          headers after the BTH      direction
 *   0x06    RDMA WRITE First              RETH, payload              requester -> responder
 *   0x07    RDMA WRITE Middle             payload
 *   0x08    RDMA WRITE Last               payload
 *   0x0A    RDMA WRITE Only               RETH, payload
 *   0x0C    RDMA READ Request             RETH
 *   0x0D    RDMA READ Response First      AETH, payload              responder -> requester
 *   0x0E    RDMA READ Response Middle     payload
 *   0x0F    RDMA READ Response Last       AETH, payload
 *   0x10    RDMA READ Response Only       AETH, payload
 *   0x11    Acknowledge                   AETH
 * </pre>
 */
public final class RoceOpcodes
{
    public static final int RDMA_WRITE_FIRST = 0x06;
    public static final int RDMA_WRITE_MIDDLE = 0x07;
    public static final int RDMA_WRITE_LAST = 0x08;
    public static final int RDMA_WRITE_ONLY = 0x0A;
    public static final int RDMA_READ_REQUEST = 0x0C;
    public static final int RDMA_READ_RESPONSE_FIRST = 0x0D;
    public static final int RDMA_READ_RESPONSE_MIDDLE = 0x0E;
    public static final int RDMA_READ_RESPONSE_LAST = 0x0F;
    public static final int RDMA_READ_RESPONSE_ONLY = 0x10;
    public static final int ACKNOWLEDGE = 0x11;

    private RoceOpcodes()
    {
    }

    /** Whether a RETH follows the BTH. */
    public static boolean hasReth(final int opcode)
    {
        return opcode == RDMA_WRITE_FIRST || opcode == RDMA_WRITE_ONLY || opcode == RDMA_READ_REQUEST;
    }

    /** Whether an AETH follows the BTH. */
    public static boolean hasAeth(final int opcode)
    {
        return opcode == RDMA_READ_RESPONSE_FIRST || opcode == RDMA_READ_RESPONSE_LAST ||
            opcode == RDMA_READ_RESPONSE_ONLY || opcode == ACKNOWLEDGE;
    }

    /** Whether the packet carries data after its headers. */
    public static boolean hasPayload(final int opcode)
    {
        return isWrite(opcode) || isReadResponse(opcode);
    }

    public static boolean isWrite(final int opcode)
    {
        return opcode == RDMA_WRITE_FIRST || opcode == RDMA_WRITE_MIDDLE || opcode == RDMA_WRITE_LAST ||
            opcode == RDMA_WRITE_ONLY;
    }

    public static boolean isReadResponse(final int opcode)
    {
        return opcode >= RDMA_READ_RESPONSE_FIRST && opcode <= RDMA_READ_RESPONSE_ONLY;
    }

    /** Whether the packet goes from a requester to a responder. */
    public static boolean isRequest(final int opcode)
    {
        return isWrite(opcode) || opcode == RDMA_READ_REQUEST;
    }

    /** Whether the packet goes from a responder to a requester. */
    public static boolean isResponse(final int opcode)
    {
        return isReadResponse(opcode) || opcode == ACKNOWLEDGE;
    }

    /** The extension headers' length after the BTH. */
    public static int extensionLength(final int opcode)
    {
        return (hasReth(opcode) ? Reth.LENGTH : 0) + (hasAeth(opcode) ? Aeth.LENGTH : 0);
    }

    /** The opcode of packet {@code index} of an RDMA WRITE of {@code packets} packets. */
    public static int writeOpcode(final int index, final int packets)
    {
        if (packets == 1)
        {
            return RDMA_WRITE_ONLY;
        }
        if (index == 0)
        {
            return RDMA_WRITE_FIRST;
        }
        return index == packets - 1 ? RDMA_WRITE_LAST : RDMA_WRITE_MIDDLE;
    }

    /** The opcode of packet {@code index} of an RDMA READ response of {@code packets} packets. */
    public static int readResponseOpcode(final int index, final int packets)
    {
        if (packets == 1)
        {
            return RDMA_READ_RESPONSE_ONLY;
        }
        if (index == 0)
        {
            return RDMA_READ_RESPONSE_FIRST;
        }
        return index == packets - 1 ? RDMA_READ_RESPONSE_LAST : RDMA_READ_RESPONSE_MIDDLE;
    }

    /** The name Wireshark shows for an opcode, for reports and test messages. */
    public static String name(final int opcode)
    {
        return switch (opcode)
        {
            case RDMA_WRITE_FIRST -> "RC RDMA WRITE First";
            case RDMA_WRITE_MIDDLE -> "RC RDMA WRITE Middle";
            case RDMA_WRITE_LAST -> "RC RDMA WRITE Last";
            case RDMA_WRITE_ONLY -> "RC RDMA WRITE Only";
            case RDMA_READ_REQUEST -> "RC RDMA READ Request";
            case RDMA_READ_RESPONSE_FIRST -> "RC RDMA READ Response First";
            case RDMA_READ_RESPONSE_MIDDLE -> "RC RDMA READ Response Middle";
            case RDMA_READ_RESPONSE_LAST -> "RC RDMA READ Response Last";
            case RDMA_READ_RESPONSE_ONLY -> "RC RDMA READ Response Only";
            case ACKNOWLEDGE -> "RC Acknowledge";
            default -> "opcode 0x" + Integer.toHexString(opcode);
        };
    }
}
