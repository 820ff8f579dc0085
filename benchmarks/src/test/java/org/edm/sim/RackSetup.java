package org.edm.sim;

import org.edm.phy.host.HostOrder;
import org.edm.phy.mem.Framing;
import org.edm.phy.sched.MatcherKind;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.EgressMode;

import java.nio.file.Path;
import java.util.Random;

/**
 * A rack configuration for the invariant tests, printable so that a failure names it. The wire framings use lane
 * egress and acknowledged writes, as {@code edm sim} builds them; the netsim framing uses the reference's FIFO egress
 * and unacknowledged writes. The release threshold is one bandwidth-delay product (2 x link slots blocks), as the
 * simulator's default.
 *
 * @param framing        "wire-7", "wire-8" or "netsim".
 * @param matcher        the scheduler's matcher.
 * @param iterations     iterations per slot of PIM and ISLIP.
 * @param maxChunks      chunks one message may have outstanding.
 * @param hosts          hosts in the rack.
 * @param linkSlots      slots a block takes over one link.
 * @param delaySlots     the scheduler's pipeline delay.
 * @param chunkBytes     bytes one GRANT allows.
 * @param order          the hosts' transmit order.
 * @param maxOutstanding requests one host may have outstanding (a power of two; small values exercise back-pressure).
 * @param ird            the reference's IRD baseline instead of EDM: oracle release, a sender may hold several circuits.
 */
record RackSetup(
    String framing,
    MatcherKind matcher,
    int iterations,
    int maxChunks,
    int hosts,
    int linkSlots,
    int delaySlots,
    int chunkBytes,
    HostOrder order,
    int maxOutstanding,
    boolean ird)
{
    static final String[] FRAMINGS = { "wire-7", "wire-8", "netsim" };

    /** The reference-like setup for a framing, matcher and chunk count, with the rest drawn from {@code random}. */
    static RackSetup random(final Random random, final String framing, final MatcherKind matcher, final int maxChunks)
    {
        final HostOrder[] orders = HostOrder.values();
        return new RackSetup(
            framing,
            matcher,
            1 + random.nextInt(4),
            maxChunks,
            2 + random.nextInt(11),
            5 + random.nextInt(16),
            random.nextInt(4),
            random.nextInt(4) == 0 ? 64 + random.nextInt(961) : 256,
            orders[random.nextInt(orders.length)],
            random.nextInt(4) == 0 ? 4 : 4096,
            false);
    }

    /** The same rack under the reference's IRD baseline. */
    RackSetup asIrd()
    {
        return new RackSetup(framing, matcher, iterations, maxChunks, hosts, linkSlots, delaySlots, chunkBytes, order,
            maxOutstanding, true);
    }

    Framing fabricFraming()
    {
        return switch (framing)
        {
            case "wire-7" -> Framing.wire(7);
            case "wire-8" -> Framing.wire(8);
            case "netsim" -> Framing.netsim();
            default -> throw new IllegalArgumentException("framing " + framing);
        };
    }

    boolean carriesData()
    {
        return fabricFraming().carriesData();
    }

    /** The largest message of this framing a test sends (wire: the header's 65,535 bytes). */
    int maxMessage()
    {
        return Math.min(65_535, fabricFraming().maxLength());
    }

    RackParameters parameters()
    {
        final Framing fabric = fabricFraming();
        final int perBlock = fabric.dataBytesPerBlock();
        final SchedulerConfig edm = new SchedulerConfig(hosts, Math.max(1, chunkBytes / perBlock),
            2 * linkSlots, maxChunks, matcher, iterations, delaySlots, 16);
        final SchedulerConfig scheduler = ird ? edm.ird() : edm;
        final boolean wire = fabric.resumeBlocks() > 0;
        return new RackParameters(hosts, fabric, scheduler, order, wire ? EgressMode.LANES : EgressMode.FIFO,
            linkSlots, maxOutstanding, wire, 0, 0);
    }

    /**
     * The rack {@code edm sim} builds by default for this framing's block size (calibrated 100G timing: 80-slot links,
     * a 44-slot scheduler, release at one bandwidth-delay product), with this setup's matcher and chunk count.
     */
    static RackParameters simulatorDefault(
        final int hosts, final int blockBytes, final MatcherKind matcher, final int maxChunks)
    {
        final SimConfig config = SimConfig.builder().trace(Path.of("unused.trace")).hosts(hosts)
            .blockBytes(blockBytes).matcher(matcher).maxChunksPerMessage(maxChunks).build();
        return RackSimulationRunner.parameters(config, hosts);
    }

    @Override
    public String toString()
    {
        return framing + " " + matcher.label() + (matcher.iterative() ? "x" + iterations : "") + " chunks=" +
            maxChunks + " hosts=" + hosts + " link=" + linkSlots + " delay=" + delaySlots + " chunk=" + chunkBytes +
            "B order=" + order.label() + " outstanding=" + maxOutstanding + (ird ? " IRD" : "");
    }
}
