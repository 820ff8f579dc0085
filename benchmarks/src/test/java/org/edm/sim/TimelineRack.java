package org.edm.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small driver for timeline tests: submits requests at their slots, steps the rack until every request finished
 * (a write when its last block is delivered, a read when its response is), and keeps every protocol moment.
 */
final class TimelineRack implements RackListener
{
    static final int READ = 1;
    static final int WRITE = 3;
    static final int NET = 100;

    final RackModel model;
    private final List<long[]> requests = new ArrayList<>();
    final Map<Long, Long> finish = new HashMap<>();
    final Map<Long, Long> notifSent = new HashMap<>();
    final Map<Long, Long> grantAtHost = new HashMap<>();
    final Map<Long, Long> firstBlock = new HashMap<>();
    final Map<Long, Long> responseGrantAtMemory = new HashMap<>();
    private final Map<Long, Long> tagToRequest = new HashMap<>();

    TimelineRack(final RackParameters parameters)
    {
        model = new RackModel(parameters, this);
    }

    /** Adds request id = index of this call. */
    TimelineRack request(final int type, final int src, final int dst, final int bytes, final long slot)
    {
        requests.add(new long[] { type, src, dst, bytes, slot });
        return this;
    }

    void run(final long maxSlots)
    {
        for (long slot = 0; slot < maxSlots; slot++)
        {
            for (int id = 0; id < requests.size(); id++)
            {
                final long[] r = requests.get(id);
                if (r[4] == slot && r[0] == NET)
                {
                    model.submitNet(id, (int)r[1], (int)r[2], r[3], slot);
                }
                else if (r[4] == slot)
                {
                    final int tag = r[0] == READ ?
                        model.submitRead(id, (int)r[1], (int)r[2], (int)r[3], slot) :
                        model.submitWrite(id, (int)r[1], (int)r[2], (int)r[3], slot);
                    if (tag < 0)
                    {
                        throw new IllegalStateException("request " + id + " refused: " + tag);
                    }
                    tagToRequest.put(key((int)r[1], tag), (long)id);
                }
            }
            model.step(slot);
            if (finish.size() == requests.size())
            {
                return;
            }
        }
        throw new IllegalStateException("only " + finish.size() + " of " + requests.size() + " finished");
    }

    long fct(final int id)
    {
        return finish.get((long)id) - requests.get(id)[4];
    }

    public void completed(final long requestId, final int status, final long submitSlot, final long completeSlot)
    {
        if (status != 0)
        {
            throw new IllegalStateException("request " + requestId + " ended with status " + status);
        }
        if (requests.get((int)requestId)[0] == READ || requests.get((int)requestId)[0] == NET)
        {
            finish.put(requestId, completeSlot);
        }
    }

    public void notified(final long requestId, final long slot)
    {
        notifSent.putIfAbsent(requestId, slot);
    }

    public void granted(final long requestId, final long slot)
    {
        grantAtHost.putIfAbsent(requestId, slot);
    }

    public void started(final long requestId, final long slot)
    {
        firstBlock.putIfAbsent(requestId, slot);
    }

    public void responseGranted(final int requester, final int tag, final long slot)
    {
        responseGrantAtMemory.putIfAbsent(tagToRequest.get(key(requester, tag)), slot);
    }

    public void writeDelivered(final int requester, final int tag, final long slot)
    {
        finish.put(tagToRequest.get(key(requester, tag)), slot);
    }

    private static long key(final int requester, final int tag)
    {
        return ((long)requester << 32) | tag;
    }
}
