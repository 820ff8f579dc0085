package org.edm.phy.sched;

/**
 * k iterations of priority PIM (edm-protocol §4.3 [REC]): in each iteration every free receiver offers to the sender
 * of its best eligible message among the senders still free, and every sender accepts the best offer it got. Offers
 * and accepts use the same shortest-remaining-first priority as the greedy reference, so the result is deterministic;
 * with enough iterations it converges to the greedy matching, with few it shows what a short hardware pipeline loses.
 */
final class PriorityPimMatcher
{
    private final CentralScheduler scheduler;
    private final int ports;
    private final int[] bestOffer;
    private final long[] bestOfferKey;
    private final int[] offeredSenders;

    PriorityPimMatcher(final CentralScheduler scheduler, final int ports)
    {
        this.scheduler = scheduler;
        this.ports = ports;
        bestOffer = new int[ports];
        bestOfferKey = new long[ports];
        offeredSenders = new int[ports];
        java.util.Arrays.fill(bestOffer, -1);
    }

    int match(final int iterations)
    {
        final EligibleDemand eligible = scheduler.eligible();
        final boolean[] illegal = scheduler.illegalSenders();
        int granted = 0;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            int offered = 0;
            for (int r = 0; r < ports; r++)
            {
                if (!scheduler.isFree(r) || !eligible.hasDemand(r))
                {
                    continue;
                }
                final int entry = eligible.bestLegal(r, illegal);
                if (entry < 0)
                {
                    continue;
                }
                final int s = scheduler.senderOf(entry);
                final long key = scheduler.priorityKey(entry);
                if (bestOffer[s] < 0)
                {
                    offeredSenders[offered++] = s;
                    bestOffer[s] = entry;
                    bestOfferKey[s] = key;
                }
                else if (key < bestOfferKey[s])
                {
                    bestOffer[s] = entry;
                    bestOfferKey[s] = key;
                }
            }
            if (offered == 0)
            {
                break;
            }
            for (int i = 0; i < offered; i++)
            {
                final int s = offeredSenders[i];
                scheduler.grant(bestOffer[s]);
                bestOffer[s] = -1;
                granted++;
            }
        }
        return granted;
    }
}
