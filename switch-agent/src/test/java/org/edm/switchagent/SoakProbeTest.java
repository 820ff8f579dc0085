package org.edm.switchagent;

import org.edm.host.RemoteMemory;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Random;

import static org.edm.nativeio.rack.RackDescription.Role.BOTH;

class SoakProbeTest
{
    @Test
    void probe()
    {
        final LocalFabric fabric = LocalFabric.inMemory(TestRacks.rack("s", BOTH, BOTH),
            FabricSettings.defaults().withRegionBytes(8 << 20), line -> { });
        final RemoteMemory[] sessions = { fabric.host("h0").newSession(16, fabric::runOnce),
            fabric.host("h1").newSession(16, fabric::runOnce) };
        final Arena arena = Arena.ofConfined();
        final MemorySegment buf = arena.allocate(16 * 65536 * 2);
        final Random random = new Random(42);
        final int[] statusCounts = new int[32];
        final long start = System.nanoTime();
        int ops = 0;
        final int[] inflight = new int[2];
        final long[] maxLatency = new long[1];
        final long[] firstTimeout = new long[1];
        final String[] firstTimeoutInfo = new String[1];
        final long[] completionsAt = new long[64];
        while (System.nanoTime() - start < 3_000_000_000L)
        {
            for (int h = 0; h < Integer.getInteger("probe.hosts", 2); h++)
            {
                while (inflight[h] < 16)
                {
                    final int size = 1 + random.nextInt(Integer.getInteger("probe.size", 65536));
                    final int slot = random.nextInt(16);
                    final MemorySegment seg = buf.asSlice((h * 16 + slot) * 65536L, size);
                    final long t0 = System.nanoTime();
                    final int hh = h;
                    final org.edm.host.CompletionHandler cb = (id, st) ->
                    {
                        statusCounts[Math.min(st, 31)]++;
                        if (st == 16 && firstTimeout[0] == 0)
                        {
                            firstTimeout[0] = System.nanoTime() - start;
                            firstTimeoutInfo[0] = "host h" + hh + " id=" + id + " age=" + (System.nanoTime() - t0) / 1e6 + "ms";
                        }
                        inflight[hh]--;
                        maxLatency[0] = Math.max(maxLatency[0], System.nanoTime() - t0);
                    };
                    final String mode = System.getProperty("probe.mode", "mix");
                    final boolean read = mode.equals("read") || (mode.equals("mix") && random.nextBoolean());
                    final long id = read ?
                        sessions[h].read(1 - h, 1, (long)h * 4_000_000 + slot * 65536L, seg, cb) :
                        sessions[h].write(1 - h, 1, (long)h * 4_000_000 + slot * 65536L, seg, cb);
                    if (id < 0)
                    {
                        break;
                    }
                    inflight[h]++;
                    ops++;
                }
            }
            fabric.runOnce();
            final int bucket = (int)((System.nanoTime() - start) / 50_000_000L);
            if (bucket < 64)
            {
                completionsAt[bucket] = statusCounts[0];
            }
            sessions[0].poll((id, st) -> { }, 64);
            sessions[1].poll((id, st) -> { }, 64);
        }
        System.err.println("SOAK firstTimeout at " + firstTimeout[0] / 1e6 + " ms: " + firstTimeoutInfo[0]);
        final StringBuilder progress = new StringBuilder("SOAK successes by 50ms:");
        for (int i = 0; i < 64; i++)
        {
            progress.append(' ').append(completionsAt[i]);
        }
        System.err.println(progress);
        System.err.println("SOAK ops=" + ops + " success=" + statusCounts[0] + " timeout=" + statusCounts[16] +
            " other=" + (ops - statusCounts[0] - statusCounts[16]) + " maxLatencyMs=" + maxLatency[0] / 1e6);
        for (final String h : new String[] { "h0", "h1" })
        {
            final var e = fabric.host(h).engine();
            System.err.println("SOAK " + h + " orphan=" + e.orphanGrants() + " stale=" + e.staleBlocks() + " malformed=" +
                e.malformedReceived() + " timeouts=" + e.timeouts() + " resumes=" + e.resumesSent() + " paused-lost=" +
                e.reassembler().malformedCount(-6) + " orphanBlocks=" + e.reassembler().malformedCount(-2) +
                " lenMismatch=" + e.reassembler().malformedCount(-4) + " unknownResume=" + e.reassembler().malformedCount(-5));
        }
        final var sw = fabric.switchAgent().engine();
        System.err.println("SOAK switch ungranted=" + sw.ungranted() + " malformed=" + sw.malformed() + " dup=" + sw.duplicates() +
            " stale=" + sw.scheduler().staleRetired() + " live=" + sw.scheduler().liveEntries());
        final var sched = sw.scheduler();
        final long[] quotaSum = new long[2];
        for (int e = 0; e < 100000; e++)
        {
            try
            {
                if (sched.isLive(e, sched.sequence(e)) && sched.quota(e) > 0)
                {
                    quotaSum[sched.receiver(e)] += sched.quota(e);
                    System.err.println("SOAK quota entry " + e + " kind=" + sched.kind(e) + " req=" + sched.requester(e) + " tag=" +
                        sched.tag(e) + " s=" + sched.sender(e) + " r=" + sched.receiver(e) + " remaining=" + sched.remaining(e) +
                        " quota=" + sched.quota(e));
                }
            }
            catch (final RuntimeException ignored)
            {
                break;
            }
        }
        System.err.println("SOAK quotaSum r0=" + quotaSum[0] + " r1=" + quotaSum[1]);
        int shown = 0;
        for (int e = 0; e < 100000 && shown < 12; e++)
        {
            try
            {
                if (sched.isLive(e, sched.sequence(e)))
                {
                    shown++;
                    System.err.println("SOAK entry " + e + " kind=" + sched.kind(e) + " req=" + sched.requester(e) + " tag=" +
                        sched.tag(e) + " s=" + sched.sender(e) + " r=" + sched.receiver(e) + " remaining=" + sched.remaining(e) +
                        " quota=" + sched.quota(e));
                }
            }
            catch (final RuntimeException ignored)
            {
                break;
            }
        }
        for (int r = 0; r < 2; r++)
        {
            System.err.println("SOAK receiver " + r + " owner=" + sched.circuitOwner(r) + " inflight=" + sched.inflight(r) +
                " egressDepth=" + sw.egressDepth(r) + " lanes=" + sw.activeLanes(r));
        }
        System.err.println("SOAK h0 outstanding=" + fabric.host("h0").engine().outstanding() + " idle=" + fabric.host("h0").engine().idle() +
            " h1 outstanding=" + fabric.host("h1").engine().outstanding() + " idle=" + fabric.host("h1").engine().idle());
        fabric.close();
        arena.close();
    }
}
