package org.edm.cli.phy;

import org.edm.phy.link.MacBlockFraming;
import org.edm.phy.link.RxDropReason;
import org.edm.phy.pcs.Block;

/** What an {@link RxDropReason} means, in words for the user of a text tool. */
final class RxDropText
{
    private RxDropText()
    {
    }

    /**
     * @param maxFrameLength the demux's largest frame, without FCS.
     * @param payload        the block where the drop was found.
     */
    static String describe(final int reason, final int maxFrameLength, final long payload)
    {
        return switch (reason)
        {
            case RxDropReason.ERROR_BLOCK -> "error block (/E/ characters)";
            case RxDropReason.DATA_OUTSIDE_FRAME -> "data block outside a frame";
            case RxDropReason.START_IN_FRAME -> "start block inside a frame";
            case RxDropReason.TERMINATE_WITHOUT_START -> "terminate block without a start";
            case RxDropReason.OVERSIZE -> "frame longer than " + maxFrameLength + " bytes plus FCS";
            case RxDropReason.RUNT -> "runt frame: shorter than " + MacBlockFraming.MIN_WIRE_FRAME_LENGTH +
                " bytes with its FCS";
            case RxDropReason.BAD_FCS -> "bad FCS: the CRC-32 does not match";
            case RxDropReason.BAD_PREAMBLE -> "bad preamble or SFD after the start";
            case RxDropReason.INVALID_SYNC -> "invalid sync header (00 or 11, not a memory block here)";
            case RxDropReason.UNKNOWN_TYPE -> String.format("unknown block type 0x%02X", Block.type(payload));
            case RxDropReason.CONTROL_IN_FRAME -> String.format("control block (type 0x%02X) inside a frame",
                Block.type(payload));
            case RxDropReason.ABORTED -> "frame cut by lost carrier frames";
            default -> RxDropReason.name(reason);
        };
    }
}
