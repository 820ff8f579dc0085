package org.edm.sim;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.edm.phy.host.HostEngine;
import org.edm.phy.mem.CompletionStatus;
import org.edm.phy.mem.Framing;
import org.edm.phy.mem.MemoryBlockTypes;
import org.edm.phy.sched.CentralScheduler;
import org.edm.phy.sched.SchedulerConfig;
import org.edm.phy.sw.SwitchEngine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link RackModel} driven by a list of {@link TraceRequest}s and checked after every slot: the circuits form a
 * matching (one owner per receiver, and for EDM one receiver per sender), every grant of the slot went to a receiver
 * that holds a circuit, no block is forwarded without a grant, and in-flight counts never go negative. At the end,
 * {@link #assertDrained()} checks that every request ended exactly once with its expected status, that nothing is
 * left anywhere (requests, demand, circuits, blocks on links) and that every block granted was forwarded.
 * <p>
 * Requests are submitted at their slot in trace order; a host that is back-pressured keeps the rest of its requests in
 * a backlog, in order, until it has room. The request id given to the rack is the request's index in the trace.
 */
final class CheckedRack implements RackListener
{
    /** Told about every completion, inside the rack's step (it may add requests for later slots). */
    @FunctionalInterface
    interface CompletionHook
    {
        void completed(int index, int status, long slot);
    }

    private static final int NOT_DONE = Integer.MIN_VALUE;

    final RackModel model;
    final CentralScheduler scheduler;
    final SwitchEngine fabricSwitch;
    private final String context;
    private final int hosts;
    private final Framing framing;
    private final boolean exclusiveSenders;
    private final boolean bdpRelease;

    private final List<TraceRequest> requests = new ArrayList<>();
    private final List<DirectBuffer> buffers = new ArrayList<>();
    private final List<Integer> offsets = new ArrayList<>();
    private int[] completions = new int[64];
    private int[] statuses = new int[64];
    private final PriorityQueue<Integer> waiting;
    private final ArrayDeque<Integer>[] backlog;
    private CompletionHook hook = (index, status, slot) ->
    {
    };

    private final int[] previousOwner;
    private final int[] previousInflight;
    private final int[] owned;
    private long previousGrants;
    private long previousRetired;
    private int maxCircuitsPerSender;
    private int ended;
    private long slot;
    private long lastSlot;

    @SuppressWarnings("unchecked")
    CheckedRack(final RackParameters parameters, final String context)
    {
        this.model = new RackModel(parameters, this);
        this.fabricSwitch = model.fabricSwitch();
        this.scheduler = fabricSwitch.scheduler();
        this.context = context;
        this.hosts = parameters.hosts();
        this.framing = parameters.framing();
        final SchedulerConfig config = scheduler.config();
        this.exclusiveSenders = config.senderConflicts();
        this.bdpRelease = config.release() == SchedulerConfig.ReleasePolicy.BDP;
        waiting = new PriorityQueue<>(Comparator.<Integer>comparingLong(i -> requests.get(i).slot())
            .thenComparingInt(i -> i));
        backlog = new ArrayDeque[hosts];
        for (int h = 0; h < hosts; h++)
        {
            backlog[h] = new ArrayDeque<>();
        }
        previousOwner = new int[hosts];
        Arrays.fill(previousOwner, -1);
        previousInflight = new int[hosts];
        owned = new int[hosts];
    }

    /** Installs the completion hook. */
    CheckedRack onCompletion(final CompletionHook completionHook)
    {
        this.hook = completionHook;
        return this;
    }

    /** Adds a request without data buffers; returns its index. */
    int add(final TraceRequest request)
    {
        return add(request, null, 0);
    }

    /**
     * Adds a request; for a write {@code buffer} is the source, for a read the destination (a MutableDirectBuffer).
     *
     * @return its index (the request id the rack reports).
     */
    int add(final TraceRequest request, final DirectBuffer buffer, final int offset)
    {
        final int index = requests.size();
        requests.add(request);
        buffers.add(buffer);
        offsets.add(offset);
        if (index == completions.length)
        {
            completions = Arrays.copyOf(completions, index * 2);
            statuses = Arrays.copyOf(statuses, index * 2);
        }
        statuses[index] = NOT_DONE;
        waiting.add(index);
        return index;
    }

    void addAll(final List<TraceRequest> trace)
    {
        for (final TraceRequest request : trace)
        {
            add(request);
        }
    }

    TraceRequest request(final int index)
    {
        return requests.get(index);
    }

    int requestCount()
    {
        return requests.size();
    }

    /** The slot being run (for hooks). */
    long slot()
    {
        return slot;
    }

    /** The last slot run. */
    long lastSlot()
    {
        return lastSlot;
    }

    /** The most receivers one sender owned circuits to at the end of any slot. */
    int maxCircuitsPerSender()
    {
        return maxCircuitsPerSender;
    }

    /** Runs until every request ended and the rack is idle; fails after {@code maxSlots}. */
    CheckedRack run(final long maxSlots)
    {
        slot = 0;
        while (true)
        {
            while (!waiting.isEmpty() && requests.get(waiting.peek()).slot() <= slot)
            {
                final int index = waiting.poll();
                backlog[requests.get(index).requester()].add(index);
            }
            final boolean backlogged = drainBacklogs();
            model.step(slot);
            checkSlot();
            final boolean idle = model.idle();
            if (waiting.isEmpty() && !backlogged && allEnded() && idle)
            {
                break;
            }
            if (idle && waiting.isEmpty() && !canSubmit())
            {
                fail("the rack is idle but " + (requests.size() - ended) + " of " + requests.size() +
                    " requests never ended (" + diagnosis() + ")");
            }
            slot++;
            if (slot >= maxSlots)
            {
                fail("only " + ended + " of " + requests.size() + " requests ended within " + maxSlots + " slots (" +
                    diagnosis() + ")");
            }
            if (!backlogged && model.idle() && !waiting.isEmpty())
            {
                slot = Math.max(slot, requests.get(waiting.peek()).slot());
            }
        }
        lastSlot = slot;
        return this;
    }

    private boolean drainBacklogs()
    {
        boolean backlogged = false;
        for (int h = 0; h < hosts; h++)
        {
            final ArrayDeque<Integer> queue = backlog[h];
            while (!queue.isEmpty())
            {
                final int index = queue.peek();
                final int result = submit(index);
                if (RackModel.isBackPressure(result))
                {
                    break;
                }
                queue.poll();
                final TraceRequest request = requests.get(index);
                if (result < 0)
                {
                    assertThat(request.refusedAtOnce()).as("%s: slot %d: %s refused at once with %s", context, slot,
                        request, CompletionStatus.name(-result)).isTrue();
                    assertThat(-result).as("%s: %s refused at once", context, request).isEqualTo(request.expected());
                    statuses[index] = -result;
                    ended++;
                }
                else
                {
                    assertThat(request.refusedAtOnce()).as("%s: %s was accepted (tag %d) but must be refused at once",
                        context, request, result).isFalse();
                }
            }
            backlogged |= !queue.isEmpty();
        }
        return backlogged;
    }

    /** Whether some backlogged host has room for its next request. */
    private boolean canSubmit()
    {
        for (int h = 0; h < hosts; h++)
        {
            if (!backlog[h].isEmpty() && !model.isFull(h))
            {
                return true;
            }
        }
        return false;
    }

    /** What the hosts and the switch hold: for failure messages. */
    private String diagnosis()
    {
        long orphans = 0;
        long stale = 0;
        for (int h = 0; h < hosts; h++)
        {
            orphans += model.host(h).orphanGrants();
            stale += model.host(h).staleBlocks();
        }
        return "outstanding " + model.outstanding() + ", demand entries " + scheduler.liveEntries() +
            ", orphan grants " + orphans +
            ", stale blocks " + stale + ", blocks the switch rejected " + fabricSwitch.malformed() + ", ungranted " +
            fabricSwitch.ungranted() + ", over-forwarded " + scheduler.overForwarded();
    }

    private int submit(final int index)
    {
        final TraceRequest q = requests.get(index);
        final DirectBuffer buffer = buffers.get(index);
        final int offset = offsets.get(index);
        return q.read() ?
            model.submitRead(index, q.requester(), q.node(), q.key(), q.address(), q.length(),
                (MutableDirectBuffer)buffer, offset, slot) :
            model.submitWrite(index, q.requester(), q.node(), q.key(), q.address(), q.length(), buffer, offset, slot);
    }

    private boolean allEnded()
    {
        return ended == requests.size();
    }

    // ---- per slot --------------------------------------------------------------------------------------------------

    private void checkSlot()
    {
        Arrays.fill(owned, 0);
        int receiversThatMayHaveBeenGranted = 0;
        long inflightTotal = 0;
        for (int r = 0; r < hosts; r++)
        {
            final int owner = scheduler.circuitOwner(r);
            final int inflight = scheduler.inflight(r);
            if (inflight < 0)
            {
                fail("granted-but-unforwarded blocks toward " + r + " fell to " + inflight);
            }
            if (owner >= 0)
            {
                if (owner >= hosts || owner == r)
                {
                    fail("the circuit to " + r + " is owned by " + owner);
                }
                owned[owner]++;
                maxCircuitsPerSender = Math.max(maxCircuitsPerSender, owned[owner]);
                if (exclusiveSenders && owned[owner] > 1)
                {
                    fail("sender " + owner + " owns circuits to " + owned[owner] + " receivers");
                }
                // a receiver granted in this slot is locked now, and its in-flight count grew by the grant (>= 1
                // block) less at most the one block its port forwarded in the slot
                if (owner != previousOwner[r] || inflight >= previousInflight[r])
                {
                    receiversThatMayHaveBeenGranted++;
                }
            }
            previousOwner[r] = owner;
            previousInflight[r] = inflight;
            inflightTotal += inflight;
        }
        final long grants = scheduler.grants();
        // granted blocks neither forwarded nor in flight belong to messages retired after an error ACK; a retirement
        // lowers its receiver's in-flight count by more than a forwarded block, so the count above does not hold then
        final long retired = scheduler.blocksGranted() - scheduler.blocksForwarded() - inflightTotal;
        if (bdpRelease && retired == previousRetired && grants - previousGrants > receiversThatMayHaveBeenGranted)
        {
            fail((grants - previousGrants) + " grants in the slot, but only " + receiversThatMayHaveBeenGranted +
                " receivers can have got one");
        }
        previousGrants = grants;
        previousRetired = retired;
        if (fabricSwitch.ungranted() != 0)
        {
            fail(fabricSwitch.ungranted() + " data blocks reached the switch without a grant");
        }
        if (scheduler.overForwarded() != 0)
        {
            fail(scheduler.overForwarded() + " blocks forwarded beyond their grant");
        }
        if (scheduler.blocksForwarded() > scheduler.blocksGranted())
        {
            fail(scheduler.blocksForwarded() + " blocks forwarded but only " + scheduler.blocksGranted() + " granted");
        }
    }

    /** Fails naming the run, the slot and the circuits. */
    private void fail(final String what)
    {
        throw new AssertionError(context + ": slot " + slot + ": " + what + " (circuits [" + circuits() + "])");
    }

    private String circuits()
    {
        final StringBuilder text = new StringBuilder();
        for (int r = 0; r < hosts; r++)
        {
            if (scheduler.circuitOwner(r) >= 0)
            {
                text.append(scheduler.circuitOwner(r)).append("->").append(r).append(' ');
            }
        }
        return text.toString().trim();
    }

    // ---- completions -----------------------------------------------------------------------------------------------

    public void completed(final long requestId, final int status, final long submitSlot, final long completeSlot)
    {
        final int index = (int)requestId;
        assertThat(index).as("%s: completion of an unknown request id", context).isBetween(0, requests.size() - 1);
        completions[index]++;
        assertThat(completions[index]).as("%s: slot %d: completions of %s", context, completeSlot,
            requests.get(index)).isEqualTo(1);
        statuses[index] = status;
        ended++;
        hook.completed(index, status, completeSlot);
    }

    int status(final int index)
    {
        return statuses[index];
    }

    // ---- at the end ------------------------------------------------------------------------------------------------

    /** Everything ended as expected and nothing is left anywhere; see the class comment. */
    void assertDrained()
    {
        long writeBlocks = 0;
        long goodReadBlocks = 0;
        long badReadBlocks = 0;
        long badReadFirstChunks = 0;
        boolean orphanGrantsAllowed = false;
        final int chunk = scheduler.config().chunkBlocks();
        for (int i = 0; i < requests.size(); i++)
        {
            final TraceRequest request = requests.get(i);
            assertThat(statuses[i]).as("%s: request %d (%s) ended with %s", context, i, request,
                statuses[i] == NOT_DONE ? "nothing" : CompletionStatus.name(statuses[i])).isEqualTo(request.expected());
            assertThat(completions[i]).as("%s: completions of request %d (%s)", context, i, request)
                .isEqualTo(request.refusedAtOnce() ? 0 : 1);
            if (request.refusedAtOnce() || request.expected() == CompletionStatus.UNKNOWN_NODE)
            {
                continue;
            }
            if (!request.read())
            {
                writeBlocks += framing.blocks(MemoryBlockTypes.CLASS_WREQ, request.length());
            }
            else if (request.expected() == CompletionStatus.SUCCESS)
            {
                goodReadBlocks += framing.blocks(MemoryBlockTypes.CLASS_RRESP, request.length());
            }
            else
            {
                final int blocks = framing.blocks(MemoryBlockTypes.CLASS_RRESP, request.length());
                badReadBlocks += blocks;
                badReadFirstChunks += Math.min(chunk, blocks);
                orphanGrantsAllowed = true;
            }
        }
        assertThat(model.outstanding()).as("%s: requests outstanding at the end", context).isZero();
        assertThat(model.idle()).as("%s: rack idle at the end", context).isTrue();
        assertThat(scheduler.liveEntries()).as("%s: demand entries left in the scheduler", context).isZero();
        for (int r = 0; r < hosts; r++)
        {
            assertThat(scheduler.circuitOwner(r)).as("%s: circuit to %d at the end", context, r).isEqualTo(-1);
            assertThat(scheduler.inflight(r)).as("%s: in-flight blocks toward %d at the end", context, r).isZero();
        }
        assertThat(fabricSwitch.ungranted()).as("%s: data blocks without a grant", context).isZero();
        assertThat(scheduler.overForwarded()).as("%s: blocks forwarded beyond their grant", context).isZero();
        assertThat(scheduler.blocksForwarded()).as("%s: blocks forwarded = every write's and every good response's",
            context).isEqualTo(writeBlocks + goodReadBlocks);
        assertThat(scheduler.blocksGranted() - scheduler.blocksForwarded())
            .as("%s: blocks granted and never forwarded (only failed reads' responses may have some)", context)
            .isBetween(badReadFirstChunks, badReadBlocks);
        assertThat(fabricSwitch.malformed()).as("%s: blocks the switch rejected", context).isZero();
        assertThat(fabricSwitch.unexpected()).as("%s: GRANTs hosts sent the switch", context).isZero();
        assertThat(fabricSwitch.duplicates()).as("%s: demand registered twice", context).isZero();
        for (int h = 0; h < hosts; h++)
        {
            final HostEngine host = model.host(h);
            assertThat(fabricSwitch.blocksIn(h)).as("%s: blocks host %d sent vs the switch received", context, h)
                .isEqualTo(host.blocksSent());
            assertThat(host.blocksReceived()).as("%s: blocks host %d received vs the switch sent", context, h)
                .isEqualTo(fabricSwitch.blocksOut(h));
            assertThat(host.malformedReceived()).as("%s: blocks host %d rejected", context, h).isZero();
            assertThat(host.staleBlocks()).as("%s: stale blocks at host %d", context, h).isZero();
            assertThat(host.unexpectedBlocks()).as("%s: unexpected blocks at host %d", context, h).isZero();
            assertThat(host.timeouts()).as("%s: timeouts at host %d", context, h).isZero();
            if (!orphanGrantsAllowed)
            {
                assertThat(host.orphanGrants()).as("%s: GRANTs host %d had no message for", context, h).isZero();
            }
            assertThat(host.isFull()).as("%s: host %d has no room left for requests at the end", context, h)
                .isFalse();
        }
    }
}
