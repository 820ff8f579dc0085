package org.edm.bench.run;

import org.edm.nativeio.rack.RackDescription;

/**
 * Which rack a bench runs on and how.
 *
 * @param rack       the rack described by a file, or null for the in-memory rack the bench builds for the load.
 * @param source     where the description came from (its file), for messages.
 * @param inMemory   embed the rack over in-memory cables (always true when {@code rack} is null).
 * @param labHost    on a lab rack, the compute host this process runs against the daemons; null to embed the rack.
 * @param memoryHost the memory node to target; null for the last host that serves memory.
 */
public record RackChoice(RackDescription rack, String source, boolean inMemory, String labHost, String memoryHost)
{
    /** The bench's own in-memory rack, with exactly the hosts the load needs. */
    public static RackChoice generated()
    {
        return new RackChoice(null, null, true, null, null);
    }

    /** True when the rack is the bench's own. */
    public boolean isGenerated()
    {
        return rack == null;
    }
}
