package org.edm.bench.run;

import org.edm.bench.harness.BenchTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * A transport on a test's clock: operation k (counting submissions from 0) completes {@code service(k)} nanoseconds
 * after it was submitted; {@link #poll} delivers, at {@link #now}, every completion that is due, in order.
 */
final class ScriptedTransport implements BenchTransport
{
    private final int depth;
    private final LongUnaryOperator service;
    private final List<long[]> pending = new ArrayList<>();
    long now;
    long submissions;
    final List<Integer> operations = new ArrayList<>();

    ScriptedTransport(final int depth, final LongUnaryOperator service)
    {
        this.depth = depth;
        this.service = service;
    }

    public String name()
    {
        return "scripted";
    }

    public int maxOutstanding()
    {
        return depth;
    }

    public long regionBytes()
    {
        return 1 << 20;
    }

    public int submit(final int operation, final long address, final int length, final long token)
    {
        if (pending.size() == depth)
        {
            return BACK_PRESSURED;
        }
        pending.add(new long[] { now + service.applyAsLong(submissions), token });
        operations.add(operation);
        submissions++;
        return 0;
    }

    public int poll(final Completions completions)
    {
        int delivered = 0;
        pending.sort((a, b) -> Long.compare(a[0], b[0]));
        while (!pending.isEmpty() && pending.getFirst()[0] <= now)
        {
            final long[] done = pending.removeFirst();
            completions.onComplete(done[1], 0, now);
            delivered++;
        }
        return delivered;
    }

    public int outstanding()
    {
        return pending.size();
    }

    public long wireBytes()
    {
        return 0;
    }

    public String statusName(final int status)
    {
        return "status " + status;
    }

    public void close()
    {
    }
}
