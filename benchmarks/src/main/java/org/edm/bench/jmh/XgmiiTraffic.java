package org.edm.bench.jmh;

import java.util.SplittableRandom;

/**
 * Builds realistic XGMII transfer streams for benchmarks: Ethernet frames of varied sizes with preamble, start and
 * terminate, at least 12 bytes of inter-frame gap (the /T/ counts), starts in lane 0 or lane 4 as the gap allows, and
 * now and then a sequence ordered set in the gap. The stream ends idle, so it can be sent again and again.
 * <pre>
 *   lane:   0    1    2    3    4    5    6    7
 *          /S/  55   55   55   55   55   55   D5      start in lane 0, preamble, SFD
 *          d0   d1   ...                              frame bytes, 8 per transfer
 *          d60  d61  d62  d63  /T/  /I/  /I/  /I/     terminate after the last byte
 *          /I/  /I/  /I/  /I/  /I/  /I/  /I/  /I/     gap ...
 *          /I/  /I/  /I/  /I/  /S/  55   55   55      ... then a start in lane 4
 * </pre>
 * Frame sizes (including FCS) in mixed traffic: 64 bytes half the time, 576 a quarter, 1518 a tenth, anything in
 * between the rest; by blocks that is about 90 % data, 7 % idle, the rest starts, terminates and ordered sets. Small
 * traffic is 64-byte frames only.
 */
final class XgmiiTraffic
{
    private static final int IDLE = 0x07;
    private static final int START = 0xFB;
    private static final int TERMINATE = 0xFD;
    private static final int SEQUENCE = 0x9C;
    private static final int MIN_GAP = 12;

    private final long[] txd;
    private final byte[] txc;
    private int lane;
    private int gap = MIN_GAP;
    private int terminateTransfer = -1;

    private XgmiiTraffic(final int transfers)
    {
        txd = new long[transfers];
        txc = new byte[transfers];
    }

    /** A stream of exactly {@code transfers} transfers of mixed frame traffic. */
    static XgmiiTraffic mixedFrames(final int transfers, final long seed)
    {
        return frames(transfers, seed, false);
    }

    /** Minimum-size (64-byte) frames back to back: the worst realistic case, about a third control blocks. */
    static XgmiiTraffic smallFrames(final int transfers, final long seed)
    {
        return frames(transfers, seed, true);
    }

    private static XgmiiTraffic frames(final int transfers, final long seed, final boolean smallOnly)
    {
        final XgmiiTraffic traffic = new XgmiiTraffic(transfers);
        final SplittableRandom random = new SplittableRandom(seed);
        // room for the largest frame, its preamble and gap, and the ordered set before it
        final int reserve = (1518 + 8 + 24 + 8) * 2;
        while (traffic.lane + reserve < transfers * 8)
        {
            if (random.nextInt(16) == 0)
            {
                traffic.orderedSet();
            }
            traffic.frame(smallOnly ? 64 : frameSize(random), random);
        }
        while (traffic.lane < transfers * 8)
        {
            traffic.put(IDLE, true);
        }
        return traffic;
    }

    /** A stream of one start transfer followed by data transfers: the hot path of a long frame. */
    static XgmiiTraffic dataBlocks(final int transfers, final long seed)
    {
        final XgmiiTraffic traffic = new XgmiiTraffic(transfers);
        final SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < transfers; i++)
        {
            traffic.txd[i] = random.nextLong();
        }
        return traffic;
    }

    long[] txd()
    {
        return txd;
    }

    byte[] txc()
    {
        return txc;
    }

    private static int frameSize(final SplittableRandom random)
    {
        final int dice = random.nextInt(20);
        if (dice < 10)
        {
            return 64;
        }
        if (dice < 15)
        {
            return 576;
        }
        if (dice < 17)
        {
            return 1518;
        }
        return 65 + random.nextInt(1518 - 65);
    }

    /** A local-fault sequence ordered set (/Q/ 00 00 01) at the next lane 0 or 4 of the gap. */
    private void orderedSet()
    {
        while (!atBlockHalf())
        {
            put(IDLE, true);
        }
        put(SEQUENCE, true);
        put(0x00, false);
        put(0x00, false);
        put(0x01, false);
    }

    private void frame(final int size, final SplittableRandom random)
    {
        while (gap < MIN_GAP || !atBlockHalf())
        {
            put(IDLE, true);
        }
        put(START, true);
        for (int i = 0; i < 6; i++)
        {
            put(0x55, false);
        }
        put(0xD5, false);
        for (int i = 0; i < size; i++)
        {
            put(random.nextInt(256), false);
        }
        terminateTransfer = lane >>> 3;
        put(TERMINATE, true);
        gap = 1;
    }

    /**
     * Whether the next lane may take a start or an ordered set: lane 0, or lane 4 of a transfer without /T/ (a
     * terminate may only be followed by control characters within its transfer).
     */
    private boolean atBlockHalf()
    {
        return (lane & 7) == 0 || ((lane & 7) == 4 && terminateTransfer != lane >>> 3);
    }

    private void put(final int character, final boolean control)
    {
        final int transfer = lane >>> 3;
        final int shift = (lane & 7) << 3;
        txd[transfer] |= (long)character << shift;
        if (control)
        {
            txc[transfer] |= (byte)(1 << (lane & 7));
            if (character == IDLE)
            {
                gap++;
            }
        }
        lane++;
    }
}
