package org.edm.bench.run;

import org.edm.nativeio.rack.RackDescription;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A plan resolved against its rack: the rack as the bench runs it, who does what, each issuing host's partition of
 * the memory node's region, and the message sizes the run can carry. Every issuing host (client or bulk writer) owns
 * one partition and addresses only it, so their operations never overlap.
 * <pre>
 *   region of the memory node:  | c0 | c1 | ... | b0 | b1 | ... |     span = region bytes / issuers (64-byte aligned)
 *   largest message:            min(span, 2^23, the hosts' longest request)
 * </pre>
 *
 * @param rack      the rack, with only the memory node serving memory when the bench embeds it.
 * @param roles     who does what.
 * @param wholeRack every agent runs in this process.
 * @param inMemory  over in-memory cables.
 * @param span      bytes of each issuing host's partition.
 * @param sizes     the sizes to run.
 */
record RunLayout(
    RackDescription rack, HostRoles roles, boolean wholeRack, boolean inMemory, long span, List<Integer> sizes)
{
    /** Resolves {@code plan}; notes what it had to leave out; throws naming the option that cannot be met. */
    static RunLayout of(final BenchPlan plan, final Consumer<String> notes)
    {
        final RackChoice choice = plan.rack();
        final LoadSpec load = plan.load();
        final RackDescription rack;
        final HostRoles roles;
        final boolean wholeRack = choice.labHost() == null;
        if (choice.isGenerated())
        {
            rack = HostRoles.generatedRack(load);
            roles = HostRoles.assign(rack, load, "m0");
        }
        else if (!wholeRack)
        {
            if (!(load.incastClients() == 1 && load.bulkWriters() == 0 && !load.frames()))
            {
                throw new IllegalArgumentException("--load needs the whole rack in this process (every client, " +
                    "writer and the frame host run here); on a lab rack run without --load, or embed a copy of the " +
                    "rack with --in-memory");
            }
            final RackDescription.Host client = choice.rack().host(choice.labHost());
            if (client.role() == RackDescription.Role.MEMORY)
            {
                throw new IllegalArgumentException("--host " + client.name() + " is a memory node: it issues no " +
                    "requests; name a compute host (role compute or both)");
            }
            final HostRoles assigned = HostRoles.assign(choice.rack(), LoadSpec.unloaded(), choice.memoryHost());
            rack = choice.rack();
            roles = new HostRoles(List.of(client.name()), assigned.memory(), List.of(), null);
        }
        else
        {
            roles = HostRoles.assign(choice.rack(), load, choice.memoryHost());
            rack = roles.restrictRegions(choice.rack());
        }
        final long region = plan.settings().regionBytes();
        final int issuers = roles.issuers().size();
        final long span = region / issuers / 64 * 64;
        if (span < 64)
        {
            throw new IllegalArgumentException("the memory node's region (edm.memory.region.bytes=" + region +
                ") is too small to give each of the " + issuers + " issuing hosts a partition; raise it with --set " +
                "edm.memory.region.bytes=64m");
        }
        final long largest = Math.min(span, Math.min(BenchPlan.MAX_MESSAGE,
            plan.options().limits().host().maxRequestBytes()));
        if (load.bulkWriters() > 0 && load.bulkSize() > largest)
        {
            throw new IllegalArgumentException("--bulk-size=" + load.bulkSize() + " exceeds the largest message this " +
                "run carries, " + largest + " bytes" + why(region, issuers, span));
        }
        final List<Integer> sizes = new ArrayList<>();
        final List<Integer> skipped = new ArrayList<>();
        for (final int size : plan.sizes())
        {
            if (size <= largest)
            {
                sizes.add(size);
            }
            else if (plan.allSizes())
            {
                skipped.add(size);
            }
            else
            {
                throw new IllegalArgumentException("--size=" + size + " exceeds the largest message this run " +
                    "carries, " + largest + " bytes" + why(region, issuers, span));
            }
        }
        if (!skipped.isEmpty())
        {
            notes.accept("-a: " + (skipped.size() == 1 ? "size " + skipped.getFirst() : "sizes " + skipped.getFirst() +
                ".." + skipped.getLast()) + " skipped: the largest " +
                "message this run carries is " + largest + " bytes" + why(region, issuers, span));
        }
        final boolean inMemory = choice.isGenerated() || choice.inMemory();
        return new RunLayout(rack, roles, wholeRack, inMemory, span, sizes);
    }

    /** First address of the partition of issuing host {@code index} (clients first, then bulk writers). */
    long base(final int index)
    {
        return index * span;
    }

    private static String why(final long region, final int issuers, final long span)
    {
        return " (each of the " + issuers + " issuing host(s) owns " + span + " bytes of the memory node's region, " +
            "edm.memory.region.bytes=" + region + ", and a request is at most 2^23 bytes or " +
            "edm.host.max.request.bytes; raise them with --set)";
    }
}
