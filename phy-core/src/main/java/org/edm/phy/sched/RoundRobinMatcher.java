package org.edm.phy.sched;

/**
 * k iterations of round-robin request/grant/accept matching in the style of iSLIP. A free receiver offers to the first
 * sender at or after its offer pointer that has eligible demand for it and is still free; a sender accepts the first
 * offering receiver at or after its accept pointer. Pointers advance one past the partner only on accepts of the first
 * iteration, which is what desynchronises them under load. Within a (sender, receiver) pair the message with the
 * fewest remaining blocks is granted.
 */
final class RoundRobinMatcher
{
    private final CentralScheduler scheduler;
    private final int ports;
    private final int[] offerPointer;
    private final int[] acceptPointer;
    private final int[] offerTo;
    private final int[] offerEntry;

    RoundRobinMatcher(final CentralScheduler scheduler, final int ports)
    {
        this.scheduler = scheduler;
        this.ports = ports;
        offerPointer = new int[ports];
        acceptPointer = new int[ports];
        offerTo = new int[ports];
        offerEntry = new int[ports];
    }

    int match(final int iterations)
    {
        final EligibleDemand eligible = scheduler.eligible();
        final boolean[] illegal = scheduler.illegalSenders();
        int granted = 0;
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            boolean anyOffer = false;
            for (int r = 0; r < ports; r++)
            {
                offerTo[r] = -1;
                if (!scheduler.isFree(r) || !eligible.hasDemand(r))
                {
                    continue;
                }
                for (int i = 0; i < ports; i++)
                {
                    final int s = (offerPointer[r] + i) % ports;
                    if (!illegal[s] && eligible.hasPair(r, s))
                    {
                        offerTo[r] = s;
                        offerEntry[r] = eligible.pairTop(r, s);
                        anyOffer = true;
                        break;
                    }
                }
            }
            if (!anyOffer)
            {
                break;
            }
            for (int s = 0; s < ports; s++)
            {
                if (illegal[s])
                {
                    continue;
                }
                for (int i = 0; i < ports; i++)
                {
                    final int r = (acceptPointer[s] + i) % ports;
                    if (offerTo[r] == s)
                    {
                        scheduler.grant(offerEntry[r]);
                        granted++;
                        if (iteration == 0)
                        {
                            offerPointer[r] = (s + 1) % ports;
                            acceptPointer[s] = (r + 1) % ports;
                        }
                        break;
                    }
                }
            }
        }
        return granted;
    }
}
