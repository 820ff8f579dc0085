package org.edm.phy.sched;

/**
 * Settings of the central scheduler, in blocks (the caller converts from bytes with the fabric's bytes per block).
 *
 * @param ports                 switch ports (senders and receivers are port numbers 0..ports-1).
 * @param chunkBlocks           most blocks one GRANT gives (reference: 256 B = 32 blocks of 8 B).
 * @param releaseBlocks         a receiver's circuit is released when its granted-but-unforwarded blocks fall to this
 *                              (one bandwidth-delay product; reference: 2 x 8 B x 16 slots = 256 B = 32 blocks).
 * @param maxChunksPerMessage   chunks' worth of granted-but-unforwarded blocks a message may hold (reference 1, §8
 *                              A16; 2 or more lets a lone long message use the whole line).
 * @param matcher               the matching algorithm.
 * @param iterations            iterations per slot for PIM and ISLIP (ignored by GREEDY).
 * @param delaySlots            slots between registering a demand and its first chance to be matched (pipeline
 *                              latency of a hardware scheduler; reference 0).
 * @param initialEntries        initial size of the demand table (it grows when needed).
 * @param release               when a receiver's circuit is released: BDP (EDM) or SENDER_SPENT (the reference's IRD
 *                              baseline: an oracle releases it the instant the sender spends its quota).
 * @param senderConflicts       whether a sender may hold only one circuit at a time (EDM); IRD grants a sender to
 *                              several receivers at once.
 * @param starvationSlots       0 (the reference): pure shortest-remaining-first, under which a long message can wait
 *                              forever while shorter ones keep arriving; otherwise a message whose demand has waited
 *                              longer than this many slots since it was registered goes ahead of every shorter one
 *                              (oldest first). The agents use it; comparisons with the reference leave it off.
 */
public record SchedulerConfig(
    int ports,
    int chunkBlocks,
    int releaseBlocks,
    int maxChunksPerMessage,
    MatcherKind matcher,
    int iterations,
    int delaySlots,
    int initialEntries,
    ReleasePolicy release,
    boolean senderConflicts,
    long starvationSlots)
{
    public SchedulerConfig
    {
        require(ports >= 2 && ports <= 4096, "ports", ports, "2..4096");
        require(chunkBlocks >= 1 && chunkBlocks <= 65535, "chunkBlocks", chunkBlocks, "1..65535");
        require(releaseBlocks >= 0, "releaseBlocks", releaseBlocks, ">= 0");
        require(maxChunksPerMessage >= 1 && maxChunksPerMessage <= 64, "maxChunksPerMessage", maxChunksPerMessage, "1..64");
        require(iterations >= 1 && iterations <= 64, "iterations", iterations, "1..64");
        require(delaySlots >= 0, "delaySlots", delaySlots, ">= 0");
        require(initialEntries >= 1, "initialEntries", initialEntries, ">= 1");
        if (starvationSlots < 0)
        {
            throw new IllegalArgumentException("starvationSlots=" + starvationSlots + " must be >= 0");
        }
        if (matcher == null || release == null)
        {
            throw new IllegalArgumentException("matcher and release must be set");
        }
    }

    /** EDM's release rule and sender conflicts. */
    public SchedulerConfig(
        final int ports,
        final int chunkBlocks,
        final int releaseBlocks,
        final int maxChunksPerMessage,
        final MatcherKind matcher,
        final int iterations,
        final int delaySlots,
        final int initialEntries)
    {
        this(ports, chunkBlocks, releaseBlocks, maxChunksPerMessage, matcher, iterations, delaySlots, initialEntries,
            ReleasePolicy.BDP, true, 0);
    }

    /** When a receiver's circuit is released. */
    public enum ReleasePolicy
    {
        /** When its granted-but-unforwarded blocks fall to releaseBlocks (one bandwidth-delay product): EDM. */
        BDP,
        /** The instant the sender spends its quota, told by an oracle: the reference's IRD baseline (§5.2). */
        SENDER_SPENT
    }

    /**
     * The reference's IRD baseline (edm-protocol §5.2): same demand, grants and SRPT order, but no sender-conflict check
     * and an idealised zero-delay release when the sender spends its quota.
     */
    public SchedulerConfig ird()
    {
        return new SchedulerConfig(ports, chunkBlocks, releaseBlocks, maxChunksPerMessage, matcher, iterations,
            delaySlots, initialEntries, ReleasePolicy.SENDER_SPENT, false, starvationSlots);
    }

    /** The reference settings for {@code ports} ports with 8-byte blocks: chunk and release at 32 blocks (256 B). */
    public static SchedulerConfig reference(final int ports)
    {
        return new SchedulerConfig(ports, 32, 32, 1, MatcherKind.GREEDY, 1, 0, 1024);
    }

    public SchedulerConfig withMatcher(final MatcherKind kind, final int iterationsPerSlot)
    {
        return new SchedulerConfig(ports, chunkBlocks, releaseBlocks, maxChunksPerMessage, kind, iterationsPerSlot,
            delaySlots, initialEntries, release, senderConflicts, starvationSlots);
    }

    public SchedulerConfig withMaxChunksPerMessage(final int chunks)
    {
        return new SchedulerConfig(ports, chunkBlocks, releaseBlocks, chunks, matcher, iterations, delaySlots,
            initialEntries, release, senderConflicts, starvationSlots);
    }

    /** The same settings with a starvation guard of {@code slots} slots (0: off). */
    public SchedulerConfig withStarvationSlots(final long slots)
    {
        return new SchedulerConfig(ports, chunkBlocks, releaseBlocks, maxChunksPerMessage, matcher, iterations,
            delaySlots, initialEntries, release, senderConflicts, slots);
    }

    private static void require(final boolean ok, final String name, final int value, final String range)
    {
        if (!ok)
        {
            throw new IllegalArgumentException(name + "=" + value + " outside " + range);
        }
    }
}
