package org.edm.bench.roce.fabric;

import org.edm.bench.roce.RoceQpConfig;

/**
 * How the software RoCE baseline is set up on a fabric: queue pairs per client-server pair and their RC settings, the
 * requests one client keeps outstanding, the longest message, and how many frames an endpoint keeps queued in its
 * host's MAC queue. Immutable; the {@code with} methods return copies.
 *
 * @param queuePairs          RC queue pairs per (client, server) pair; a request goes to the one with the fewest
 *                            outstanding, so READs beyond one queue pair's initiator depth still overlap.
 * @param mtu                 path MTU (payload bytes per packet); 1024 keeps every frame within a 1514-byte port.
 * @param maxOutstandingReads READs one queue pair has on the wire at once (its initiator depth; 16 on common NICs).
 * @param ackCoalesce         the responder also acknowledges every this many WRITE packets (0: only when asked).
 * @param timeoutNanos        the requester's local ACK timeout. On a software fabric a round trip is tens of
 *                            microseconds and a slow emulated line adds queueing, so the default is generous.
 * @param retryLimit          retransmissions without progress before requests fail (IB's retry_cnt, at most 7 there).
 * @param outstanding         requests one client keeps in flight at most (its bench maxOutstanding).
 * @param maxMessageBytes     the longest READ or WRITE a client issues (its local buffers are sized by it).
 * @param txQueueFrames       frames an endpoint keeps queued in the host's MAC queue at most: enough to keep the link
 *                            busy between duty cycles, few enough that reads do not wait behind a deep queue of its
 *                            own writes (a NIC's transmit arbitration is per queue pair, not a long FIFO).
 */
public record RoceBaselineOptions(
    int queuePairs,
    int mtu,
    int maxOutstandingReads,
    int ackCoalesce,
    long timeoutNanos,
    int retryLimit,
    int outstanding,
    int maxMessageBytes,
    int txQueueFrames)
{
    /** Local QPNs start here (0 and 1 are InfiniBand's special queue pairs). */
    public static final int FIRST_QPN = 0x100;

    public RoceBaselineOptions
    {
        require(queuePairs >= 1 && queuePairs <= 64, "queuePairs=" + queuePairs + " must be 1..64");
        require(mtu == 256 || mtu == 512 || mtu == 1024 || mtu == 2048 || mtu == 4096,
            "mtu=" + mtu + " must be one of 256, 512, 1024, 2048, 4096");
        require(maxOutstandingReads >= 1 && maxOutstandingReads <= 1024,
            "maxOutstandingReads=" + maxOutstandingReads + " must be 1..1024");
        require(ackCoalesce >= 0, "ackCoalesce=" + ackCoalesce + " must be >= 0");
        require(timeoutNanos > 0, "timeoutNanos=" + timeoutNanos + " must be > 0");
        require(retryLimit >= 0 && retryLimit <= 1000, "retryLimit=" + retryLimit + " must be 0..1000");
        require(outstanding >= 1 && outstanding <= 65536 && Integer.bitCount(outstanding) == 1,
            "outstanding=" + outstanding + " must be a power of two in 1..65536");
        require(maxMessageBytes >= 1 && maxMessageBytes <= 1 << 24,
            "maxMessageBytes=" + maxMessageBytes + " must be 1..16777216");
        require((long)outstanding * maxMessageBytes <= 1L << 30,
            "outstanding=" + outstanding + " x maxMessageBytes=" + maxMessageBytes + " must be at most 1 GiB of buffers");
        require(txQueueFrames >= 1, "txQueueFrames=" + txQueueFrames + " must be >= 1");
    }

    /**
     * Defaults: 4 queue pairs of initiator depth 16 (64 READs in flight), MTU 1024, the responder's ACK every 16
     * packets besides the asked ones, a 20 ms timeout with 7 retries, 64 outstanding requests of up to 64 KiB, 8 frames
     * in the MAC queue.
     */
    public static RoceBaselineOptions defaults()
    {
        return new RoceBaselineOptions(4, 1024, 16, 16, 20_000_000L, 7, 64, 64 << 10, 8);
    }

    /** The RC settings of a client's queue pair toward a server (addresses and QPNs are filled in by the caller). */
    RoceQpConfig queuePairConfig()
    {
        return new RoceQpConfig()
            .mtu(mtu)
            .sendQueueDepth(outstanding) // room for every outstanding request, even if all go to one queue pair
            .maxOutstandingReads(maxOutstandingReads)
            .responderReads(maxOutstandingReads)
            .ackCoalesce(ackCoalesce)
            .timeoutNanos(timeoutNanos)
            .retryLimit(retryLimit)
            .maxMessageLength(maxMessageBytes);
    }

    public RoceBaselineOptions withQueuePairs(final int count)
    {
        return new RoceBaselineOptions(count, mtu, maxOutstandingReads, ackCoalesce, timeoutNanos, retryLimit,
            outstanding, maxMessageBytes, txQueueFrames);
    }

    public RoceBaselineOptions withTimeoutNanos(final long nanos)
    {
        return new RoceBaselineOptions(queuePairs, mtu, maxOutstandingReads, ackCoalesce, nanos, retryLimit,
            outstanding, maxMessageBytes, txQueueFrames);
    }

    public RoceBaselineOptions withRetryLimit(final int retries)
    {
        return new RoceBaselineOptions(queuePairs, mtu, maxOutstandingReads, ackCoalesce, timeoutNanos, retries,
            outstanding, maxMessageBytes, txQueueFrames);
    }

    public RoceBaselineOptions withOutstanding(final int requests)
    {
        return new RoceBaselineOptions(queuePairs, mtu, maxOutstandingReads, ackCoalesce, timeoutNanos, retryLimit,
            requests, maxMessageBytes, txQueueFrames);
    }

    public RoceBaselineOptions withMaxMessageBytes(final int bytes)
    {
        return new RoceBaselineOptions(queuePairs, mtu, maxOutstandingReads, ackCoalesce, timeoutNanos, retryLimit,
            outstanding, bytes, txQueueFrames);
    }

    public RoceBaselineOptions withMtu(final int bytes)
    {
        return new RoceBaselineOptions(queuePairs, bytes, maxOutstandingReads, ackCoalesce, timeoutNanos, retryLimit,
            outstanding, maxMessageBytes, txQueueFrames);
    }

    public RoceBaselineOptions withTxQueueFrames(final int frames)
    {
        return new RoceBaselineOptions(queuePairs, mtu, maxOutstandingReads, ackCoalesce, timeoutNanos, retryLimit,
            outstanding, maxMessageBytes, frames);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
