package org.edm.switchagent;

import org.edm.agent.SlotClock;
import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;

/**
 * Protocol and emulation settings shared by every agent of one fabric.
 *
 * @param framing              wire-7 (default) or wire-8.
 * @param lineRateGbps         the emulated PHY rate of every port.
 * @param chunkBytes           bytes one GRANT allows.
 * @param releaseBytes         a receiver's circuit is released when at most this many granted bytes are in flight:
 *                             one bandwidth-delay product. On a software fabric the round trip is microseconds (a
 *                             duty cycle spans hundreds of slots), not the hardware's 10 ns, so the default assumes a
 *                             10 us round trip at the emulated rate: 16 KiB at 10 Gb/s. With the hardware's 256 B only
 *                             a few grants per duty cycle could be in flight toward a receiver.
 * @param maxChunksPerMessage  chunks a message may have in flight (for the same reason: with the reference's 1, a long
 *                             transfer would move one chunk per software round trip).
 * @param matcher              the scheduler's matching algorithm.
 * @param hostOrder            the hosts' transmit order.
 * @param timeoutMicros        requests without completion after this long end with TIMEOUT.
 * @param regionKey            the key of the region every memory node serves.
 * @param regionBytes          the size of that region.
 * @param hugePages            back regions with huge pages when available.
 * @param carrierHoldMicros    how long the switch's carrier frame holding only blocks of writes before their last
 *                             may stay open for more (CarrierHold), in microseconds; 0 sends a frame every duty cycle.
 */
public record FabricSettings(
    Framing framing,
    double lineRateGbps,
    int chunkBytes,
    int releaseBytes,
    int maxChunksPerMessage,
    MatcherKind matcher,
    HostOrder hostOrder,
    long timeoutMicros,
    int regionKey,
    long regionBytes,
    boolean hugePages,
    int carrierHoldMicros)
{
    public FabricSettings
    {
        if (framing == null || !framing.carriesData())
        {
            throw new IllegalArgumentException("framing must be wire-7 or wire-8");
        }
        if (!(lineRateGbps > 0 && lineRateGbps <= 400))
        {
            throw new IllegalArgumentException("line-rate=" + lineRateGbps + " Gb/s outside (0, 400]");
        }
        if (chunkBytes < 2 * framing.dataBytesPerBlock() || chunkBytes > 65535)
        {
            throw new IllegalArgumentException("chunk-bytes=" + chunkBytes + " outside [" +
                2 * framing.dataBytesPerBlock() + ", 65535]");
        }
        if (releaseBytes < 0)
        {
            throw new IllegalArgumentException("release-bytes=" + releaseBytes + " must be >= 0");
        }
        if (maxChunksPerMessage < 1 || maxChunksPerMessage > 64)
        {
            throw new IllegalArgumentException("max-chunks-per-message=" + maxChunksPerMessage + " outside [1, 64]");
        }
        if (timeoutMicros < 1)
        {
            throw new IllegalArgumentException("timeout-us=" + timeoutMicros + " must be >= 1");
        }
        if (carrierHoldMicros < 0 || carrierHoldMicros > MAX_CARRIER_HOLD_MICROS)
        {
            throw new IllegalArgumentException("carrier-hold-us=" + carrierHoldMicros + " outside [0, " +
                MAX_CARRIER_HOLD_MICROS + "]");
        }
        if (regionBytes < 0 || regionBytes > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("region-bytes=" + regionBytes + " outside [0, " + Integer.MAX_VALUE + "]");
        }
    }

    /**
     * 50 us: at 0.1 Gb/s a frame then carries up to about 78 blocks of a streaming write instead of one cycle's
     * worth; at 10 Gb/s frames fill (about 180 blocks per 1500-byte frame) long before.
     */
    public static final int DEFAULT_CARRIER_HOLD_MICROS = 50;

    /** The longest carrier hold: far below any request timeout. */
    public static final int MAX_CARRIER_HOLD_MICROS = 10_000;

    /** The round trip a software fabric is assumed to have when sizing the release threshold. */
    public static final double ASSUMED_ROUND_TRIP_MICROS = 10;

    /**
     * Defaults: wire-7, 10 Gb/s, 256-byte chunks, release at one bandwidth-delay product of a 10 us round trip,
     * 64 chunks in flight per message, greedy, 500 ms timeout (a cold JVM's first duty cycles take tens of ms), 64 MiB
     * regions.
     */
    public static FabricSettings defaults()
    {
        return new FabricSettings(Framing.wire(7), 10, 256, bandwidthDelayBytes(10), 64, MatcherKind.GREEDY,
            HostOrder.NETSIM, 500_000, 1, 64L << 20, true, DEFAULT_CARRIER_HOLD_MICROS);
    }

    /** Bytes in flight during the assumed round trip at {@code gbps}. */
    public static int bandwidthDelayBytes(final double gbps)
    {
        return (int)Math.min(1 << 20, gbps * 1e9 / 8 * ASSUMED_ROUND_TRIP_MICROS * 1e-6);
    }

    public FabricSettings withRegionBytes(final long bytes)
    {
        return new FabricSettings(framing, lineRateGbps, chunkBytes, releaseBytes, maxChunksPerMessage, matcher,
            hostOrder, timeoutMicros, regionKey, bytes, hugePages, carrierHoldMicros);
    }

    /** The same settings at another line rate, with the release threshold scaled to it. */
    public FabricSettings withLineRate(final double gbps)
    {
        return new FabricSettings(framing, gbps, chunkBytes, bandwidthDelayBytes(gbps), maxChunksPerMessage, matcher,
            hostOrder, timeoutMicros, regionKey, regionBytes, hugePages, carrierHoldMicros);
    }

    public FabricSettings withCarrierHoldMicros(final int micros)
    {
        return new FabricSettings(framing, lineRateGbps, chunkBytes, releaseBytes, maxChunksPerMessage, matcher,
            hostOrder, timeoutMicros, regionKey, regionBytes, hugePages, micros);
    }

    /** The carrier hold in slots of the line rate (at least one slot when there is a hold at all). */
    public long carrierHoldSlots()
    {
        if (carrierHoldMicros == 0)
        {
            return 0;
        }
        return Math.max(1, Math.round(carrierHoldMicros * 1000 / SlotClock.slotNanos(lineRateGbps)));
    }

    public FabricSettings withTimeoutMicros(final long micros)
    {
        return new FabricSettings(framing, lineRateGbps, chunkBytes, releaseBytes, maxChunksPerMessage, matcher,
            hostOrder, micros, regionKey, regionBytes, hugePages, carrierHoldMicros);
    }
}
