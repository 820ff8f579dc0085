package org.edm.cli.verify;

import org.edm.host.CompletionHandler;
import org.edm.host.RemoteMemory;
import org.edm.phy.mem.CompletionStatus;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The correctness soak behind {@code edm verify}: from every compute host it runs, random reads and writes of 1 to
 * max-size bytes at random addresses of every memory node's region, each checked against a {@link Shadow} copy, then
 * a final sweep that reads back every byte written. Each compute host owns a disjoint partition of every region and
 * never has two overlapping requests in flight, so every read has exactly one right answer. One thread drives every
 * session (they are single-threaded, like queue pairs); the agents run on their own threads, or on this one in
 * INVOKER mode through the waiter.
 * <pre>
 *   region of a memory node:  | host A's partition | host B's partition | ... |    (one per compute host)
 *   run:    keep queue-depth requests in flight per host; on completion check reads, record writes
 *   sweep:  read back every chunk of every partition that holds known bytes
 *   hung:   a request not completed within the fabric timeout plus a grace period ends the run
 * </pre>
 */
public final class Soak
{
    /** Flips a byte of a memory node's region behind the fabric's back (fault injection, to show the check works). */
    @FunctionalInterface
    public interface Corruptor
    {
        void flipByte(MemoryNode node, long address);
    }

    /**
     * A compute host the soak drives.
     *
     * @param name      its rack name.
     * @param nodeId    its node id (it never targets itself).
     * @param session   its remote-memory session (capacity at least the queue depth).
     * @param partition which partition of every region it owns.
     */
    public record ComputeHost(String name, int nodeId, RemoteMemory session, int partition)
    {
    }

    /**
     * A memory node the soak targets.
     *
     * @param name   its rack name.
     * @param nodeId its node id.
     */
    public record MemoryNode(String name, int nodeId)
    {
    }

    /**
     * What to run.
     *
     * @param seconds          how long to issue random requests.
     * @param maxSize          largest request in bytes.
     * @param queueDepth       requests in flight per compute host.
     * @param seed             the random seed (the same seed gives the same request sequence per host).
     * @param regionKey        the memory nodes' region key.
     * @param partitionBytes   bytes of each partition.
     * @param hungAfterNanos   a request older than this is hung.
     * @param progressNanos    time between progress lines; 0 for none.
     * @param injectCorruption flip one known byte behind the fabric's back before the final sweep (which must then
     *                         find it), to show that the check works.
     */
    public record Settings(
        double seconds,
        int maxSize,
        int queueDepth,
        long seed,
        int regionKey,
        int partitionBytes,
        long hungAfterNanos,
        long progressNanos,
        boolean injectCorruption)
    {
    }

    private final Settings settings;
    private final List<MemoryNode> nodes;
    private final Runnable waiter;
    private final Consumer<String> progress;
    private final Corruptor corruptor;
    private final Host[] hosts;
    private final SoakResult result;
    private boolean sweeping;

    /**
     * @param waiter    called when a pass made no progress (yields, or runs the agents in INVOKER mode).
     * @param progress  receives progress lines.
     * @param corruptor flips a byte for {@link Settings#injectCorruption()}, or null.
     */
    public Soak(
        final Settings settings,
        final List<ComputeHost> computeHosts,
        final List<MemoryNode> nodes,
        final Arena arena,
        final Runnable waiter,
        final Consumer<String> progress,
        final Corruptor corruptor)
    {
        this.settings = settings;
        this.nodes = List.copyOf(nodes);
        this.waiter = waiter;
        this.progress = progress;
        this.corruptor = corruptor;
        this.result = new SoakResult();
        hosts = new Host[computeHosts.size()];
        for (int i = 0; i < hosts.length; i++)
        {
            hosts[i] = new Host(computeHosts.get(i), i, arena);
        }
    }

    /** Runs the soak, then the sweep; returns what happened. */
    public SoakResult run()
    {
        final long start = System.nanoTime();
        final long end = start + (long)(settings.seconds() * 1e9);
        long nextProgress = settings.progressNanos() > 0 ? start + settings.progressNanos() : Long.MAX_VALUE;
        long nextHungCheck = start;
        while (result.hung == 0)
        {
            final long now = System.nanoTime();
            if (now - end >= 0)
            {
                break;
            }
            int work = 0;
            for (final Host host : hosts)
            {
                work += host.submitRandom();
                work += host.session.poll(null, 256);
            }
            if (work == 0)
            {
                waiter.run();
            }
            if (now - nextHungCheck >= 0)
            {
                checkHung(now);
                nextHungCheck = now + 50_000_000L;
            }
            if (now - nextProgress >= 0)
            {
                progress.accept(String.format(java.util.Locale.ROOT, "%.1f s: %s", (now - start) / 1e9,
                    result.progressLine()));
                nextProgress = now + settings.progressNanos();
            }
        }
        drain();
        result.runNanos = System.nanoTime() - start;
        if (result.hung == 0)
        {
            sweep();
        }
        return result;
    }

    private void drain()
    {
        while (inFlight() > 0 && result.hung == 0)
        {
            int work = 0;
            for (final Host host : hosts)
            {
                work += host.session.poll(null, 256);
            }
            if (work == 0)
            {
                waiter.run();
            }
            checkHung(System.nanoTime());
        }
    }

    private void sweep()
    {
        if (settings.injectCorruption() && corruptor != null)
        {
            injectCorruption();
        }
        sweeping = true;
        for (final Host host : hosts)
        {
            host.startSweep();
        }
        boolean more = true;
        while (more && result.hung == 0)
        {
            int work = 0;
            more = false;
            for (final Host host : hosts)
            {
                work += host.submitSweep();
                work += host.session.poll(null, 256);
                more |= host.sweepNode < nodes.size() || host.inFlight > 0;
            }
            if (work == 0)
            {
                waiter.run();
            }
            checkHung(System.nanoTime());
        }
    }

    /** Flips the first known byte of the first host's partitions (no request is in flight now). */
    private void injectCorruption()
    {
        for (final Host host : hosts)
        {
            for (int n = 0; n < nodes.size(); n++)
            {
                final Shadow shadow = host.shadows[n];
                if (shadow != null && shadow.knownBytes() > 0)
                {
                    int at = 0;
                    while (!shadow.isKnown(at))
                    {
                        at++;
                    }
                    corruptor.flipByte(nodes.get(n), host.base + at);
                    result.corruptionsInjected++;
                    return;
                }
            }
        }
    }

    private int inFlight()
    {
        int total = 0;
        for (final Host host : hosts)
        {
            total += host.inFlight;
        }
        return total;
    }

    private void checkHung(final long now)
    {
        for (final Host host : hosts)
        {
            host.checkHung(now);
        }
    }

    /** One compute host: its session, request slots and shadows. */
    private final class Host
    {
        private final String name;
        private final int nodeId;
        private final RemoteMemory session;
        private final long base;
        private final Shadow[] shadows;
        private final int[] targets;
        private final SplittableRandom random;
        private final MemorySegment[] buffers;
        private final CompletionHandler[] handlers;
        private final boolean[] busy;
        private final boolean[] write;
        private final int[] node;
        private final int[] offset;
        private final int[] length;
        private final long[] started;
        private final boolean[] reportedHung;
        private final Shadow.Mismatch mismatch = new Shadow.Mismatch();
        private int inFlight;
        private int sweepNode;
        private int sweepOffset;

        Host(final ComputeHost host, final int index, final Arena arena)
        {
            name = host.name();
            nodeId = host.nodeId();
            session = host.session();
            base = (long)host.partition() * settings.partitionBytes();
            random = new SplittableRandom(settings.seed() + 0x9E3779B97F4A7C15L * index);
            shadows = new Shadow[nodes.size()];
            int count = 0;
            final int[] candidates = new int[nodes.size()];
            for (int n = 0; n < nodes.size(); n++)
            {
                if (nodes.get(n).nodeId() != nodeId)
                {
                    shadows[n] = new Shadow(settings.partitionBytes());
                    candidates[count++] = n;
                }
            }
            if (count == 0)
            {
                throw new IllegalArgumentException("compute host " + name + " has no memory node to verify against " +
                    "(it does not address itself)");
            }
            targets = java.util.Arrays.copyOf(candidates, count);
            final int depth = settings.queueDepth();
            buffers = new MemorySegment[depth];
            handlers = new CompletionHandler[depth];
            busy = new boolean[depth];
            write = new boolean[depth];
            node = new int[depth];
            offset = new int[depth];
            length = new int[depth];
            started = new long[depth];
            reportedHung = new boolean[depth];
            for (int slot = 0; slot < depth; slot++)
            {
                buffers[slot] = arena.allocate(settings.maxSize(), 8);
                final int s = slot;
                handlers[slot] = (requestId, status) -> complete(s, status);
            }
        }

        int submitRandom()
        {
            int submitted = 0;
            for (int slot = 0; slot < busy.length && inFlight < busy.length; slot++)
            {
                if (busy[slot])
                {
                    continue;
                }
                final int n = targets[random.nextInt(targets.length)];
                final int size = size();
                final int at = random.nextInt(settings.partitionBytes() - size + 1);
                if (overlaps(n, at, size))
                {
                    continue;
                }
                final boolean isWrite = random.nextBoolean();
                if (isWrite)
                {
                    fill(buffers[slot], size);
                }
                if (!submit(slot, n, at, size, isWrite))
                {
                    break;
                }
                submitted++;
            }
            return submitted;
        }

        void startSweep()
        {
            sweepNode = 0;
            sweepOffset = 0;
            advanceSweep();
        }

        int submitSweep()
        {
            int submitted = 0;
            for (int slot = 0; slot < busy.length && sweepNode < shadows.length; slot++)
            {
                if (busy[slot])
                {
                    continue;
                }
                final int size = Math.min(settings.maxSize(), settings.partitionBytes() - sweepOffset);
                if (!submit(slot, sweepNode, sweepOffset, size, false))
                {
                    break;
                }
                result.sweepReads++;
                submitted++;
                sweepOffset += size;
                advanceSweep();
            }
            return submitted;
        }

        /** Moves the sweep cursor to the next chunk that holds known bytes. */
        private void advanceSweep()
        {
            while (sweepNode < shadows.length)
            {
                final Shadow shadow = shadows[sweepNode];
                while (shadow != null && sweepOffset < shadow.length())
                {
                    final int size = Math.min(settings.maxSize(), shadow.length() - sweepOffset);
                    if (shadow.anyKnown(sweepOffset, size))
                    {
                        return;
                    }
                    sweepOffset += size;
                }
                sweepNode++;
                sweepOffset = 0;
            }
        }

        private boolean submit(final int slot, final int n, final int at, final int size, final boolean isWrite)
        {
            final MemorySegment data = buffers[slot].asSlice(0, size);
            final long address = base + at;
            final int target = nodes.get(n).nodeId();
            busy[slot] = true;
            write[slot] = isWrite;
            node[slot] = n;
            offset[slot] = at;
            length[slot] = size;
            started[slot] = System.nanoTime();
            reportedHung[slot] = false;
            inFlight++;
            final long id = isWrite ? session.write(target, settings.regionKey(), address, data, handlers[slot]) :
                session.read(target, settings.regionKey(), address, data, handlers[slot]);
            if (id < 0)
            {
                busy[slot] = false;
                inFlight--;
                if (id == -CompletionStatus.BACK_PRESSURED)
                {
                    return false;
                }
                result.error((int)-id);
            }
            return true;
        }

        private void complete(final int slot, final int status)
        {
            if (!busy[slot])
            {
                return;
            }
            final long latency = System.nanoTime() - started[slot];
            busy[slot] = false;
            inFlight--;
            final int n = node[slot];
            final int size = length[slot];
            final Shadow shadow = shadows[n];
            if (status != CompletionStatus.SUCCESS)
            {
                result.error(status);
                if (write[slot])
                {
                    shadow.forget(offset[slot], size);
                }
                return;
            }
            final MemorySegment data = buffers[slot];
            if (write[slot])
            {
                shadow.written(offset[slot], data, size);
                result.recordWrite(size, latency);
                return;
            }
            final int wrong = shadow.check(offset[slot], data, size, mismatch);
            if (sweeping)
            {
                result.sweepBytes += size;
            }
            else
            {
                result.recordRead(size, latency);
            }
            if (wrong > 0)
            {
                final int at = mismatch.offset;
                result.mismatch(wrong, String.format(java.util.Locale.ROOT,
                    "%s read %d B at 0x%x of node %d (%s)%s: byte 0x%x is 0x%02x, expected 0x%02x (%d bytes wrong)",
                    name, size, base + offset[slot], nodes.get(n).nodeId(), nodes.get(n).name(),
                    sweeping ? " in the final sweep" : "", base + at, mismatch.actual & 0xFF,
                    mismatch.expected & 0xFF, wrong));
            }
        }

        void checkHung(final long now)
        {
            for (int slot = 0; slot < busy.length; slot++)
            {
                if (busy[slot] && !reportedHung[slot] && now - started[slot] > settings.hungAfterNanos())
                {
                    result.hung(String.format(java.util.Locale.ROOT,
                        "%s %s of %d B at 0x%x of node %d (%s) not completed after %.1f s", name,
                        write[slot] ? "write" : "read", length[slot], base + offset[slot], nodes.get(node[slot]).nodeId(),
                        nodes.get(node[slot]).name(), (now - started[slot]) / 1e9));
                    reportedHung[slot] = true;
                }
            }
        }

        private boolean overlaps(final int n, final int at, final int size)
        {
            for (int slot = 0; slot < busy.length; slot++)
            {
                if (busy[slot] && node[slot] == n && at < offset[slot] + length[slot] && offset[slot] < at + size)
                {
                    return true;
                }
            }
            return false;
        }

        /** Half uniform in 1..max, half log-uniform (so that small requests are common too). */
        private int size()
        {
            final int max = settings.maxSize();
            if (random.nextBoolean())
            {
                return 1 + random.nextInt(max);
            }
            return (int)Math.min(max, Math.max(1, Math.round(Math.exp(random.nextDouble() * Math.log(max)))));
        }

        private void fill(final MemorySegment buffer, final int size)
        {
            int i = 0;
            for (; i + 8 <= size; i += 8)
            {
                buffer.set(ValueLayout.JAVA_LONG_UNALIGNED, i, random.nextLong());
            }
            for (; i < size; i++)
            {
                buffer.set(ValueLayout.JAVA_BYTE, i, (byte)random.nextInt());
            }
        }
    }
}
